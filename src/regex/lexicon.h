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

/* NULL when TERM is a valid term, else a message saying what is wrong.
 * A term is a word or phrase starting with a letter or digit; spaces and
 * hyphens match any run of white space or hyphens; a '*' ending a word
 * matches any continuation of it ("replicat*").  Matching needs word
 * boundaries at both ends and ignores case, unless the term has an
 * upper-case letter: then it matches only that spelling ("REST" is not
 * "rest"), as ripgrep's --smart-case does. */
const char *ddl_lexicon_check_term(const char *term);

ddl_lexicon_builder *ddl_lexicon_builder_new(void);
/* Adds a valid TERM for OWNER; the term is copied. */
void ddl_lexicon_add(ddl_lexicon_builder *lb, const char *term, ddl_lex_owner owner);
/* Compiles the lexicon and frees the builder.  Never NULL. */
ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb);
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
