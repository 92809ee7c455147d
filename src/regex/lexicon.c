/* Lexicon compilation: terms are normalised, merged, put in a trie of
 * UTF-8 characters and emitted as one alternation that pcre2 follows a
 * character at a time (a flat list of alternatives is tried one by one at
 * every position and runs about eight times slower). */
#include "regex/lexicon.h"

#include "regex/regex.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Normalised terms use these bytes for their two wildcards. */
enum { SEP = 0x01, STAR = 0x02 };

typedef struct {
  char *norm;
  ddl_lex_owner owner;
} entry;

struct ddl_lexicon_builder {
  DDL_VEC(entry) entries;
};

typedef struct {
  size_t first, count; /* into owners */
} term_info;

struct ddl_lexicon {
  ddl_regex **chunks;
  size_t nchunks;
  term_info *terms;
  size_t nterms;
  ddl_lex_owner *owners;
};

static bool word_byte(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

const char *ddl_lexicon_check_term(const char *term) {
  const unsigned char *t = (const unsigned char *)term;
  if (!*t)
    return "empty term";
  if (strlen(term) > 120)
    return "term longer than 120 bytes";
  if (!word_byte(t[0]) || t[0] == '_')
    return "a term must start with a letter or digit";
  if (ddl_utf8_invalid_at(t, strlen(term)) != strlen(term))
    return "term is not valid UTF-8";
  for (size_t i = 0; t[i]; i++) {
    unsigned char c = t[i];
    if (c == '*') {
      if (t[i + 1] && t[i + 1] != ' ' && t[i + 1] != '-')
        return "'*' may only end a word";
      if (i == 0 || !word_byte(t[i - 1]))
        return "'*' must follow a letter or digit";
    } else if (c < 0x80 && !isalnum(c) && !strchr(" -'./+#&_", c)) {
      return "terms are words, not regular expressions: only letters, digits, "
             "spaces, - ' . / + # & _ and a word-final * are allowed";
    }
  }
  return NULL;
}

static char *normalise(const char *term) {
  size_t n = strlen(term);
  char *out = ddl_xmalloc(n + 1), *o = out;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)term[i];
    if (c == ' ' || c == '-') {
      if (o > out && o[-1] != SEP)
        *o++ = SEP;
    } else if (c == '*') {
      *o++ = STAR;
    } else {
      *o++ = (char)(c < 0x80 ? tolower(c) : c);
    }
  }
  while (o > out && o[-1] == SEP)
    o--;
  *o = '\0';
  return out;
}

ddl_lexicon_builder *ddl_lexicon_builder_new(void) { return ddl_xcalloc(1, sizeof(ddl_lexicon_builder)); }

void ddl_lexicon_add(ddl_lexicon_builder *lb, const char *term, ddl_lex_owner owner) {
  entry e = {normalise(term), owner};
  DDL_VEC_PUSH(lb->entries, e);
}

/* ---- trie ---------------------------------------------------------- */

typedef struct node {
  uint32_t ch;      /* UTF-8 bytes of one character, SEP or STAR */
  uint8_t chlen;
  long term;        /* term index ending here, or -1 */
  struct node *child, *next;
} node;

static node *trie_node(uint32_t ch, uint8_t len) {
  node *n = ddl_xcalloc(1, sizeof(node));
  n->ch = ch;
  n->chlen = len;
  n->term = -1;
  return n;
}

static void trie_insert(node *root, const char *norm, long term) {
  node *cur = root;
  const unsigned char *p = (const unsigned char *)norm;
  while (*p) {
    size_t len = ddl_utf8_seq_len(*p);
    uint32_t ch = 0;
    for (size_t k = 0; k < len && p[k]; k++)
      ch = (ch << 8) | p[k];
    node **link = &cur->child;
    while (*link && (*link)->ch < ch)
      link = &(*link)->next;
    if (!*link || (*link)->ch != ch) {
      node *n = trie_node(ch, (uint8_t)len);
      n->next = *link;
      *link = n;
    }
    cur = *link;
    p += len;
  }
  cur->term = term;
}

static void trie_free(node *n) {
  while (n) {
    node *next = n->next;
    trie_free(n->child);
    free(n);
    n = next;
  }
}

static void emit_char(ddl_buf *re, const node *n) {
  if (n->ch == SEP) {
    ddl_buf_puts(re, "[\\s\\-]+");
  } else if (n->ch == STAR) {
    ddl_buf_puts(re, "\\w*");
  } else if (n->chlen == 1) {
    char c = (char)n->ch;
    if (!isalnum((unsigned char)c))
      ddl_buf_putc(re, '\\');
    ddl_buf_putc(re, c);
  } else {
    for (int k = n->chlen - 1; k >= 0; k--)
      ddl_buf_putc(re, (char)((n->ch >> (8 * k)) & 0xFF));
  }
}

/* Emits the alternatives below N: longer terms first, then N's own end. */
static void emit(ddl_buf *re, const node *n) {
  size_t alts = (n->term >= 0);
  for (const node *c = n->child; c; c = c->next)
    alts++;
  if (alts > 1)
    ddl_buf_puts(re, "(?:");
  bool first = true;
  for (const node *c = n->child; c; c = c->next) {
    if (!first)
      ddl_buf_putc(re, '|');
    first = false;
    emit_char(re, c);
    emit(re, c);
  }
  if (n->term >= 0) {
    if (!first)
      ddl_buf_putc(re, '|');
    bool word = n->ch == STAR || (n->chlen == 1 && word_byte((unsigned char)n->ch)) || n->chlen > 1;
    ddl_buf_printf(re, "%s(*MARK:%ld)", word ? "(?!\\w)" : "", n->term);
  }
  if (alts > 1)
    ddl_buf_putc(re, ')');
}

static int by_norm(const void *a, const void *b) {
  int c = strcmp(((const entry *)a)->norm, ((const entry *)b)->norm);
  if (c)
    return c;
  const ddl_lex_owner *oa = &((const entry *)a)->owner, *ob = &((const entry *)b)->owner;
  if (oa->owner != ob->owner)
    return oa->owner < ob->owner ? -1 : 1;
  return oa->tag < ob->tag ? -1 : oa->tag > ob->tag;
}

/* Compiles terms [lo, hi) of NORMS; halves the range while pcre2 finds the
 * pattern too large. */
static void compile_chunk(ddl_lexicon *lex, char **norms, size_t lo, size_t hi) {
  node *root = trie_node(0, 0);
  for (size_t i = lo; i < hi; i++)
    trie_insert(root, norms[i], (long)i);
  ddl_buf re = {0};
  ddl_buf_puts(&re, "\\b");
  emit(&re, root);
  trie_free(root);
  char err[256];
  size_t off;
  ddl_regex *rx = ddl_regex_compile(ddl_buf_cstr(&re), err, sizeof(err), &off);
  ddl_buf_free(&re);
  if (!rx) {
    if (hi - lo < 2) {
      fprintf(stderr, "ddlint: internal error: term '%s' does not compile: %s\n", norms[lo], err);
      abort();
    }
    size_t mid = lo + (hi - lo) / 2;
    compile_chunk(lex, norms, lo, mid);
    compile_chunk(lex, norms, mid, hi);
    return;
  }
  lex->chunks = ddl_xrealloc(lex->chunks, (lex->nchunks + 1) * sizeof(ddl_regex *));
  lex->chunks[lex->nchunks++] = rx;
}

ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb) {
  ddl_lexicon *lex = ddl_xcalloc(1, sizeof(*lex));
  entry *e = lb->entries.items;
  size_t n = lb->entries.len;
  qsort(e, n, sizeof(entry), by_norm);
  char **norms = ddl_xcalloc(n + 1, sizeof(char *));
  lex->terms = ddl_xcalloc(n + 1, sizeof(term_info));
  lex->owners = ddl_xcalloc(n + 1, sizeof(ddl_lex_owner));
  size_t no = 0;
  for (size_t i = 0; i < n; i++) {
    bool same = lex->nterms && strcmp(norms[lex->nterms - 1], e[i].norm) == 0;
    if (!same) {
      norms[lex->nterms] = e[i].norm;
      lex->terms[lex->nterms].first = no;
      lex->nterms++;
    }
    /* One owner keeps one weight per term: its highest. */
    term_info *t = &lex->terms[lex->nterms - 1];
    ddl_lex_owner *prev = t->count ? &lex->owners[no - 1] : NULL;
    if (prev && prev->owner == e[i].owner.owner && prev->tag == e[i].owner.tag) {
      if (e[i].owner.weight > prev->weight)
        prev->weight = e[i].owner.weight;
    } else {
      lex->owners[no++] = e[i].owner;
      t->count++;
    }
  }
  if (lex->nterms)
    compile_chunk(lex, norms, 0, lex->nterms);
  for (size_t i = 0; i < n; i++)
    free(e[i].norm);
  free(norms);
  DDL_VEC_FREE(lb->entries);
  free(lb);
  return lex;
}

void ddl_lexicon_free(ddl_lexicon *lex) {
  if (!lex)
    return;
  for (size_t i = 0; i < lex->nchunks; i++)
    ddl_regex_free(lex->chunks[i]);
  free(lex->chunks);
  free(lex->terms);
  free(lex->owners);
  free(lex);
}

static int by_start(const void *a, const void *b) {
  const ddl_lex_hit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

void ddl_lexicon_scan(const ddl_lexicon *lex, const char *text, size_t len, ddl_lex_hits *out) {
  size_t before = out->len;
  for (size_t c = 0; c < lex->nchunks; c++) {
    size_t pos = 0, s, e;
    const char *mark;
    while (pos < len && ddl_regex_search_mark(lex->chunks[c], text, len, pos, &s, &e, &mark)) {
      if (mark) {
        ddl_lex_hit h = {(uint32_t)s, (uint32_t)e, (uint32_t)strtoul(mark, NULL, 10)};
        DDL_VEC_PUSH(*out, h);
      }
      pos = e > s ? e : s + 1;
    }
  }
  if (lex->nchunks > 1)
    qsort(out->items + before, out->len - before, sizeof(ddl_lex_hit), by_start);
}

const ddl_lex_owner *ddl_lexicon_owners(const ddl_lexicon *lex, uint32_t term, size_t *n) {
  if (term >= lex->nterms) {
    *n = 0;
    return NULL;
  }
  *n = lex->terms[term].count;
  return lex->owners + lex->terms[term].first;
}

size_t ddl_lexicon_term_count(const ddl_lexicon *lex) { return lex->nterms; }
