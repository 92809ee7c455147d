/* Lexicon: terms are normalised, merged and put in a byte trie that is
 * walked once per word of text.  Terms are vocabulary, not patterns, so a
 * trie does what a regex would without compiling one at start-up: as a
 * trie-shaped pcre2 pattern the lexicon took more instructions to compile
 * than linting a typical document, and a flat alternation of its terms
 * scanned eight times slower. */
#include "regex/lexicon.h"

#include "regex/precompiled.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"
#include "util/vec.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Normalised terms use these bytes for their two wildcards. */
enum { SEP = 0x01, STAR = 0x02 };

/* A term as added: its text borrowed from the caller, normalised only
 * when the lexicon is built here, since the default configuration's is
 * prebuilt and normalising its terms at every start was a fifth of
 * start-up. */
typedef struct {
  const char *term;
  ddl_lex_owner owner;
} added;

/* A term normalised for the build. */
typedef struct {
  char *norm;   /* lower-cased: the trie's key */
  char *exact;  /* the spelling to match when it has capitals, else NULL */
  ddl_lex_owner owner;
} entry;

struct ddl_lexicon_builder {
  DDL_VEC(added) terms;
};

typedef ddl_lex_term term_info;
typedef ddl_lex_node node;
typedef ddl_lex_edge edge;

struct ddl_lexicon {
  ddl_lex_image img; /* what is read: its own arrays below, or the build's */
  /* what this lexicon allocated, all NULL when it is prebuilt */
  node *own_nodes;
  edge *own_edges;
  term_info *own_terms;
  ddl_lex_owner *own_owners;
  uint32_t *own_slots;
  ddl_arena own_exacts;
  /* The root's child for each byte, 0 for none (no child is the root):
   * every word of a scan starts at the root, whose edges are the most
   * numerous to search. */
  uint32_t root_child[256];
};

/* By hand, not <ctype.h>: the scan asks these of every byte, and ddlint
 * never leaves the C locale, in which isalnum() says the same. */
static unsigned char ascii_lower(unsigned char c) {
  return (unsigned)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

/* Word bytes: ASCII letters, digits and '_', and every byte of a
 * multi-byte character.  A table: the scan tests each byte of a block
 * at least twice. */
static const bool word_bytes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static bool word_byte(unsigned char c) { return word_bytes[c]; }

/* The ASCII bytes a term may hold besides '*': letters, digits and
 * " -'./+#&_". */
static bool term_byte(unsigned char c) {
  return ((unsigned)((c | 0x20) - 'a') < 26) || (unsigned)(c - '0') < 10 ||
         (c && strchr(" -'./+#&_", c));
}

const char *ddl_lexicon_check_term(const char *term) {
  const unsigned char *t = (const unsigned char *)term;
  if (!*t)
    return "empty term";
  /* One pass over the term, as the default packs' terms are checked at
   * every start; the first problem it finds is told after the length,
   * the first byte and UTF-8, as before. */
  const char *problem = NULL;
  bool ascii = true;
  size_t i = 0;
  for (; t[i]; i++) {
    unsigned char c = t[i];
    if (c >= 0x80) {
      ascii = false;
    } else if (problem) {
      continue;
    } else if (c == '*') {
      if (t[i + 1] && t[i + 1] != ' ' && t[i + 1] != '-')
        problem = "'*' may only end a word";
      else if (i == 0 || !word_byte(t[i - 1]))
        problem = "'*' must follow a letter or digit";
    } else if (!term_byte(c)) {
      problem = "terms are words, not regular expressions: only letters, digits, "
                "spaces, - ' . / + # & _ and a word-final * are allowed";
    }
  }
  if (i > 120)
    return "term longer than 120 bytes";
  if (!word_byte(t[0]) || t[0] == '_')
    return "a term must start with a letter or digit";
  if (!ascii && ddl_utf8_invalid_at(t, i) != i)
    return "term is not valid UTF-8";
  return problem;
}

static char *normalise(ddl_arena *a, const char *term, bool keep_case) {
  size_t n = strlen(term);
  char *out = ddl_arena_alloc(a, n + 1), *o = out;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)term[i];
    if (c == ' ' || c == '-') {
      if (o > out && o[-1] != SEP)
        *o++ = SEP;
    } else if (c == '*') {
      *o++ = STAR;
    } else {
      *o++ = (char)(c < 0x80 && !keep_case ? tolower(c) : c);
    }
  }
  while (o > out && o[-1] == SEP)
    o--;
  *o = '\0';
  return out;
}

static bool has_capital(const char *term) {
  for (const char *p = term; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      return true;
  return false;
}

ddl_lexicon_builder *ddl_lexicon_builder_new(void) { return ddl_xcalloc(1, sizeof(ddl_lexicon_builder)); }

void ddl_lexicon_add(ddl_lexicon_builder *lb, const char *term, ddl_lex_owner owner) {
  added t = {term, owner};
  DDL_VEC_PUSH(lb->terms, t);
}

/* ---- trie ---------------------------------------------------------- */

/* Building uses linked children; the result is flattened. */
typedef struct bnode {
  unsigned char byte;
  int32_t first_term;
  uint32_t nterms;
  bool boundary;
  struct bnode *child, *next;
} bnode;

/* Trie nodes come from an arena: one allocation per node was a fifth of
 * building the default ruleset. */
static bnode *bnode_new(ddl_arena *a, unsigned char byte) {
  bnode *n = ddl_arena_alloc(a, sizeof(bnode));
  n->byte = byte;
  n->first_term = -1;
  return n;
}

/* Terms are inserted in sorted order, so those ending at one node have
 * consecutive numbers. */
static void bnode_insert(ddl_arena *a, bnode *root, const char *norm, int32_t term) {
  bnode *cur = root;
  for (const unsigned char *p = (const unsigned char *)norm; *p; p++) {
    bnode **link = &cur->child;
    while (*link && (*link)->byte < *p)
      link = &(*link)->next;
    if (!*link || (*link)->byte != *p) {
      bnode *n = bnode_new(a, *p);
      n->next = *link;
      *link = n;
    }
    cur = *link;
  }
  if (cur->first_term < 0)
    cur->first_term = term;
  cur->nterms++;
  cur->boundary = cur->byte == STAR || word_byte(cur->byte);
}


typedef struct {
  DDL_VEC(node) nodes;
  DDL_VEC(edge) edges;
} flat;

/* Flattens N's subtree breadth-first per level so each node's edges are
 * contiguous; returns N's index. */
static uint32_t flatten(flat *f, const bnode *n) {
  uint32_t idx = (uint32_t)f->nodes.len;
  node fresh = {0, 0, n->first_term, n->nterms, n->boundary};
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

static int cmp_exact(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int by_owner_tag(const void *a, const void *b) {
  const ddl_lex_owner *oa = a, *ob = b;
  if (oa->owner != ob->owner)
    return oa->owner < ob->owner ? -1 : 1;
  return oa->tag < ob->tag ? -1 : oa->tag > ob->tag;
}

static int by_term(const void *a, const void *b) {
  const entry *ea = a, *eb = b;
  int c = strcmp(ea->norm, eb->norm);
  if (!c)
    c = cmp_exact(ea->exact, eb->exact);
  return c ? c : by_owner_tag(&ea->owner, &eb->owner);
}

/* Numbers the distinct (owner, tag) pairs, so a scan can keep one
 * position per pair in a flat array. */
static void assign_slots(ddl_lexicon *lex, size_t nowners) {
  ddl_lex_owner *pairs = ddl_xcalloc(nowners + 1, sizeof(ddl_lex_owner));
  memcpy(pairs, lex->img.owners, nowners * sizeof(ddl_lex_owner));
  if (nowners > 1)
    qsort(pairs, nowners, sizeof(ddl_lex_owner), by_owner_tag);
  size_t unique = 0;
  for (size_t i = 0; i < nowners; i++)
    if (unique == 0 || by_owner_tag(&pairs[unique - 1], &pairs[i]) != 0)
      pairs[unique++] = pairs[i];
  uint32_t *slots = lex->own_slots = ddl_xcalloc(nowners + 1, sizeof(uint32_t));
  lex->img.slots = slots;
  for (size_t i = 0; i < nowners; i++) {
    size_t lo = 0, hi = unique;
    while (hi - lo > 1) {
      size_t mid = lo + (hi - lo) / 2;
      if (by_owner_tag(&pairs[mid], &lex->img.owners[i]) <= 0)
        lo = mid;
      else
        hi = mid;
    }
    slots[i] = (uint32_t)lo;
  }
  lex->img.nslots = (uint32_t)unique;
  free(pairs);
}

size_t ddl_lexicon_builder_terms(const ddl_lexicon_builder *lb, const char ***terms,
                                 ddl_lex_owner **owners) {
  size_t n = lb->terms.len;
  *terms = ddl_xcalloc(n + 1, sizeof(char *));
  *owners = ddl_xcalloc(n + 1, sizeof(ddl_lex_owner));
  for (size_t i = 0; i < n; i++) {
    (*terms)[i] = lb->terms.items[i].term;
    (*owners)[i] = lb->terms.items[i].owner;
  }
  return n;
}

bool ddl_lexicon_builder_is(const ddl_lexicon_builder *lb, const char *terms,
                            const ddl_lex_owner *owners, size_t n) {
  if (lb->terms.len != n)
    return false;
  const char *t = terms;
  for (size_t i = 0; i < n; i++) {
    const added *a = &lb->terms.items[i];
    if (strcmp(a->term, t) != 0 || a->owner.owner != owners[i].owner ||
        a->owner.tag != owners[i].tag || a->owner.weight != owners[i].weight)
      return false;
    t += strlen(t) + 1;
  }
  return true;
}

static void builder_free(ddl_lexicon_builder *lb) {
  DDL_VEC_FREE(lb->terms);
  free(lb);
}

static void index_root(ddl_lexicon *lex) {
  if (lex->img.nnodes == 0)
    return;
  const node *root = &lex->img.nodes[0];
  for (uint32_t i = 0; i < root->nedges; i++) {
    const edge *e = &lex->img.edges[root->first_edge + i];
    lex->root_child[e->byte] = e->child;
  }
}

ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb) {
  const ddl_lex_image *prebuilt = ddl_precompiled_lexicon(lb);
  if (!prebuilt)
    return ddl_lexicon_build_here(lb);
  ddl_lexicon *lex = ddl_xcalloc(1, sizeof(*lex));
  lex->img = *prebuilt;
  index_root(lex);
  builder_free(lb);
  return lex;
}

ddl_lex_image ddl_lexicon_image(const ddl_lexicon *lex) { return lex->img; }

ddl_lexicon *ddl_lexicon_build_here(ddl_lexicon_builder *lb) {
  ddl_lexicon *lex = ddl_xcalloc(1, sizeof(*lex));
  size_t n = lb->terms.len;
  ddl_arena spellings = {0};
  entry *e = ddl_xcalloc(n + 1, sizeof(entry));
  for (size_t i = 0; i < n; i++) {
    const char *term = lb->terms.items[i].term;
    e[i] = (entry){normalise(&spellings, term, false),
                   has_capital(term) ? normalise(&spellings, term, true) : NULL,
                   lb->terms.items[i].owner};
  }
  if (n > 1)
    qsort(e, n, sizeof(entry), by_term);
  term_info *terms = lex->own_terms = ddl_xcalloc(n + 1, sizeof(term_info));
  ddl_lex_owner *owners = lex->own_owners = ddl_xcalloc(n + 1, sizeof(ddl_lex_owner));
  lex->img.terms = terms;
  lex->img.owners = owners;
  ddl_arena nodes = {0};
  bnode *root = bnode_new(&nodes, 0);
  size_t no = 0;
  const entry *prev = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!prev || strcmp(prev->norm, e[i].norm) != 0 || cmp_exact(prev->exact, e[i].exact) != 0) {
      bnode_insert(&nodes, root, e[i].norm, (int32_t)lex->img.nterms);
      terms[lex->img.nterms].first = no;
      terms[lex->img.nterms].exact =
          e[i].exact ? ddl_arena_strndup(&lex->own_exacts, e[i].exact, strlen(e[i].exact)) : NULL;
      /* The entry gives up its spelling, as it did when the term took it
       * over: a later entry of the same spelling compares as another. */
      e[i].exact = NULL;
      lex->img.nterms++;
      prev = &e[i];
    }
    /* One owner keeps one weight per term: its highest. */
    term_info *t = &terms[lex->img.nterms - 1];
    ddl_lex_owner *last = t->count ? &owners[no - 1] : NULL;
    if (last && by_owner_tag(last, &e[i].owner) == 0) {
      if (e[i].owner.weight > last->weight)
        last->weight = e[i].owner.weight;
    } else {
      owners[no++] = e[i].owner;
      t->count++;
    }
  }
  lex->img.nowners = no;
  assign_slots(lex, no);
  flat f = {{0}, {0}};
  flatten(&f, root);
  ddl_arena_free(&nodes);
  lex->img.nodes = lex->own_nodes = f.nodes.items;
  lex->img.nnodes = f.nodes.len;
  lex->img.edges = lex->own_edges = f.edges.items;
  lex->img.nedges = f.edges.len;
  index_root(lex);
  free(e);
  ddl_arena_free(&spellings);
  builder_free(lb);
  return lex;
}

void ddl_lexicon_free(ddl_lexicon *lex) {
  if (!lex)
    return;
  free(lex->own_nodes);
  free(lex->own_edges);
  free(lex->own_terms);
  free(lex->own_owners);
  free(lex->own_slots);
  ddl_arena_free(&lex->own_exacts);
  free(lex);
}

/* ---- scanning ------------------------------------------------------ */

static bool is_sep(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

static const edge *find_edge(const ddl_lexicon *lex, const node *nd, unsigned char byte) {
  const edge *lo = lex->img.edges + nd->first_edge, *hi = lo + nd->nedges;
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

/* The SEP and STAR edges of ND, or NULL: being the lowest bytes, they
 * come first. */
static void special_edges(const ddl_lexicon *lex, const node *nd, const edge **sep,
                          const edge **star) {
  const edge *e = lex->img.edges + nd->first_edge;
  *sep = *star = NULL;
  for (uint32_t i = 0; i < nd->nedges && i < 2 && e[i].byte <= STAR; i++)
    *(e[i].byte == SEP ? sep : star) = &e[i];
}

/* The child of node ND_IDX for BYTE, lower-cased if ASCII; 0 (the root,
 * never a child) for none. */
static uint32_t child_of(const ddl_lexicon *lex, uint32_t nd_idx, const node *nd,
                         unsigned char byte) {
  if (byte < 0x80)
    byte = ascii_lower(byte);
  if (nd_idx == 0)
    return lex->root_child[byte];
  const edge *e = find_edge(lex, nd, byte);
  return e ? e->child : 0;
}

/* A place where terms end: the node and the text offset. */
typedef struct {
  size_t end;
  uint32_t node;
} candidate;

enum { MAX_CANDIDATES = 32, STACK_SLOTS = 64 };

typedef struct {
  candidate items[MAX_CANDIDATES];
  size_t len;
} candidates;

/* Endings a '*' may take past five bytes: longer continuations are
 * usually another word ("alert*" in "alertmanager"). */
static const char *const long_endings[] = {
    "ation", "ations", "ition", "itions", "isation", "isations", "ization", "izations",
    "ability", "abilities", "ibility", "ility", "ilities", "ities", "ically", "ously",
    "ively", "iveness", "ment", "ments", "ness", "istic", "istics"};

/* Whether the '*' continuation TEXT[from, to) is a word of its own rather
 * than an ending: a CamelCase hump in it ("ReplicaSet" is a type's name,
 * not the word "replica"), or more than five bytes that end in no common
 * suffix ("Alertmanager" is a product, not an alert). */
static bool compound_continuation(const unsigned char *text, size_t from, size_t to) {
  for (size_t k = from; k < to; k++)
    if (k > 0 && islower(text[k - 1]) && isupper(text[k]))
      return true;
  size_t n = to - from;
  if (n <= 5)
    return false;
  for (size_t i = 0; i < DDL_ARRAY_LEN(long_endings); i++) {
    size_t m = strlen(long_endings[i]);
    if (m <= n && strncasecmp((const char *)text + to - m, long_endings[i], m) == 0)
      return false;
  }
  return true;
}

/* Every node with terms that TEXT reaches from POS at node ND.  Depth is
 * bounded by the longest term, and each node tries at most its literal,
 * SEP and STAR edges, so a call is linear in the term length.  Most
 * nodes have no wildcard edge: their one way on is followed in a loop,
 * and only a node with a wildcard recurses, literal edge first, so the
 * candidates come in the same depth-first order either way. */
static void collect(const ddl_lexicon *lex, uint32_t nd_idx, const unsigned char *text,
                    size_t len, size_t pos, candidates *out) {
  for (;;) {
    const node *nd = &lex->img.nodes[nd_idx];
    if (nd->first_term >= 0 && (!nd->boundary || pos == len || !word_byte(text[pos])) &&
        out->len < MAX_CANDIDATES)
      out->items[out->len++] = (candidate){pos, nd_idx};
    uint32_t child = pos < len ? child_of(lex, nd_idx, nd, text[pos]) : 0;
    bool wildcards = nd->nedges > 0 && lex->img.edges[nd->first_edge].byte <= STAR;
    if (!wildcards) {
      if (!child)
        return;
      nd_idx = child;
      pos++;
      continue;
    }
    const edge *sep, *star;
    special_edges(lex, nd, &sep, &star);
    if (child)
      collect(lex, child, text, len, pos + 1, out);
    if (sep && pos < len && is_sep(text[pos])) {
      size_t p = pos;
      while (p < len && is_sep(text[p]))
        p++;
      collect(lex, sep->child, text, len, p, out);
    }
    if (star) {
      size_t p = pos;
      while (p < len && word_byte(text[p]))
        p++;
      if (!compound_continuation(text, pos, p))
        collect(lex, star->child, text, len, p, out);
    }
    return;
  }
}

/* Whether TEXT[start, end) is spelt as EXACT (a normalised term with its
 * capitals) says, wildcards matching as they do in the trie. */
static bool spelt_exactly(const char *exact, const unsigned char *text, size_t start, size_t end) {
  const unsigned char *e = (const unsigned char *)exact;
  size_t p = start;
  for (; *e; e++) {
    if (*e == SEP) {
      if (p >= end || !is_sep(text[p]))
        return false;
      while (p < end && is_sep(text[p]))
        p++;
    } else if (*e == STAR) {
      while (p < end && word_byte(text[p]))
        p++;
    } else if (p >= end || text[p++] != *e) {
      return false;
    }
  }
  return p == end;
}

/* Bytes that end a white-space-delimited token for the URL test. */
static bool token_break(unsigned char c) {
  return isspace(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '"' || c == '\'' || c == ',' || c == ';';
}

/* A URL, an e-mail address or a path with a domain ("github.com/x/y"). */
static bool url_token(const unsigned char *t, size_t n) {
  bool slash = false, dotted = false;
  for (size_t i = 0; i < n; i++) {
    if (t[i] == '@' && i > 0 && i + 1 < n)
      return true;
    if (t[i] == ':' && i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/')
      return true;
    if (t[i] == '/')
      slash = true;
    if (t[i] == '.' && i > 0 && i + 1 < n && isalnum(t[i - 1]) && isalpha(t[i + 1]))
      dotted = true;
  }
  return (n > 4 && strncmp((const char *)t, "www.", 4) == 0) || (slash && dotted);
}

/* A term next to '.' or "::" is part of a qualified name: "Login.gov",
 * "Node.js", "BulkData::Cache". */
static bool qualified(const unsigned char *t, size_t len, size_t start, size_t end) {
  if (start >= 2 && ((t[start - 1] == '.' && word_byte(t[start - 2])) ||
                     (t[start - 1] == ':' && t[start - 2] == ':')))
    return true;
  return end + 1 < len && ((t[end] == '.' && word_byte(t[end + 1])) ||
                           (t[end] == ':' && t[end + 1] == ':'));
}

void ddl_lexicon_scan(const ddl_lexicon *lex, const char *text, size_t len, ddl_lex_hits *out) {
  const unsigned char *t = (const unsigned char *)text;
  if (lex->img.nterms == 0)
    return;
  /* covered[slot]: where that owner's last hit ends; its next hit must
   * start there or later. */
  uint32_t stack_covered[STACK_SLOTS] = {0};
  uint32_t *covered = lex->img.nslots <= STACK_SLOTS
                          ? stack_covered
                          : ddl_xcalloc(lex->img.nslots, sizeof(uint32_t));
  size_t tok_start = 0, tok_end = 0;
  bool tok_url = false;
  candidates cands;
  size_t i = 0;
  while (i < len) {
    /* Terms start at a word start. */
    if (!word_byte(t[i]) || (i > 0 && word_byte(t[i - 1]))) {
      i++;
      continue;
    }
    cands.len = 0;
    collect(lex, 0, t, len, i, &cands);
    if (cands.len && i >= tok_end) {
      /* Tokens never overlap, so finding them costs O(len) in all. */
      tok_start = i;
      while (tok_start > tok_end && !token_break(t[tok_start - 1]))
        tok_start--;
      tok_end = i;
      while (tok_end < len && !token_break(t[tok_end]))
        tok_end++;
      tok_url = url_token(t + tok_start, tok_end - tok_start);
    }
    if (cands.len && !tok_url) {
      /* Longest first, so each owner takes its longest term here. */
      for (size_t a = 1; a < cands.len; a++)
        for (size_t b = a; b > 0 && cands.items[b - 1].end < cands.items[b].end; b--) {
          candidate tmp = cands.items[b];
          cands.items[b] = cands.items[b - 1];
          cands.items[b - 1] = tmp;
        }
      for (size_t c = 0; c < cands.len; c++) {
        const candidate *cd = &cands.items[c];
        if (qualified(t, len, i, cd->end))
          continue;
        const node *nd = &lex->img.nodes[cd->node];
        for (uint32_t k = 0; k < nd->nterms; k++) {
          uint32_t term = (uint32_t)nd->first_term + k;
          const term_info *ti = &lex->img.terms[term];
          if (ti->exact && !spelt_exactly(ti->exact, t, i, cd->end))
            continue;
          for (size_t o = ti->first; o < ti->first + ti->count; o++) {
            uint32_t slot = lex->img.slots[o];
            if (covered[slot] > i)
              continue;
            covered[slot] = (uint32_t)cd->end;
            ddl_lex_hit h = {(uint32_t)i, (uint32_t)cd->end, term, (uint32_t)o};
            DDL_VEC_PUSH(*out, h);
          }
        }
      }
    }
    while (i < len && word_byte(t[i]))
      i++;
  }
  if (covered != stack_covered)
    free(covered);
}

const ddl_lex_owner *ddl_lexicon_owner(const ddl_lexicon *lex, uint32_t owner) {
  return &lex->img.owners[owner];
}

size_t ddl_lexicon_term_count(const ddl_lexicon *lex) { return lex->img.nterms; }

bool ddl_lexicon_case_sensitive(const ddl_lexicon *lex, uint32_t term) {
  return term < lex->img.nterms && lex->img.terms[term].exact != NULL;
}
