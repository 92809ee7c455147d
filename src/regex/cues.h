/* Cue words: the words a regular expression cannot match without.  Most
 * patterns of a rule pack open with a choice of literal words ("\b(?:will|
 * shall|must)\s+..."); a sentence that holds none of them cannot match, so
 * the pattern need not be run on it.  A list's cues are kept in one trie,
 * so one walk over a sentence's words tells which of its patterns may
 * match. */
#ifndef DDL_REGEX_CUES_H
#define DDL_REGEX_CUES_H

#include "internal.h"

/* A set of cues: lower-case word prefixes such that every match of the
 * pattern contains a word starting with one of them; a cue ending in '$'
 * is a whole word ("is$" for "\\bis\\s+", which "issue" does not
 * satisfy). */
typedef struct {
  char **cues;
  size_t n;
  /* The cue must be the first word of the subject, which the pattern's
   * '^' opens: ^\W*(?:use|adopt)\s has use|adopt. */
  bool leading;
} ddl_cue_set;

/* How many sets of cues are kept per pattern: every match holds a word of
 * each.  Most cues are short, common words ("the", "is"); a second set
 * ("the\\s+(?:chosen|selected)": chosen|selected) is what rules out most
 * sentences. */
enum { DDL_CUE_SETS = 2 };

/* Reads up to DDL_CUE_SETS sets of cues off PATTERN into SETS, the most
 * selective first (the shortest cue being longest), and returns how many;
 * 0 when none can be read (the pattern opens with a class, a wildcard,
 * punctuation...).  The analysis is conservative: it never names a cue
 * the pattern could do without.  Free with ddl_cue_sets_free. */
size_t ddl_cues_extract(const char *pattern, ddl_cue_set sets[DDL_CUE_SETS]);
void ddl_cue_sets_free(ddl_cue_set *sets, size_t nsets);

/* The cues of up to 64 patterns, by position in their list. */
typedef struct ddl_cue_index ddl_cue_index;

/* A node of an index's trie: a pattern may match only where the text has
 * a word of each of its sets; set K's cues mark bit I in ends[K] or
 * words[K] of their last nodes.  Public for the build tool, which writes
 * the default packs' tries as C data (regex/precompiled.h). */
typedef struct {
  uint16_t child[37];           /* a-z, 0-9, '_'; 0 = none (no node links to the root, 0) */
  uint64_t ends[DDL_CUE_SETS];  /* patterns with a cue of set K ending here */
  uint64_t words[DDL_CUE_SETS]; /* the same for whole-word cues */
} ddl_cue_node;

/* An index's contents, as the build tool reads and writes them. */
typedef struct {
  const ddl_cue_node *nodes;
  size_t nnodes;
  uint64_t given[DDL_CUE_SETS]; /* patterns that need no word for set K */
  uint64_t all;                 /* a bit per pattern indexed */
  uint32_t lead_root;           /* the root of the leading sets' cues; 0: none */
} ddl_cue_trie;

/* The trie of IX (borrowed). */
ddl_cue_trie ddl_cue_index_trie(const ddl_cue_index *ix);
/* Builds as ddl_cue_index_build() does without looking for a prebuilt
 * trie: for the build tool that writes them and the test that checks
 * them. */
ddl_cue_index *ddl_cue_index_build_here(const char *const *patterns, size_t n);

/* Builds the index of the N PATTERNS; patterns without cues, and those
 * past the 64th, are always candidates.  Never NULL. */
ddl_cue_index *ddl_cue_index_build(const char *const *patterns, size_t n);
void ddl_cue_index_free(ddl_cue_index *ix);
/* Bit I is set when pattern I may match in TEXT[start, end): the text has
 * a word of each of its cue sets, a leading set's as the range's first
 * word, or the pattern has none.  Patterns
 * past the 64th have no bit and are always to be tried. */
uint64_t ddl_cue_index_candidates(const ddl_cue_index *ix, const char *text, size_t start,
                                  size_t end);

#endif
