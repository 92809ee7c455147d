/* Lexicon: terms are normalised, merged and put in a byte trie that is
 * walked once per word of text.  Terms are vocabulary, not patterns, so a
 * trie does what a regex would without compiling one at start-up: as a
 * trie-shaped pcre2 pattern the lexicon took more instructions to compile
 * than linting a typical document, and a flat alternation of its terms
 * scanned eight times slower. */
#include "regex/lexicon.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"
#include "util/vec.h"

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

/* The trie: nodes in one array, each node's edges a sorted run. */
typedef struct {
  uint32_t first_edge, nedges;
  int32_t term;       /* term ending here, or -1 */
  bool boundary;      /* that term needs a word boundary after it */
} node;

typedef struct {
  unsigned char byte; /* a lowercased byte, SEP or STAR */
  uint32_t child;
} edge;

struct ddl_lexicon {
  node *nodes;
  edge *edges;
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

/* Building uses linked children; the result is flattened. */
typedef struct bnode {
  unsigned char byte;
  int32_t term;
  bool boundary;
  struct bnode *child, *next;
} bnode;

static bnode *bnode_new(unsigned char byte) {
  bnode *n = ddl_xcalloc(1, sizeof(bnode));
  n->byte = byte;
  n->term = -1;
  return n;
}

static void bnode_insert(bnode *root, const char *norm, int32_t term) {
  bnode *cur = root;
  for (const unsigned char *p = (const unsigned char *)norm; *p; p++) {
    bnode **link = &cur->child;
    while (*link && (*link)->byte < *p)
      link = &(*link)->next;
    if (!*link || (*link)->byte != *p) {
      bnode *n = bnode_new(*p);
      n->next = *link;
      *link = n;
    }
    cur = *link;
  }
  cur->term = term;
  cur->boundary = cur->byte == STAR || word_byte(cur->byte);
}

static void bnode_free(bnode *n) {
  while (n) {
    bnode *next = n->next;
    bnode_free(n->child);
    free(n);
    n = next;
  }
}

typedef struct {
  DDL_VEC(node) nodes;
  DDL_VEC(edge) edges;
} flat;

/* Flattens N's subtree breadth-first per level so each node's edges are
 * contiguous; returns N's index. */
static uint32_t flatten(flat *f, const bnode *n) {
  uint32_t idx = (uint32_t)f->nodes.len;
  node fresh = {0, 0, n->term, n->boundary};
  DDL_VEC_PUSH(f->nodes, fresh);
  uint32_t count = 0;
  for (const bnode *c = n->child; c; c = c->next)
    count++;
  uint32_t first = (uint32_t)f->edges.len;
  for (uint32_t i = 0; i < count; i++) {
    edge e = {0, 0};
    DDL_VEC_PUSH(f->edges, e);
  }
  f->nodes.items[idx].first_edge = first;
  f->nodes.items[idx].nedges = count;
  uint32_t i = 0;
  for (const bnode *c = n->child; c; c = c->next, i++) {
    uint32_t child = flatten(f, c);
    f->edges.items[first + i].byte = c->byte;
    f->edges.items[first + i].child = child;
  }
  return idx;
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

ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb) {
  ddl_lexicon *lex = ddl_xcalloc(1, sizeof(*lex));
  entry *e = lb->entries.items;
  size_t n = lb->entries.len;
  if (n > 1)
    qsort(e, n, sizeof(entry), by_norm);
  lex->terms = ddl_xcalloc(n + 1, sizeof(term_info));
  lex->owners = ddl_xcalloc(n + 1, sizeof(ddl_lex_owner));
  bnode *root = bnode_new(0);
  size_t no = 0;
  const char *prev_norm = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!prev_norm || strcmp(prev_norm, e[i].norm) != 0) {
      bnode_insert(root, e[i].norm, (int32_t)lex->nterms);
      lex->terms[lex->nterms].first = no;
      lex->nterms++;
      prev_norm = e[i].norm;
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
  flat f = {{0}, {0}};
  flatten(&f, root);
  bnode_free(root);
  lex->nodes = f.nodes.items;
  lex->edges = f.edges.items;
  for (size_t i = 0; i < n; i++)
    free(e[i].norm);
  DDL_VEC_FREE(lb->entries);
  free(lb);
  return lex;
}

void ddl_lexicon_free(ddl_lexicon *lex) {
  if (!lex)
    return;
  free(lex->nodes);
  free(lex->edges);
  free(lex->terms);
  free(lex->owners);
  free(lex);
}

static bool is_sep(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

static const edge *find_edge(const ddl_lexicon *lex, const node *nd, unsigned char byte) {
  const edge *lo = lex->edges + nd->first_edge, *hi = lo + nd->nedges;
  while (lo < hi) {
    const edge *mid = lo + (hi - lo) / 2;
    if (mid->byte < byte)
      lo = mid + 1;
    else if (mid->byte > byte)
      hi = mid;
    else
      return mid;
  }
  return NULL;
}

/* The longest term matching TEXT from POS at node ND: sets *end and *term
 * when one is longer than *end already is.  Depth is bounded by the
 * longest term, and each node tries at most its literal, SEP and STAR
 * edges, so a call is linear in the term length. */
static void longest(const ddl_lexicon *lex, uint32_t nd_idx, const unsigned char *text,
                    size_t len, size_t pos, size_t *end, int32_t *term) {
  const node *nd = &lex->nodes[nd_idx];
  if (nd->term >= 0 && pos > *end && (!nd->boundary || pos == len || !word_byte(text[pos]))) {
    *end = pos;
    *term = nd->term;
  }
  if (pos < len) {
    unsigned char c = text[pos];
    const edge *e = find_edge(lex, nd, c < 0x80 ? (unsigned char)tolower(c) : c);
    if (e)
      longest(lex, e->child, text, len, pos + 1, end, term);
    if (is_sep(c) && (e = find_edge(lex, nd, SEP))) {
      size_t p = pos;
      while (p < len && is_sep(text[p]))
        p++;
      longest(lex, e->child, text, len, p, end, term);
    }
  }
  const edge *star = find_edge(lex, nd, STAR);
  if (star) {
    size_t p = pos;
    while (p < len && word_byte(text[p]))
      p++;
    longest(lex, star->child, text, len, p, end, term);
  }
}

void ddl_lexicon_scan(const ddl_lexicon *lex, const char *text, size_t len, ddl_lex_hits *out) {
  const unsigned char *t = (const unsigned char *)text;
  if (lex->nterms == 0)
    return;
  size_t i = 0;
  while (i < len) {
    /* Terms start at a word start. */
    if (!word_byte(t[i]) || (i > 0 && word_byte(t[i - 1]))) {
      i++;
      continue;
    }
    size_t end = i;
    int32_t term = -1;
    longest(lex, 0, t, len, i, &end, &term);
    if (term >= 0) {
      ddl_lex_hit h = {(uint32_t)i, (uint32_t)end, (uint32_t)term};
      DDL_VEC_PUSH(*out, h);
      i = end;
    } else {
      while (i < len && word_byte(t[i]))
        i++;
    }
  }
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
