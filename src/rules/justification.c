/* Rule kind "justification": a sentence, list item or table row that
 * states a design decision must say why.  A reason counts for the decision
 * it is about: in the same sentence; in the next sentence, or with
 * reason-scope: paragraph in any later sentence of the paragraph up to the
 * next decision, when that sentence decides nothing itself (it refers
 * back: "This lets..."); in the item's other paragraphs and sub-items that
 * decide nothing themselves; in the sentence that introduces the list; or
 * in a table's rationale column.  A reason given for another decision
 * does not carry over. */
#include "engine/engine.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"decision", "statement", "not-decision", "reason", "not-reason",
                                   "rationale-column", "reason-scope", "skip-sections", NULL};

/* How far from a decision its reason may be, besides list items. */
typedef enum {
  SCOPE_SENTENCE,   /* the decision's sentence or the next one */
  SCOPE_NEIGHBOURS, /* also the sentence before */
  SCOPE_PARAGRAPH   /* any later sentence up to the next decision, or before the first */
} reason_scope;

typedef struct {
  ddl_regex_list decision, not_decision, reason, not_reason, rationale_column;
  /* Descriptions of the design ("Requests are routed by tenant"): decisions
   * when they name something the design is made of. */
  ddl_regex_list statement;
  ddl_regex_list skip_sections; /* requirements, use cases...: nothing decided there */
  reason_scope scope;
} just_rule;

enum { UNKNOWN = 0, NO = 1, YES = 2 };

typedef struct {
  const ddl_active *a;
  ddl_run *run;
  bool trace;
  uint8_t *block_reason;       /* per block: a reason no decision there claims; on demand */
  uint8_t *skipped;            /* per section, computed on demand */
  const ddl_table *table;      /* the table whose rationale column is cached */
  int32_t rationale_col;
  /* The last reason found, for DDLINT_TRACE: block and text range. */
  const ddl_block *reason_block;
  ddl_span reason_at;
  /* Per sentence of the block being visited, block cur_block: a sentence
   * is asked several times (for itself, for the decision before it...)
   * and each answer costs many patterns.  cur_reason is UNKNOWN, NO or YES
   * for "gives a reason", found on demand, with its place in
   * cur_reason_at; the decision arrays are filled before any is asked. */
  uint32_t cur_block;
  uint32_t cur_cap;
  uint8_t *cur_reason;
  ddl_span *cur_reason_at;
  bool *cur_decision;  /* a decision pattern matches, inline code or not */
  bool *cur_decides;   /* ... outside inline code: a decision to judge */
  ddl_span *cur_match; /* where the decision pattern matched */
  uint32_t cur_first_decides; /* the first sentence that decides, or nsents */
  struct stem_set *cur_stems; /* per sentence, on demand, for same_topic */
} just_state;

/* Sub-items and item paragraphs looked at for a reason; bounds the work
 * per decision whatever the nesting. */
enum { ITEM_LOOKAHEAD = 12, QUOTE_MAX = 70 };
/* Later sentences of a paragraph looked at for a decision's reason (real
 * paragraphs have a few dozen sentences at most). */
enum { SENTENCE_LOOKAHEAD = 48 };

static void release(void *data) {
  just_rule *r = data;
  if (!r)
    return;
  ddl_regex_list_free(&r->decision);
  ddl_regex_list_free(&r->statement);
  ddl_regex_list_free(&r->not_decision);
  ddl_regex_list_free(&r->reason);
  ddl_regex_list_free(&r->not_reason);
  ddl_regex_list_free(&r->rationale_column);
  ddl_regex_list_free(&r->skip_sections);
  free(r);
}

static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  just_rule *r = ddl_xcalloc(1, sizeof(*r));
  int rc;
  r->scope = SCOPE_SENTENCE;
  const ddl_ynode *n = ddl_rule_src_get(src, "reason-scope");
  if (n) {
    static const char *const names[] = {"sentence", "neighbours", "paragraph"};
    const char *scope;
    if ((rc = ddl_ydoc_string(src->y, n, "'reason-scope'", &scope)))
      goto fail;
    int found = -1;
    for (int i = 0; i < 3; i++)
      if (strcmp(scope, names[i]) == 0)
        found = i;
    if (found < 0) {
      rc = ddl_ydoc_fail(src->y, n, "'reason-scope' must be sentence, neighbours or paragraph");
      goto fail;
    }
    r->scope = (reason_scope)found;
  }
  if ((rc = ddl_rule_src_pattern_list(src, "decision", true, &r->decision)) ||
      (rc = ddl_rule_src_pattern_list(src, "statement", false, &r->statement)) ||
      (rc = ddl_rule_src_patterns(src, "not-decision", false, &r->not_decision)) ||
      (rc = ddl_rule_src_patterns(src, "reason", true, &r->reason)) ||
      (rc = ddl_rule_src_patterns(src, "not-reason", false, &r->not_reason)) ||
      (rc = ddl_rule_src_patterns(src, "rationale-column", false, &r->rationale_column)) ||
      (rc = ddl_rule_src_patterns(src, "skip-sections", false, &r->skip_sections)))
    goto fail;
  /* Every sentence is searched for a decision, and most then for a
   * statement: one walk over its words serves both. */
  ddl_regex_lists_index_together(&r->decision, &r->statement);
  rule->data = r;
  return DDL_OK;
fail:
  release(r);
  return rc;
}

static void *begin(ddl_run *run, const ddl_active *a) {
  just_state *st = ddl_run_alloc(run, sizeof(*st));
  st->a = a;
  st->run = run;
  st->trace = ddl_trace("justification");
  st->block_reason = ddl_run_alloc(run, run->doc->nblocks + 1);
  st->cur_block = UINT32_MAX;
  st->skipped = ddl_run_alloc(run, run->doc->nsections + 1);
  st->rationale_col = -1;
  return st;
}

/* Where a match [S, E) of a generic phrase stops covering reasons: an
 * empty one covers the reason that starts at it. */
static size_t cover_end(size_t s, size_t e) { return e > s ? e : s + 1; }

/* Whether T[0, len) gives a reason that is not a generic restatement.
 * Reasons and generic phrases are both met in text order, so one pass
 * over each does: searching the phrases again from the start for every
 * reason made a sentence of many generic reasons quadratic. */
static bool has_reason(ddl_matcher *m, const just_rule *r, const char *t, size_t len, size_t *rs,
                       size_t *re) {
  size_t pos = 0, s, e;
  ddl_regex_cues reason_cues = DDL_REGEX_CUES_INIT, generic_cues = DDL_REGEX_CUES_INIT;
  size_t gs = 0, ge = 0, gpos = 0; /* the current generic phrase; where the next is sought */
  bool have_generic = false, generics_done = false;
  while (pos < len && ddl_regex_list_search_again(m, &r->reason, &reason_cues, t, pos, len, &s, &e)) {
    while (!generics_done && (!have_generic || cover_end(gs, ge) <= s)) {
      have_generic = gpos < len && ddl_regex_list_search_again(m, &r->not_reason, &generic_cues, t,
                                                               gpos, len, &gs, &ge);
      if (have_generic)
        gpos = ge > gs ? ge : ddl_utf8_next(t, len, gs);
      else
        generics_done = true;
    }
    if (!(have_generic && gs <= s)) {
      *rs = s;
      *re = e;
      return true;
    }
    pos = e > s ? e : ddl_utf8_next(t, len, s);
  }
  return false;
}

static bool sentence_reason(just_state *st, const just_rule *r, const ddl_block *b, uint32_t i) {
  if (i >= b->nsents)
    return false;
  bool cached = b->index == st->cur_block;
  if (cached && st->cur_reason[i] != UNKNOWN) {
    if (st->cur_reason[i] == NO)
      return false;
    st->reason_block = b;
    st->reason_at = st->cur_reason_at[i];
    return true;
  }
  size_t rs, re;
  bool yes =
      has_reason(st->run->matcher, r, b->text + b->sents[i].start, b->sents[i].end - b->sents[i].start, &rs, &re);
  ddl_span at = {0, 0};
  if (yes) {
    at = (ddl_span){b->sents[i].start + (uint32_t)rs, b->sents[i].start + (uint32_t)re};
    st->reason_block = b;
    st->reason_at = at;
  }
  if (cached) {
    st->cur_reason[i] = yes ? YES : NO;
    st->cur_reason_at[i] = at;
  }
  return yes;
}

static bool is_decision(just_state *st, const just_rule *r, const ddl_block *b, ddl_span s,
                        size_t *ms, size_t *me);

static bool sentence_decides(just_state *st, const just_rule *r, const ddl_block *b, uint32_t i) {
  if (i >= b->nsents)
    return false;
  if (b->index == st->cur_block)
    return st->cur_decision[i];
  size_t ms, me;
  return is_decision(st, r, b, b->sents[i], &ms, &me);
}

/* Whether block B gives a reason that no decision of its own claims: a
 * sub-item that decides something keeps its reason to itself. */
static bool block_reason(just_state *st, const just_rule *r, const ddl_block *b) {
  if (st->block_reason[b->index] == UNKNOWN) {
    bool yes = false;
    for (uint32_t i = 0; i < b->nsents && !yes; i++)
      yes = sentence_reason(st, r, b, i) && !sentence_decides(st, r, b, i);
    st->block_reason[b->index] = yes ? YES : NO;
  }
  return st->block_reason[b->index] == YES;
}

/* The reasons a list item can borrow: its other paragraphs, its sub-items
 * and the sentence that leads into its list. */
static bool item_reason(just_state *st, const just_rule *r, const ddl_doc *doc, const ddl_block *b) {
  const ddl_item *it = &doc->items[b->item];
  uint32_t end = it->end_block;
  if (end > it->first_block + ITEM_LOOKAHEAD)
    end = it->first_block + ITEM_LOOKAHEAD;
  for (uint32_t k = it->first_block; k < end; k++)
    if (k != b->index && doc->blocks[k].kind == DDL_BLOCK_PARAGRAPH &&
        block_reason(st, r, &doc->blocks[k]))
      return true;
  if (it->lead_in >= 0) {
    const ddl_block *lead = &doc->blocks[it->lead_in];
    if (lead->nsents && sentence_reason(st, r, lead, lead->nsents - 1))
      return true;
  }
  return false;
}

/* Whether the list that paragraph B introduces argues for its last
 * sentence: B ends "as:", "because:" or "since:", or one of the list's
 * first items gives a reason. */
static bool list_argues(just_state *st, const just_rule *r, const ddl_doc *doc, const ddl_block *b) {
  const ddl_block *next = &doc->blocks[b->index + 1];
  if (next->item < 0 || !next->item_first || doc->items[next->item].lead_in != (int32_t)b->index)
    return false;
  ddl_span last = b->sents[b->nsents - 1];
  const char *end = b->text + last.end - 1; /* the colon */
  static const char *const cues[] = {" as", " because", " since", " why", " reasons", " benefits"};
  for (size_t c = 0; c < DDL_ARRAY_LEN(cues); c++) {
    size_t n = strlen(cues[c]);
    if ((size_t)(end - (b->text + last.start)) >= n && strncasecmp(end - n, cues[c], n) == 0)
      return true;
  }
  /* The list and its nested lists: the blocks of its items. */
  const ddl_item *first = &doc->items[next->item];
  int32_t parent = first->parent;
  for (uint32_t k = b->index + 1; k < doc->nblocks && k <= b->index + ITEM_LOOKAHEAD; k++) {
    const ddl_block *item = &doc->blocks[k];
    int32_t top = item->item;
    while (top >= 0 && doc->items[top].parent != parent)
      top = doc->items[top].parent;
    if (top < 0 || doc->items[top].lead_in != (int32_t)b->index)
      break;
    if (item->kind == DDL_BLOCK_PARAGRAPH && block_reason(st, r, item))
      return true;
  }
  return false;
}

/* A following sentence lends its reason unless it states a decision of
 * its own: in "We use X. We use Y because Z." the reason is Y's. */
static bool lends_reason(just_state *st, const just_rule *r, const ddl_block *b, uint32_t i) {
  return i < b->nsents && sentence_reason(st, r, b, i) && !sentence_decides(st, r, b, i);
}

/* The content words of a sentence, for same_topic: each word of six
 * letters or more by its first six, folded to lower case, packed into
 * an integer; sorted, without repeats. */
typedef struct stem_set {
  uint64_t *stems;
  uint32_t n;
  bool known;
} stem_set;

enum { STEM = 6 };

static int by_stem(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static const stem_set *sentence_stems(just_state *st, const ddl_block *b, uint32_t i) {
  stem_set *set = &st->cur_stems[i];
  if (set->known)
    return set;
  const char *t = b->text;
  ddl_span a = b->sents[i];
  uint32_t n = 0, cap = (a.end - a.start) / (STEM + 1) + 1;
  uint64_t *v = ddl_run_alloc(st->run, cap * sizeof(uint64_t));
  for (uint32_t p = a.start; p < a.end; p++) {
    if (!isalpha((unsigned char)t[p]) || (p > a.start && isalpha((unsigned char)t[p - 1])))
      continue;
    uint32_t len = 0;
    while (p + len < a.end && isalpha((unsigned char)t[p + len]))
      len++;
    if (len >= STEM && n < cap) {
      uint64_t stem = 0;
      for (uint32_t k = 0; k < STEM; k++)
        stem = stem << 8 | (uint64_t)tolower((unsigned char)t[p + k]);
      v[n++] = stem;
    }
    p += len;
  }
  if (n > 1)
    qsort(v, n, sizeof(uint64_t), by_stem);
  uint32_t kept = 0;
  for (uint32_t k = 0; k < n; k++)
    if (!kept || v[kept - 1] != v[k])
      v[kept++] = v[k];
  *set = (stem_set){v, kept, true};
  return set;
}

/* Whether sentences I and J of B, the block being visited, share a
 * content word: the mark of a sentence that goes on about the same thing
 * ("The data is partitioned at two levels. ... the entries table is
 * partitioned by month, which lets us ...").  One merge of two sorted
 * sets, so that long sentences cost their length, not its square. */
static bool same_topic(just_state *st, const ddl_block *b, uint32_t i, uint32_t j) {
  const stem_set *x = sentence_stems(st, b, i), *y = sentence_stems(st, b, j);
  uint32_t p = 0, q = 0;
  while (p < x->n && q < y->n) {
    if (x->stems[p] == y->stems[q])
      return true;
    if (x->stems[p] < y->stems[q])
      p++;
    else
      q++;
  }
  return false;
}

/* With reason-scope: paragraph, a sentence that decides nothing refers to
 * the decision before it ("This keeps..."), or, before the paragraph's
 * first decision, to that one ("Reads dominate. We use Redis.").  A later
 * decision's reason also counts for an earlier one it elaborates: one on
 * the same topic.  B is the block being visited.  Only the next
 * SENTENCE_LOOKAHEAD sentences are looked at, so that a paragraph of
 * thousands of sentences costs linear time, not quadratic. */
static bool paragraph_reason(just_state *st, const just_rule *r, const ddl_block *b, uint32_t i) {
  const bool *decides = st->cur_decides;
  bool between = false; /* a decision lies between I and J */
  uint32_t end = b->nsents - i > SENTENCE_LOOKAHEAD ? i + 1 + SENTENCE_LOOKAHEAD : b->nsents;
  for (uint32_t j = i + 1; j < end; j++) {
    if (!decides[j] && !between && sentence_reason(st, r, b, j))
      return true;
    if (decides[j]) {
      if (same_topic(st, b, i, j) && sentence_reason(st, r, b, j))
        return true;
      between = true;
    }
  }
  if (i != st->cur_first_decides)
    return false;
  for (uint32_t j = 0; j < i; j++)
    if (sentence_reason(st, r, b, j))
      return true;
  return false;
}

/* Where the reason for sentence I of B, the block being visited, is, or
 * NULL when there is none. */
static const char *justified(just_state *st, const just_rule *r, const ddl_doc *doc,
                             const ddl_block *b, uint32_t i) {
  if (sentence_reason(st, r, b, i))
    return "same sentence";
  if (lends_reason(st, r, b, i + 1))
    return "next sentence";
  if (r->scope == SCOPE_NEIGHBOURS && i > 0 && sentence_reason(st, r, b, i - 1))
    return "previous sentence";
  if (r->scope == SCOPE_PARAGRAPH && paragraph_reason(st, r, b, i))
    return "same paragraph";
  if (b->item_first && item_reason(st, r, doc, b))
    return "list item, sub-items or lead-in";
  /* A decision that introduces a list ("We chose a key-value store as:")
   * may argue in that list; a list of mere details (endpoints, steps)
   * does not count. */
  if (i + 1 == b->nsents && b->text[b->sents[i].end - 1] == ':' && b->index + 1 < doc->nblocks &&
      list_argues(st, r, doc, b))
    return "the list it introduces";
  /* The next sentence may open the next paragraph of the same container. */
  if (i + 1 == b->nsents && b->index + 1 < doc->nblocks) {
    const ddl_block *next = &doc->blocks[b->index + 1];
    if (next->kind == DDL_BLOCK_PARAGRAPH && next->item == b->item && !next->item_first &&
        next->section == b->section && lends_reason(st, r, next, 0))
      return "next paragraph";
  }
  return NULL;
}

/* The quoted decision: the sentence, one line, cut at a character
 * boundary with an ellipsis. */
static void quote(ddl_buf *out, const char *t, size_t len) {
  while (len && strchr(" .:;,", t[len - 1]))
    len--;
  size_t n = len > QUOTE_MAX ? ddl_utf8_floor(t, len, QUOTE_MAX) : len;
  for (size_t i = 0; i < n; i++)
    ddl_buf_putc(out, t[i] == '\n' || t[i] == '\t' ? ' ' : t[i]);
  if (n < len)
    ddl_buf_puts(out, "...");
}

static void report(ddl_run *run, just_state *st, const ddl_block *b, uint32_t from,
                   uint32_t to, const char *text, size_t len, const char *why) {
  ddl_buf q = {0};
  quote(&q, text, len);
  ddl_run_report(run, st->a, st->a->severity, ddl_block_src_offset(b, from),
                 ddl_block_src_offset(b, to), "decision '%s' gives no reason%s",
                 ddl_buf_cstr(&q), why);
  ddl_buf_free(&q);
}

/* Whether sentence S of B names something a design is made of: a term of
 * the deep-dive lexicon ("cache", "shard", "TLS"), inline code, or a name
 * spelt with a capital inside the sentence ("Kafka", "Store Gateway"). */
static bool names_something(ddl_run *run, const ddl_block *b, ddl_span s) {
  if (ddl_run_term_in(run, b, s.start, s.end))
    return true;
  for (uint32_t c = 0; c < b->ncode; c++)
    if (b->code[c].start >= s.start && b->code[c].start < s.end)
      return true;
  bool first = true;
  for (uint32_t i = s.start; i < s.end; i++) {
    unsigned char c = (unsigned char)b->text[i];
    bool starts = isalnum(c) && (i == s.start || !isalnum((unsigned char)b->text[i - 1]));
    if (!starts)
      continue;
    if (!first && isupper(c) && !(c == 'I' && (i + 1 >= s.end || !isalnum((unsigned char)b->text[i + 1]))))
      return true;
    first = false;
  }
  return false;
}

static bool is_decision(just_state *st, const just_rule *r, const ddl_block *b, ddl_span span,
                        size_t *ms, size_t *me) {
  const char *t = b->text + span.start;
  size_t len = span.end - span.start;
  ddl_matcher *m = st->run->matcher;
  ddl_regex_cues cues = DDL_REGEX_CUES_INIT;
  if (!ddl_regex_list_search_again(m, &r->decision, &cues, t, 0, len, ms, me) &&
      !(r->statement.len &&
        ddl_regex_list_search_again(m, &r->statement, &cues, t, 0, len, ms, me) &&
        names_something(st->run, b, span)))
    return false;
  return !ddl_regex_list_any(m, &r->not_decision, t, 0, len);
}

/* Whether a rationale cell says something: one word is enough ("Cheaper"),
 * filler is not ("-", "N/A", "TBD", "none"). */
static bool gives_rationale(const char *cell, size_t len) {
  static const char *const filler[] = {"n/a", "na", "tbd", "tba", "todo", "none", "nothing",
                                       "unknown", "?", "-", "--", "..."};
  while (len && isspace((unsigned char)cell[len - 1]))
    len--;
  while (len && (cell[len - 1] == '.' || cell[len - 1] == '!'))
    len--;
  if (ddl_count_words(cell, 0, (uint32_t)len) == 0)
    return false;
  for (size_t i = 0; i < DDL_ARRAY_LEN(filler); i++)
    if (strlen(filler[i]) == len && strncasecmp(cell, filler[i], len) == 0)
      return false;
  return true;
}

/* Table rows: a table with a rationale column is a table of decisions,
 * each row needing something in that column; other rows are read like
 * sentences. */
static void table_row(just_state *st, const just_rule *r, ddl_run *run, const ddl_block *b) {
  const ddl_table *t = b->table;
  if (st->table != t) {
    st->table = t;
    st->rationale_col = -1;
    for (uint32_t c = 0; c < t->ncols && st->rationale_col < 0; c++) {
      size_t s, e;
      const ddl_span *h = &t->header_cells[c];
      if (h->end > h->start &&
          ddl_regex_list_search(run->matcher, &r->rationale_column, t->header_text + h->start, 0,
                                h->end - h->start, &s, &e))
        st->rationale_col = (int32_t)c;
    }
  }
  if (b->nsents == 0)
    return;
  ddl_span row = b->sents[0];
  if (st->rationale_col >= 0) {
    const ddl_span *cell = (uint32_t)st->rationale_col < b->ncells ? &b->cells[st->rationale_col] : NULL;
    if (cell && gives_rationale(b->text + cell->start, cell->end - cell->start))
      return;
    /* Quote the row by its other cells: "Event bus | Kafka". */
    ddl_buf cells = {0};
    for (uint32_t c = 0; c < b->ncells; c++) {
      const ddl_span *x = &b->cells[c];
      if ((int32_t)c == st->rationale_col || x->end == x->start)
        continue;
      if (cells.len)
        ddl_buf_puts(&cells, " | ");
      ddl_buf_append(&cells, b->text + x->start, x->end - x->start);
    }
    report(run, st, b, row.start, row.end, ddl_buf_cstr(&cells), cells.len,
           " (its rationale column is empty)");
    ddl_buf_free(&cells);
    return;
  }
  size_t ms, me, rs, re;
  if (is_decision(st, r, b, row, &ms, &me) &&
      !has_reason(run->matcher, r, b->text + row.start, row.end - row.start, &rs, &re))
    report(run, st, b, row.start + (uint32_t)ms, row.end, b->text + row.start,
           row.end - row.start, "");
}

/* Whether section S or one enclosing it is one where nothing is decided
 * (requirements, use cases, alternatives...), by its title. */
static bool skipped(just_state *st, const just_rule *r, const ddl_section *s) {
  if (!s || s->level == 0)
    return false;
  if (st->skipped[s->index] == UNKNOWN) {
    bool skip = ddl_regex_list_any(st->run->matcher, &r->skip_sections, s->title, 0, strlen(s->title)) ||
                skipped(st, r, s->parent);
    st->skipped[s->index] = skip ? YES : NO;
  }
  return st->skipped[s->index] == YES;
}

static void block(void *state, ddl_run *run, const ddl_block *b) {
  just_state *st = state;
  const just_rule *r = st->a->rule->data;
  if (skipped(st, r, b->section))
    return;
  if (b->kind == DDL_BLOCK_TABLE_ROW) {
    table_row(st, r, run, b);
    return;
  }
  if (b->kind != DDL_BLOCK_PARAGRAPH || b->nsents == 0)
    return;
  if (b->nsents > st->cur_cap) {
    uint32_t cap = b->nsents > 2 * st->cur_cap ? b->nsents : 2 * st->cur_cap;
    st->cur_reason = ddl_run_alloc(run, cap);
    st->cur_reason_at = ddl_run_alloc(run, cap * sizeof(ddl_span));
    st->cur_decision = ddl_run_alloc(run, cap * sizeof(bool));
    st->cur_decides = ddl_run_alloc(run, cap * sizeof(bool));
    st->cur_match = ddl_run_alloc(run, cap * sizeof(ddl_span));
    st->cur_stems = ddl_run_alloc(run, cap * sizeof(*st->cur_stems));
    st->cur_cap = cap;
  }
  /* Decisions first: which sentence a reason belongs to depends on where
   * the other decisions are. */
  st->cur_block = UINT32_MAX;
  for (uint32_t i = 0; i < b->nsents; i++) {
    ddl_span s = b->sents[i];
    size_t ms = 0, me = 0;
    st->cur_decision[i] = is_decision(st, r, b, s, &ms, &me);
    st->cur_decides[i] = st->cur_decision[i] && !ddl_block_in_code(b, s.start + (uint32_t)ms);
    st->cur_match[i] = (ddl_span){s.start + (uint32_t)ms, s.start + (uint32_t)me};
  }
  memset(st->cur_reason, UNKNOWN, b->nsents);
  memset(st->cur_stems, 0, b->nsents * sizeof(*st->cur_stems));
  st->cur_first_decides = b->nsents;
  for (uint32_t i = b->nsents; i-- > 0;)
    if (st->cur_decides[i])
      st->cur_first_decides = i;
  st->cur_block = b->index;
  for (uint32_t i = 0; i < b->nsents; i++) {
    if (!st->cur_decides[i])
      continue;
    ddl_span s = b->sents[i], at = st->cur_match[i];
    const char *why = justified(st, r, run->doc, b, i);
    if (st->trace) {
      ddl_buf q = {0}, m = {0}, because = {0};
      quote(&q, b->text + s.start, s.end - s.start);
      quote(&m, b->text + at.start, at.end - at.start);
      if (why) {
        ddl_buf_printf(&because, "%s ('", why);
        quote(&because, st->reason_block->text + st->reason_at.start,
              st->reason_at.end - st->reason_at.start);
        ddl_buf_puts(&because, "')");
      } else {
        ddl_buf_puts(&because, "NO REASON");
      }
      ddl_trace_at(run, ddl_block_src_offset(b, at.start), "decision '%s' (at '%s'): %s",
                   ddl_buf_cstr(&q), ddl_buf_cstr(&m), ddl_buf_cstr(&because));
      ddl_buf_free(&q);
      ddl_buf_free(&m);
      ddl_buf_free(&because);
    }
    if (!why)
      report(run, st, b, at.start, s.end, b->text + s.start, s.end - s.start, "");
  }
}

const ddl_rule_kind ddl_kind_justification = {
    .name = "justification",
    .keys = keys,
    .compile = compile,
    .free = release,
    .begin = begin,
    .block = block,
};
