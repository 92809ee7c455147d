/* Cue words: the words a regular expression cannot match without.  Most
 * patterns of a rule pack open with a choice of literal words ("\b(?:will|
 * shall|must)\s+..."); a sentence that holds none of them cannot match, so
 * the pattern need not be run on it.  A list's cues are kept in one trie,
 * so one walk over a sentence's words tells which of its patterns may
 * match. */
#ifndef DDL_REGEX_CUES_H
#define DDL_REGEX_CUES_H

#include "internal.h"

/* The cues of PATTERN: lower-case word prefixes such that every match of
 * the pattern contains a word starting with one of them; a cue ending in
 * '$' is a whole word ("is$" for "\\bis\\s+", which "issue" does not
 * satisfy).  Most cues are short, common words, so this is what keeps
 * them from admitting nearly every sentence.  Returns false
 * when no such set can be read off the pattern (it opens with a class, a
 * wildcard, punctuation...); then *OUT is NULL.  On success *OUT is a
 * malloc'd array of *N malloc'd strings, freed by ddl_cues_free.  The
 * analysis is conservative: it never names a cue the pattern could do
 * without. */
bool ddl_cues_extract(const char *pattern, char ***out, size_t *n);
void ddl_cues_free(char **cues, size_t n);

/* The cues of up to 64 patterns, by position in their list. */
typedef struct ddl_cue_index ddl_cue_index;

/* Builds the index of the N PATTERNS; patterns without cues, and those
 * past the 64th, are always candidates.  Never NULL. */
ddl_cue_index *ddl_cue_index_build(const char *const *patterns, size_t n);
void ddl_cue_index_free(ddl_cue_index *ix);
/* Bit I is set when pattern I may match in TEXT[start, end): the text has
 * a word starting with one of its cues, or the pattern has none.  Patterns
 * past the 64th have no bit and are always to be tried. */
uint64_t ddl_cue_index_candidates(const ddl_cue_index *ix, const char *text, size_t start,
                                  size_t end);

#endif
