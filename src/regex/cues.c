/* Reading cue words off a pattern, and the trie that finds them in text.
 * The reader understands the shapes rule packs use — word boundaries,
 * anchors, white space, lookarounds, optional groups and alternations of
 * literal words — and gives up on anything else, so a pattern it cannot
 * read is simply always tried. */
#include "regex/cues.h"

#include "regex/precompiled.h"

#include "util/mem.h"
#include "util/vec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef DDL_VEC(char *) cue_vec;
typedef DDL_VEC(cue_vec) set_vec;

/* A byte's child slot in a cue trie: a-z and A-Z 0-25, 0-9 26-35, '_' 36;
 * -1 for a byte that is no word character.  A table, as the candidate
 * scan asks it of every byte of every sentence, once per list; the
 * pattern reader asks it too, so both agree on what a word is. */
static const signed char slots[256] = {
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -1, -1, -1, -1, -1, -1,
    -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, 36,
    -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

static bool word_char(unsigned char c) { return slots[c] >= 0; }

static void cues_free(char **cues, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(cues[i]);
  free(cues);
}

/* Ends a cue that must be a whole word: "is" is no cue for "issue". */
enum { WHOLE_WORD = '$' };

/* The end of the class opening at P ('['), just past its ']', or NULL
 * when it is not closed.  A ']' first in the class is a literal. */
static const char *class_end(const char *p, const char *end) {
  const char *q = p + 1;
  if (q < end && *q == '^')
    q++;
  if (q < end && *q == ']')
    q++;
  while (q < end && *q != ']') {
    if (*q == '\\')
      q++;
    q++;
  }
  return q < end ? q + 1 : NULL;
}

/* The end of the group opening at P ('('), or NULL when unbalanced:
 * nested groups, classes and escapes are skipped. */
static const char *group_end(const char *p, const char *end) {
  int depth = 0;
  for (const char *q = p; q < end; q++) {
    if (*q == '\\') {
      q++;
    } else if (*q == '[') {
      if (!(q = class_end(q, end)))
        return NULL;
      q--;
    } else if (*q == '(') {
      depth++;
    } else if (*q == ')' && --depth == 0) {
      return q + 1;
    }
  }
  return NULL;
}

/* The quantifier at P, if any: its end in *QEND, and whether it allows
 * zero repetitions. */
static bool quantifier(const char *p, const char *end, const char **qend, bool *optional) {
  *qend = p;
  *optional = false;
  if (p >= end)
    return false;
  if (*p == '?' || *p == '*' || *p == '+') {
    *optional = *p != '+';
    p++;
  } else if (*p == '{' && p + 1 < end && isdigit((unsigned char)p[1])) {
    const char *q = p + 1;
    unsigned long min = strtoul(q, NULL, 10);
    while (q < end && *q != '}')
      q++;
    if (q >= end)
      return false;
    *optional = min == 0;
    p = q + 1;
  } else {
    return false;
  }
  if (p < end && (*p == '?' || *p == '+'))
    p++; /* lazy or possessive */
  *qend = p;
  return true;
}

/* Where the alternative starting at P ends: at the first '|' outside
 * groups and classes, else at END; NULL when a group or class in it is
 * not closed. */
static const char *alternative_end(const char *p, const char *end) {
  for (const char *q = p; q < end; q++) {
    if (*q == '|')
      return q;
    if (*q == '\\') {
      q++;
    } else if (*q == '(' || *q == '[') {
      const char *g = *q == '(' ? group_end(q, end) : class_end(q, end);
      if (!g)
        return NULL;
      q = g - 1;
    }
  }
  return end;
}

/* Whether alternative [p, end) always ends after white space or a
 * non-word character, so that what follows it starts a word. */
static bool ends_apart(const char *p, const char *end) {
  size_t n = (size_t)(end - p);
  static const char *const tails[] = {"\\s+", "\\s", "\\W+", "\\W", " "};
  for (size_t i = 0; i < DDL_ARRAY_LEN(tails); i++) {
    size_t m = strlen(tails[i]);
    if (n >= m && memcmp(end - m, tails[i], m) == 0 && !(m == 2 && n >= 3 && end[-3] == '\\'))
      return true;
  }
  return false;
}

/* Whether each top-level alternative of [p, end) is as TEST says. */
static bool every_alternative(const char *p, const char *end,
                              bool (*test)(const char *, const char *)) {
  for (;;) {
    const char *bar = alternative_end(p, end);
    if (!bar || !test(p, bar))
      return false;
    if (bar == end)
      return true;
    p = bar + 1;
  }
}

/* Whether every alternative of the group content [p, end) ends apart. */
static bool group_ends_apart(const char *p, const char *end) {
  return every_alternative(p, end, ends_apart);
}

static bool sequence(const char *p, const char *end, bool word_start, bool tail_apart,
                     cue_vec *out, set_vec *later);
static bool starts_apart(const char *p, const char *end, bool tail_apart);

/* The content of the group at P (after its opener), or NULL for a group
 * that does not consume text as plain content: lookarounds set *ZERO. */
static const char *group_inner(const char *p, const char *gend, bool *zero, bool *unknown) {
  *zero = false;
  *unknown = false;
  const char *q = p + 1;
  if (q < gend && *q == '?') {
    q++;
    if (q < gend && (*q == '=' || *q == '!')) {
      *zero = true;
      return NULL;
    }
    if (q < gend && *q == '<' && q + 1 < gend && (q[1] == '=' || q[1] == '!')) {
      *zero = true;
      return NULL;
    }
    if (q < gend && *q == ':')
      return q + 1;
    if (q < gend && *q == '>')
      return q + 1;
    if (q < gend && *q == '<') { /* named group */
      while (q < gend && *q != '>')
        q++;
      return q < gend ? q + 1 : NULL;
    }
    /* (?i), (?-i), (?i:...): option letters */
    while (q < gend && (isalpha((unsigned char)*q) || *q == '-'))
      q++;
    if (q < gend && *q == ')') {
      *zero = true; /* an option setting for what follows */
      return NULL;
    }
    if (q < gend && *q == ':')
      return q + 1;
    *unknown = true;
    return NULL;
  }
  return q;
}

/* A group of a pattern as the readers take it. */
typedef struct {
  const char *inner; /* its content, after the opener; NULL when ZERO */
  const char *close; /* just past its ')' */
  const char *after; /* past its quantifier, if it has one */
  bool zero;         /* a lookaround or option setting: consumes nothing */
  bool quantified, optional;
} pattern_group;

/* Reads the group that opens at P ('('); false when it is not closed or
 * of a kind the readers do not know (a conditional, a verb...). */
static bool read_group(const char *p, const char *end, pattern_group *g) {
  const char *qend;
  bool unknown;
  g->close = group_end(p, end);
  if (!g->close)
    return false;
  g->inner = group_inner(p, g->close, &g->zero, &unknown);
  if (unknown || (!g->inner && !g->zero))
    return false;
  g->quantified = quantifier(g->close, end, &qend, &g->optional);
  g->after = g->quantified ? qend : g->close;
  return true;
}

/* The cues of [p, end): those of each of its top-level alternatives.
 * TAIL_APART: whatever follows [p, end) in every match starts with a
 * character that cannot be part of a word (or at the end of the text). */
static bool alternatives(const char *p, const char *end, bool word_start, bool tail_apart,
                         cue_vec *out) {
  for (;;) {
    const char *bar = alternative_end(p, end);
    if (!bar || !sequence(p, bar, word_start, tail_apart, out, NULL))
      return false;
    if (bar == end)
      return true;
    p = bar + 1;
  }
}

/* Past a literal non-word character ending at P: a word right after it
 * starts there, unless the character is optional. */
static const char *literal_apart(const char *p, const char *end, bool *word_start) {
  const char *qend;
  bool optional;
  if (quantifier(p, end, &qend, &optional)) {
    p = qend;
    if (!optional)
      *word_start = true;
  } else {
    *word_start = true;
  }
  return p;
}

/* Whether a class [p, cend) holds only characters that are not ASCII
 * word characters: punctuation, white space, bytes of other scripts'
 * punctuation ("['’]"); no ranges, no negation, no \w or \d. */
static bool class_apart(const char *p, const char *cend) {
  const char *q = p + 1, *last = cend - 1; /* past '[', at ']' */
  if (q < last && *q == '^')
    return false;
  for (; q < last; q++) {
    unsigned char c = (unsigned char)*q;
    if (c == '\\') {
      if (++q >= last)
        return false;
      c = (unsigned char)*q;
      if (!(c == 's' || c == 'W' || ispunct(c)))
        return false;
    } else if (word_char(c) || (c == '-' && q > p + 1 && q + 1 < last) || c == '[') {
      return false;
    }
  }
  return true;
}

/* Whether every match of [p, end), followed by what TAIL_APART describes,
 * starts apart from a word before it: with a non-word character, at a
 * word boundary or at the end of the text.  Conservative: false when
 * unsure. */
static bool starts_apart(const char *p, const char *end, bool tail_apart) {
  while (p < end) {
    const char *after, *qend;
    bool optional = false;
    char c = *p;
    if (c == '$')
      return true;
    if (c == '\\' && p + 1 < end) {
      char e = p[1];
      if (e == 'b')
        return true;
      if (e != 's' && e != 'W' && !ispunct((unsigned char)e))
        return false;
      after = p + 2;
    } else if (c == '(') {
      pattern_group g;
      if (!read_group(p, end, &g))
        return false;
      if (g.zero) {
        p = g.after;
        continue;
      }
      if (g.quantified && !g.optional)
        return false;
      bool rest_apart = starts_apart(g.after, end, tail_apart);
      for (const char *alt = g.inner;;) {
        const char *bar = alternative_end(alt, g.close - 1);
        if (!bar || !starts_apart(alt, bar, rest_apart))
          return false;
        if (bar == g.close - 1)
          break;
        alt = bar + 1;
      }
      if (!g.optional)
        return true;
      p = g.after;
      continue;
    } else if (c == '[') {
      const char *cend = class_end(p, end);
      if (!cend || !class_apart(p, cend))
        return false;
      after = cend;
    } else if (c == ' ' || (ispunct((unsigned char)c) && !strchr(".^$|()[]{}*+?", c))) {
      after = p + 1;
    } else {
      return false;
    }
    if (!quantifier(after, end, &qend, &optional) || !optional)
      return true;
    p = qend; /* an optional separator: what follows it decides */
  }
  return tail_apart;
}

/* After the atom that gave a sequence its cues, ending at P: with LATER,
 * the cues of the next atom every match consumes are read too, each set
 * pushed to LATER.  What cannot be read there ends the reading, keeping
 * what was found. */
static bool read_on(const char *p, const char *end, bool tail_apart, set_vec *later) {
  if (later) {
    cue_vec next = {0};
    if (sequence(p, end, false, tail_apart, &next, later) && next.len)
      DDL_VEC_PUSH(*later, next);
    else
      cues_free(next.items, next.len);
  }
  return true;
}

/* Cues of the first atom of [p, end) that every match must consume and
 * that can be read: atoms of unknown text before it (classes, \w, a
 * word's inside) are passed over, so "[a-z]+\s+(?:that|which)" has the
 * cues of its group.  LATER, when not NULL, receives the cues of each
 * further atom every match consumes ("the\s+(?:chosen|selected)": the,
 * then chosen|selected). */
static bool sequence(const char *p, const char *end, bool word_start, bool tail_apart,
                     cue_vec *out, set_vec *later) {
  while (p < end) {
    char c = *p;
    if (c == '^') {
      word_start = true;
      p++;
    } else if (c == '\\' && p + 1 < end) {
      char e = p[1];
      if (e == 'b') {
        word_start = true;
        p += 2;
      } else if (e == 's' || e == 'W') {
        const char *qend;
        bool optional;
        bool q = quantifier(p + 2, end, &qend, &optional);
        /* One or more non-word characters: what follows starts a word;
         * zero or more: as before, or so. */
        if (!q || !optional)
          word_start = true;
        p = q ? qend : p + 2;
      } else if (strchr("wWdDSB", e)) {
        /* A character of unknown kind: skipped, and what follows it
         * may be inside a word. */
        const char *qend;
        bool optional;
        p = quantifier(p + 2, end, &qend, &optional) ? qend : p + 2;
        word_start = false;
      } else if (ispunct((unsigned char)e)) {
        p = literal_apart(p + 2, end, &word_start);
      } else {
        return false;
      }
    } else if (c == '(') {
      pattern_group g;
      if (!read_group(p, end, &g))
        return false;
      if (g.zero) {
        p = g.after;
        continue;
      }
      if (g.quantified && g.optional) {
        word_start = word_start && group_ends_apart(g.inner, g.close - 1);
        p = g.after;
        continue;
      }
      /* A repeated group may follow itself, so its words may run on. */
      if (!alternatives(g.inner, g.close - 1, word_start,
                        !g.quantified && starts_apart(g.close, end, tail_apart), out))
        return false;
      return read_on(g.after, end, tail_apart, later);
    } else if (word_char((unsigned char)c) && word_start) {
      const char *q = p;
      while (q < end && word_char((unsigned char)*q))
        q++;
      size_t n = (size_t)(q - p);
      bool whole = true;
      if (q < end && (*q == '?' || *q == '*' || (*q == '{' && q + 1 < end && q[1] == '0'))) {
        n--; /* the last letter is optional */
        whole = false;
      }
      if (n == 0)
        return false;
      whole = whole && starts_apart(q, end, tail_apart);
      char *cue = ddl_xmalloc(n + 2);
      for (size_t i = 0; i < n; i++)
        cue[i] = (char)tolower((unsigned char)p[i]);
      if (whole)
        cue[n++] = WHOLE_WORD;
      cue[n] = '\0';
      DDL_VEC_PUSH(*out, cue);
      return read_on(q, end, tail_apart, later);
    } else if (word_char((unsigned char)c)) {
      /* Inside a word: the cue is further on, if anywhere. */
      const char *qend;
      bool optional;
      p = quantifier(p + 1, end, &qend, &optional) ? qend : p + 1;
    } else if (c == '[' || c == '.') {
      const char *after = c == '[' ? class_end(p, end) : p + 1;
      const char *qend;
      bool optional;
      if (!after)
        return false;
      p = quantifier(after, end, &qend, &optional) ? qend : after;
      word_start = false;
    } else if (c == ' ' || (c != '$' && c != ')' && c != '|' && ispunct((unsigned char)c))) {
      p = literal_apart(p + 1, end, &word_start);
    } else {
      return false;
    }
  }
  return false; /* nothing consumed for certain */
}

/* ---- the first word ------------------------------------------------ */

static bool leads_with_word(const char *p, const char *end);

/* Whether every alternative of the group content [p, end) leads with a
 * word. */
static bool alternatives_lead(const char *p, const char *end) {
  return every_alternative(p, end, leads_with_word);
}

/* Whether every match of [p, end) opens with a word character the
 * pattern writes: a letter no quantifier makes optional, or a group that
 * must match and each of whose alternatives so opens. */
static bool leads_with_word(const char *p, const char *end) {
  const char *qend;
  bool optional;
  pattern_group g;
  if (p >= end)
    return false;
  if (word_char((unsigned char)*p))
    return !quantifier(p + 1, end, &qend, &optional) || !optional;
  if (*p != '(' || !read_group(p, end, &g) || g.zero || (g.quantified && g.optional))
    return false;
  return alternatives_lead(g.inner, g.close - 1);
}

/* The first cue of each alternative of [p, end), into OUT, when each
 * opens with a word; TAIL_APART as for alternatives(). */
static bool first_words(const char *p, const char *end, bool tail_apart, cue_vec *out) {
  return alternatives_lead(p, end) && alternatives(p, end, true, tail_apart, out) && out->len;
}

/* The cues of the subject's first word, for a pattern [p, end) that
 * opens with '^': after it, non-word characters and optional groups may
 * come before the first word the pattern requires, so the first word is
 * that one or the first of an optional group's.  Nothing is read past
 * what the pattern's opening makes certain. */
static bool leading_words(const char *p, const char *end, cue_vec *out) {
  if (p >= end || *p != '^')
    return false;
  for (p++; p < end;) {
    const char *qend;
    bool optional;
    if (*p == '\\' && p + 1 < end && (p[1] == 's' || p[1] == 'W' || p[1] == 'b')) {
      p = p[1] != 'b' && quantifier(p + 2, end, &qend, &optional) ? qend : p + 2;
    } else if (*p == ' ') {
      p = quantifier(p + 1, end, &qend, &optional) ? qend : p + 1;
    } else if (*p == '(') {
      pattern_group g;
      if (!read_group(p, end, &g))
        return false;
      if (g.zero) {
        p = g.after;
        continue;
      }
      if (!first_words(g.inner, g.close - 1, !g.quantified && starts_apart(g.close, end, false),
                       out))
        return false;
      if (!(g.quantified && g.optional))
        return true;
      p = g.after; /* skipped, what follows opens the subject */
    } else {
      return leads_with_word(p, end) && sequence(p, end, true, false, out, NULL) && out->len;
    }
  }
  return false;
}

/* How much text a set admits, as the length of its shortest cue (a
 * whole word counting one more): "is$|are$" admits most sentences,
 * "chosen$|selected$" few. */
static size_t selectivity(const cue_vec *set) {
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < set->len; i++) {
    size_t n = strlen(set->items[i]);
    if (n < best)
      best = n;
  }
  return best;
}

/* The most selective of SETS, by a stable selection. */
static size_t most_selective(const set_vec *sets) {
  size_t pick = 0;
  for (size_t i = 1; i < sets->len; i++)
    if (selectivity(&sets->items[i]) > selectivity(&sets->items[pick]))
      pick = i;
  return pick;
}

static bool same_cues(const cue_vec *a, const cue_vec *b) {
  if (a->len != b->len)
    return false;
  for (size_t i = 0; i < a->len; i++)
    if (strcmp(a->items[i], b->items[i]) != 0)
      return false;
  return true;
}

/* The cues of a pattern of top-level alternatives, [p, end): in FIRST,
 * the first cue of each; in *CHOSEN, for each the most selective set it
 * has.  A match is a match of one alternative and holds a word of each
 * of its sets, so the union of one set per alternative is a set too:
 * "\bwhy\b|\bthe\s+(?:main|key)\s+reason\b" has why|reason, where its
 * first cues, why|the, admit nearly every sentence. */
static bool alternative_sets(const char *p, const char *end, cue_vec *first, cue_vec *chosen) {
  for (;;) {
    const char *bar = alternative_end(p, end);
    cue_vec own = {0};
    set_vec later = {0};
    bool ok = bar && sequence(p, bar, false, false, &own, &later);
    if (ok) {
      for (size_t i = 0; i < own.len; i++)
        DDL_VEC_PUSH(*first, ddl_xstrdup(own.items[i]));
      /* The first cue first: among sets as selective, it is chosen. */
      DDL_VEC_PUSH(later, own);
      memmove(&later.items[1], &later.items[0], (later.len - 1) * sizeof(cue_vec));
      later.items[0] = own;
      const cue_vec *best = &later.items[most_selective(&later)];
      for (size_t i = 0; i < best->len; i++)
        DDL_VEC_PUSH(*chosen, ddl_xstrdup(best->items[i]));
    } else {
      cues_free(own.items, own.len);
    }
    for (size_t i = 0; i < later.len; i++)
      cues_free(later.items[i].items, later.items[i].len);
    DDL_VEC_FREE(later);
    if (!ok)
      return false;
    if (bar == end)
      return true;
    p = bar + 1;
  }
}

size_t ddl_cues_extract(const char *pattern, ddl_cue_set sets[DDL_CUE_SETS]) {
  set_vec all = {0};
  cue_vec first = {0};
  size_t len = strlen(pattern);
  const char *end = pattern + len;
  /* A pattern in extended syntax reads differently; leave it alone.  A
   * pattern of top-level alternatives has two sets: the first cue of
   * each, and one set of each; one of a single sequence, a set per atom
   * every match consumes. */
  bool single = alternative_end(pattern, end) == end;
  bool ok = !strstr(pattern, "(?x");
  if (ok && single) {
    ok = sequence(pattern, end, false, false, &first, &all);
  } else if (ok) {
    cue_vec chosen = {0};
    ok = alternative_sets(pattern, end, &first, &chosen);
    if (ok && chosen.len && !same_cues(&chosen, &first))
      DDL_VEC_PUSH(all, chosen);
    else
      cues_free(chosen.items, chosen.len);
  }
  /* A pattern anchored at the subject's start ("^\W*(?:use|adopt)\s")
   * can match only where the first word is one of its leading cues:
   * words any sentence may hold are rare there. */
  cue_vec lead = {0};
  size_t nsets = 0;
  if (!strstr(pattern, "(?x") && !strstr(pattern, "(?m") && single &&
      leading_words(pattern, end, &lead)) {
    sets[0] = (ddl_cue_set){lead.items, lead.len, true};
    nsets = 1;
  } else {
    cues_free(lead.items, lead.len);
  }
  if (ok && first.len) {
    DDL_VEC_PUSH(all, first); /* first among equals: moved to the front */
    memmove(&all.items[1], &all.items[0], (all.len - 1) * sizeof(cue_vec));
    all.items[0] = first;
    first = (cue_vec){0};
    /* The most selective sets, by a stable selection. */
    while (nsets < DDL_CUE_SETS && all.len) {
      size_t pick = most_selective(&all);
      cue_vec set = all.items[pick];
      memmove(&all.items[pick], &all.items[pick + 1], (all.len - pick - 1) * sizeof(cue_vec));
      all.len--;
      if (nsets && sets[0].leading && same_cues(&set, &lead)) {
        cues_free(set.items, set.len); /* the leading set again, anywhere */
        continue;
      }
      sets[nsets++] = (ddl_cue_set){set.items, set.len, false};
    }
  }
  cues_free(first.items, first.len);
  for (size_t i = 0; i < all.len; i++)
    cues_free(all.items[i].items, all.items[i].len);
  DDL_VEC_FREE(all);
  return nsets;
}

void ddl_cue_sets_free(ddl_cue_set *sets, size_t nsets) {
  for (size_t i = 0; i < nsets; i++)
    cues_free(sets[i].cues, sets[i].n);
}

/* ---- the index ----------------------------------------------------- */

/* A list's trie has a few thousand nodes: 16-bit links keep it small,
 * and it is allocated once, at its exact size, since start-up is mostly
 * page faults.  Patterns whose cues would not fit are always tried. */
enum { MAX_NODES = UINT16_MAX };

struct ddl_cue_index {
  ddl_cue_node *nodes; /* the trie's, when built here; NULL when prebuilt */
  ddl_cue_trie trie;
};


/* Marks pattern BIT under CUE, of set K, in the trie at ROOT; the caller
 * made room. */
static void index_cue(ddl_cue_index *ix, uint32_t root, const char *cue, size_t k, uint64_t bit) {
  uint32_t at = root;
  bool whole = false;
  for (const unsigned char *c = (const unsigned char *)cue; *c; c++) {
    if (*c == WHOLE_WORD && !c[1]) {
      whole = true;
      break;
    }
    int s = slots[*c];
    if (s < 0) { /* cannot happen: cues are word characters */
      ix->trie.given[k] |= bit;
      return;
    }
    if (!ix->nodes[at].child[s])
      ix->nodes[at].child[s] = (uint16_t)ix->trie.nnodes++;
    at = ix->nodes[at].child[s];
  }
  if (whole)
    ix->nodes[at].words[k] |= bit;
  else
    ix->nodes[at].ends[k] |= bit;
}

static int by_cue(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The number of trie nodes the cues of the N patterns' SETS make, of the
 * leading sets or of the others: one per distinct prefix, and the root.
 * A '$' mark is not a node. */
static size_t trie_size(ddl_cue_set (*sets)[DDL_CUE_SETS], const size_t *nsets, size_t n,
                        bool leading) {
  DDL_VEC(const char *) all = {0};
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < nsets[i]; k++)
      if (sets[i][k].leading == leading)
        for (size_t c = 0; c < sets[i][k].n; c++)
          DDL_VEC_PUSH(all, sets[i][k].cues[c]);
  if (all.len > 1)
    qsort(all.items, all.len, sizeof(char *), by_cue);
  size_t nodes = 1;
  for (size_t i = 0; i < all.len; i++) {
    const char *cue = all.items[i], *prev = i ? all.items[i - 1] : "";
    size_t len = strlen(cue), common = 0;
    if (len && cue[len - 1] == WHOLE_WORD)
      len--;
    while (common < len && prev[common] == cue[common])
      common++;
    nodes += len - common;
  }
  DDL_VEC_FREE(all);
  return nodes;
}

static size_t cue_bytes(const ddl_cue_set *sets, size_t nsets) {
  size_t n = 0;
  for (size_t k = 0; k < nsets; k++)
    for (size_t c = 0; c < sets[k].n; c++)
      n += strlen(sets[k].cues[c]);
  return n;
}

ddl_cue_trie ddl_cue_index_trie(const ddl_cue_index *ix) { return ix->trie; }

ddl_cue_index *ddl_cue_index_build(const char *const *patterns, size_t n) {
  const ddl_cue_trie *prebuilt = ddl_precompiled_cues(patterns, n);
  if (!prebuilt)
    return ddl_cue_index_build_here(patterns, n);
  ddl_cue_index *ix = ddl_xcalloc(1, sizeof(*ix));
  ix->trie = *prebuilt;
  return ix;
}

ddl_cue_index *ddl_cue_index_build_here(const char *const *patterns, size_t n) {
  ddl_cue_index *ix = ddl_xcalloc(1, sizeof(*ix));
  size_t m = n < 64 ? n : 64;
  ddl_cue_set(*sets)[DDL_CUE_SETS] = ddl_xcalloc(m + 1, sizeof(*sets));
  size_t *nsets = ddl_xcalloc(m + 1, sizeof(size_t));
  for (size_t i = 0; i < m; i++)
    nsets[i] = ddl_cues_extract(patterns[i], sets[i]);
  /* Leading cues have a trie of their own, walked with the first word
   * only: in the other, common opening words ("then", "for") would
   * lengthen the walk of every word. */
  bool leads = false;
  for (size_t i = 0; i < m; i++)
    leads |= nsets[i] && sets[i][0].leading;
  size_t bound = trie_size(sets, nsets, m, false) + (leads ? trie_size(sets, nsets, m, true) : 0);
  bool crowded = bound > MAX_NODES; /* then patterns are let in while they fit */
  if (crowded)
    bound = MAX_NODES;
  ix->nodes = ddl_xcalloc(bound, sizeof(ddl_cue_node));
  ix->trie.nodes = ix->nodes;
  ix->trie.nnodes = leads ? 2 : 1;
  ix->trie.lead_root = leads ? 1 : 0;
  for (size_t i = 0; i < m; i++) {
    uint64_t bit = (uint64_t)1 << i;
    ix->trie.all |= bit;
    size_t own = nsets[i];
    if (crowded && ix->trie.nnodes + cue_bytes(sets[i], nsets[i]) > bound)
      own = 0; /* no room: always a candidate */
    for (size_t k = own; k < DDL_CUE_SETS; k++)
      ix->trie.given[k] |= bit;
    for (size_t k = 0; k < own; k++)
      for (size_t c = 0; c < sets[i][k].n; c++)
        index_cue(ix, sets[i][k].leading ? ix->trie.lead_root : 0, sets[i][k].cues[c], k, bit);
    ddl_cue_sets_free(sets[i], nsets[i]);
  }
  free(sets);
  free(nsets);
  return ix;
}

void ddl_cue_index_free(ddl_cue_index *ix) {
  if (!ix)
    return;
  free(ix->nodes);
  free(ix);
}

/* The patterns that have a word of every set. */
static uint64_t in_every_set(const uint64_t found[DDL_CUE_SETS]) {
  uint64_t all = found[0];
  for (size_t set = 1; set < DDL_CUE_SETS; set++)
    all &= found[set];
  return all;
}

/* Walks the word at *I through the trie at ROOT, adding what its cues
 * mark to FOUND, and leaves *I past the word. */
static inline void walk_word(const ddl_cue_trie *tr, uint32_t root, const unsigned char *t, size_t *i,
                      size_t end, uint64_t found[DDL_CUE_SETS]) {
  uint32_t at = root;
  size_t j = *i;
  for (; j < end; j++) {
    int s = slots[t[j]];
    if (s < 0 || !(at = tr->nodes[at].child[s]))
      break;
    const ddl_cue_node *nd = &tr->nodes[at];
    bool word_ends = j + 1 == end || slots[t[j + 1]] < 0;
    for (size_t set = 0; set < DDL_CUE_SETS; set++)
      found[set] |= nd->ends[set] | (word_ends ? nd->words[set] : 0);
  }
  while (j < end && slots[t[j]] >= 0) /* the rest of the word the trie left */
    j++;
  *i = j;
}

uint64_t ddl_cue_index_candidates(const ddl_cue_index *ix, const char *text, size_t start,
                                  size_t end) {
  uint64_t found[DDL_CUE_SETS];
  const ddl_cue_trie *tr = &ix->trie;
  memcpy(found, tr->given, sizeof(found));
  const unsigned char *t = (const unsigned char *)text;
  size_t i = start;
  /* A word that began before START is not one of the range's words. */
  if (i > 0)
    while (i < end && slots[t[i]] >= 0 && slots[t[i - 1]] >= 0)
      i++;
  if (tr->lead_root) { /* the first word, through the leading cues */
    size_t w = i;
    while (w < end && slots[t[w]] < 0)
      w++;
    walk_word(tr, tr->lead_root, t, &w, end, found);
  }
  while (i < end) {
    if (slots[t[i]] < 0) {
      i++;
      continue;
    }
    if (in_every_set(found) == tr->all)
      break;
    walk_word(tr, 0, t, &i, end, found);
  }
  return in_every_set(found);
}
