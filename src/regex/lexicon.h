/* The lexicon: every evidence term of every rule in one trie, so a block
 * is scanned once for all rules, not once per rule. */
#ifndef DDL_REGEX_LEXICON_H
#define DDL_REGEX_LEXICON_H

#include "internal.h"
#include "util/vec.h"

/* Who asked for a term: a rule (OWNER, an index the caller chooses), a
 * rule-defined TAG and the weight the rule gives the term. */
typedef struct {
  uint32_t owner, tag;
  float weight;
} ddl_lex_owner;

/* One term occurrence for one owner: OWNER indexes the lexicon's owner
 * entries (ddl_lexicon_owner). */
typedef struct {
  uint32_t start, end, term, owner;
} ddl_lex_hit;

typedef DDL_VEC(ddl_lex_hit) ddl_lex_hits;

typedef struct ddl_lexicon ddl_lexicon;
typedef struct ddl_lexicon_builder ddl_lexicon_builder;

/* The lexicon as plain arrays: what ddl_lexicon_build() makes, and what
 * the build tool writes as C data for the default packs' terms
 * (regex/precompiled.h).  The trie's nodes each have a sorted run of
 * edges; terms that differ only in case-sensitivity end at one node, so a
 * node holds a run of terms. */
typedef struct {
  uint32_t first_edge, nedges;
  int32_t first_term; /* terms ending here: [first_term, first_term + nterms), or -1 */
  uint32_t nterms;
  bool boundary;      /* those terms need a word boundary after them */
} ddl_lex_node;

typedef struct {
  unsigned char byte; /* a lowercased byte, or one of the two wildcards */
  uint32_t child;
} ddl_lex_edge;

typedef struct {
  size_t first, count; /* into owners */
  const char *exact;   /* the spelling to match when it has capitals, else NULL */
} ddl_lex_term;

typedef struct {
  const ddl_lex_node *nodes;
  size_t nnodes;
  const ddl_lex_edge *edges;
  size_t nedges;
  const ddl_lex_term *terms;
  size_t nterms;
  const ddl_lex_owner *owners;
  size_t nowners;
  const uint32_t *slots; /* per owner entry: its (owner, tag) as a dense index */
  uint32_t nslots;
} ddl_lex_image;

/* NULL when TERM is a valid term, else a message saying what is wrong.
 * A term is a word or phrase starting with a letter or digit; spaces and
 * hyphens match any run of white space or hyphens; a '*' ending a word
 * matches any continuation of it ("replicat*").  Matching needs word
 * boundaries at both ends and ignores case, unless the term has an
 * upper-case letter: then it matches only that spelling ("REST" is not
 * "rest"), as ripgrep's --smart-case does. */
const char *ddl_lexicon_check_term(const char *term);

ddl_lexicon_builder *ddl_lexicon_builder_new(void);
/* Adds a valid TERM for OWNER.  TERM is borrowed: it must live until
 * the builder is built (the rules' term lists outlive their ruleset). */
void ddl_lexicon_add(ddl_lexicon_builder *lb, const char *term, ddl_lex_owner owner);
/* Compiles the lexicon and frees the builder.  Never NULL.  A builder
 * that holds exactly the terms of a prebuilt lexicon (the default packs'
 * in the default configuration) gets that one. */
ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb);
/* The same, never prebuilt: for the build tool and its test. */
ddl_lexicon *ddl_lexicon_build_here(ddl_lexicon_builder *lb);
/* The terms of LB and their owners, in the order added, in two malloc'd
 * arrays the caller frees (the strings are those given to
 * ddl_lexicon_add). */
size_t ddl_lexicon_builder_terms(const ddl_lexicon_builder *lb, const char ***terms,
                                 ddl_lex_owner **owners);
/* Whether LB holds exactly N terms, in this order: those of TERMS, one
 * after another, each ending in its NUL, with OWNERS. */
bool ddl_lexicon_builder_is(const ddl_lexicon_builder *lb, const char *terms,
                            const ddl_lex_owner *owners, size_t n);
ddl_lex_image ddl_lexicon_image(const ddl_lexicon *lex);
void ddl_lexicon_free(ddl_lexicon *lex);

/* Appends to OUT every term occurrence in TEXT[0, len), ordered by start.
 * Each owner (owner and tag) sees its own terms independently: the
 * longest of its terms at the leftmost position, then the next one after
 * that ends, so another rule's longer term never hides a hit.  A term
 * inside something that is not a prose word is skipped: a URL or e-mail
 * address, a dotted or '::'-qualified name ("Login.gov", "BulkData::Cache")
 * and a '*' continuation that is another word: a CamelCase hump
 * ("replica*" in "ReplicaSet") or more than five bytes without a common
 * suffix ("alert*" in "Alertmanager"; "optimi*" still takes
 * "optimizations"). */
void ddl_lexicon_scan(const ddl_lexicon *lex, const char *text, size_t len, ddl_lex_hits *out);
/* The owner entry of a hit. */
const ddl_lex_owner *ddl_lexicon_owner(const ddl_lexicon *lex, uint32_t owner);
size_t ddl_lexicon_term_count(const ddl_lexicon *lex);
/* Whether TERM matches only its own spelling (it has a capital). */
bool ddl_lexicon_case_sensitive(const ddl_lexicon *lex, uint32_t term);

#endif
