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

typedef struct {
  uint32_t start, end, term;
} ddl_lex_hit;

typedef DDL_VEC(ddl_lex_hit) ddl_lex_hits;

typedef struct ddl_lexicon ddl_lexicon;
typedef struct ddl_lexicon_builder ddl_lexicon_builder;

/* NULL when TERM is a valid term, else a message saying what is wrong.
 * A term is a word or phrase starting with a letter or digit; spaces and
 * hyphens match any run of white space or hyphens; a '*' ending a word
 * matches any continuation of it ("replicat*"); matching ignores case and
 * needs word boundaries at both ends. */
const char *ddl_lexicon_check_term(const char *term);

ddl_lexicon_builder *ddl_lexicon_builder_new(void);
/* Adds a valid TERM for OWNER; the term is copied. */
void ddl_lexicon_add(ddl_lexicon_builder *lb, const char *term, ddl_lex_owner owner);
/* Compiles the lexicon and frees the builder.  Never NULL. */
ddl_lexicon *ddl_lexicon_build(ddl_lexicon_builder *lb);
void ddl_lexicon_free(ddl_lexicon *lex);

/* Appends to OUT every term occurrence in TEXT[0, len), in text order;
 * where terms overlap, the longest at the leftmost position wins. */
void ddl_lexicon_scan(const ddl_lexicon *lex, const char *text, size_t len, ddl_lex_hits *out);
const ddl_lex_owner *ddl_lexicon_owners(const ddl_lexicon *lex, uint32_t term, size_t *n);
size_t ddl_lexicon_term_count(const ddl_lexicon *lex);

#endif
