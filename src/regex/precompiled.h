/* The default packs' patterns compiled at build time.  pcre2_compile()
 * was 44 % of ddlint's start-up (24 M of 55 M instructions on an empty
 * file); decoding a serialized code is a copy.  The table is written by
 * the build tool src/regex/precompile_tool.c, and any pattern it lacks,
 * or a pcre2 that cannot read what it wrote (another version), is simply
 * compiled as before. */
#ifndef DDL_REGEX_PRECOMPILED_H
#define DDL_REGEX_PRECOMPILED_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>
#include <string.h>

#include "regex/cues.h"
#include "regex/lexicon.h"

/* The options every ddlint pattern is compiled with. */
#define DDL_REGEX_OPTIONS (PCRE2_UTF | PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT)

typedef struct {
  const char *pattern;
  const unsigned char *bytes; /* pcre2_serialize_encode() of that one code */
  size_t len;
} ddl_precompiled;

/* Sorted by pattern, as strcmp() orders them (generated). */
extern const ddl_precompiled ddl_precompiled_table[];
extern const size_t ddl_precompiled_count;

/* PATTERN's entry, or NULL when it is not in the table or this pcre2
 * cannot read what the build's wrote (another version: a look at the
 * entry's header, no decoding). */
const ddl_precompiled *ddl_precompiled_find(const char *pattern);
/* ENTRY's code, owned by the caller, or NULL if it cannot be decoded. */
pcre2_code *ddl_precompiled_decode(const ddl_precompiled *entry);

/* The cue tries of the default packs' pattern lists, built at build time
 * as ddl_cue_index_build() builds them: reading cues off patterns and
 * building tries was a third of start-up's instructions and a quarter of
 * its page faults.  The nodes are read-only data, paged in as touched. */
typedef struct {
  const char *const *patterns;
  size_t npatterns;
  ddl_cue_trie trie;
} ddl_precompiled_trie;

/* The order of the table below, which the build tool sorts by and the
 * lookup searches by: shorter lists first, then pattern by pattern as
 * strcmp() orders them. */
static inline int ddl_precompiled_list_order(const char *const *a, size_t na,
                                             const char *const *b, size_t nb) {
  if (na != nb)
    return na < nb ? -1 : 1;
  for (size_t i = 0; i < na; i++) {
    int cmp = strcmp(a[i], b[i]);
    if (cmp)
      return cmp;
  }
  return 0;
}

/* In ddl_precompiled_list_order. */
extern const ddl_precompiled_trie ddl_precompiled_tries[];
extern const size_t ddl_precompiled_trie_count;

/* The prebuilt trie of the N PATTERNS, or NULL. */
const ddl_cue_trie *ddl_precompiled_cues(const char *const *patterns, size_t n);

/* The lexicon of the default packs in the default configuration, built at
 * build time: sorting and merging their terms was a third of start-up's
 * instructions.  TERMS are the NKEYS terms, as the rules add them and in
 * that order, one after another with their NULs, and OWNERS theirs: one
 * string rather than an array of pointers, which every start would
 * relocate. */
typedef struct {
  const char *terms;
  const ddl_lex_owner *owners;
  size_t nkeys;
  ddl_lex_image image;
} ddl_precompiled_lexicon_entry;

extern const ddl_precompiled_lexicon_entry ddl_precompiled_lexicons[];
extern const size_t ddl_precompiled_lexicon_count;

/* The prebuilt lexicon of exactly LB's terms, or NULL. */
const ddl_lex_image *ddl_precompiled_lexicon(const ddl_lexicon_builder *lb);

#endif
