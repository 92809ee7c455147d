/* pcre2 patterns as ddlint uses them: UTF mode, caseless unless the
 * pattern says (?-i), JIT-compiled when available, bounded matching. */
#ifndef DDL_REGEX_REGEX_H
#define DDL_REGEX_REGEX_H

#include "internal.h"

typedef struct ddl_regex ddl_regex;

/* What a document run's matching changes: pcre2's match data and match
 * context, and the run's budget of limit hits.  A compiled ddl_regex is
 * only read while matching (apart from its JIT use count); all the rest
 * lives here, one matcher per run. */
typedef struct ddl_matcher ddl_matcher;
ddl_matcher *ddl_matcher_new(void);
void ddl_matcher_free(ddl_matcher *m);
/* Where in the document the run is (a source offset), remembered with
 * each pattern that exhausts its limits. */
void ddl_matcher_at(ddl_matcher *m, uint32_t offset);
/* The patterns that exhausted pcre2's match or depth limit in this run,
 * in the order they first did, and where. */
size_t ddl_matcher_limit_count(const ddl_matcher *m);
const ddl_regex *ddl_matcher_limit(const ddl_matcher *m, size_t i, uint32_t *where);
/* Whether the run's budget is spent: no pattern is tried any more. */
bool ddl_matcher_stopped(const ddl_matcher *m);

/* Compiles PATTERN.  On failure returns NULL, writes pcre2's message to
 * ERR (ERRLEN bytes) and the byte offset of the error to *ERROFF. */
ddl_regex *ddl_regex_compile(const char *pattern, char *err, size_t errlen, size_t *erroff);
void ddl_regex_free(ddl_regex *re);
const char *ddl_regex_pattern(const ddl_regex *re);
/* Names the rule RE belongs to (may be NULL) and where its pack defines
 * it, for the warning when it exhausts its limits. */
void ddl_regex_set_origin(ddl_regex *re, const char *rule, const char *path, unsigned line,
                          unsigned column);
const char *ddl_regex_rule(const ddl_regex *re); /* NULL when not set */
/* Where the pack defines RE; false when not set. */
bool ddl_regex_origin(const ddl_regex *re, const char **path, unsigned *line, unsigned *column);

/* Finds the first match in SUBJECT[0, len) at or after START; stores its
 * range.  A match that exhausts pcre2's limits answers false and is
 * recorded on M, as is every search M's budget no longer allows.  START
 * must be a character boundary. */
bool ddl_regex_search(ddl_matcher *m, const ddl_regex *re, const char *subject, size_t len,
                      size_t start, size_t *mstart, size_t *mend);
/* The same, also returning the name of the last (*MARK:name) passed. */
bool ddl_regex_search_mark(ddl_matcher *m, const ddl_regex *re, const char *subject,
                           size_t len, size_t start, size_t *mstart, size_t *mend,
                           const char **mark);

struct ddl_cue_index;

/* A list of patterns from a rule pack, with the cue words that tell which
 * of them may match a given text (built by ddl_regex_list_index). */
typedef struct ddl_regex_list {
  ddl_regex **items;
  size_t len, cap;
  struct ddl_cue_index *cues; /* NULL: try every pattern */
  /* With a shared index: where this list's patterns start in it, and
   * whether this list frees it. */
  unsigned cue_shift;
  bool cue_owner;
} ddl_regex_list;

/* Builds LIST's cue index from its patterns; call once they are all in.
 * Searches then skip the patterns whose cue words the text lacks. */
void ddl_regex_list_index(ddl_regex_list *list);
/* Builds the cue indexes of A and B, two lists searched in the same
 * texts one after the other: one index for both when both have patterns
 * and 64 or fewer in all, so that searches of both with one
 * ddl_regex_cues read a text's words once; else one each (none for an
 * empty list).  A owns a shared index: neither is indexed again, nor A
 * freed while B is still searched. */
void ddl_regex_lists_index_together(ddl_regex_list *a, ddl_regex_list *b);
/* Whether A and B hold the same patterns in the same order, so that they
 * give the same answers. */
bool ddl_regex_list_same(const ddl_regex_list *a, const ddl_regex_list *b);

/* The leftmost match of any pattern in LIST within SUBJECT[start, end). */
bool ddl_regex_list_search(ddl_matcher *m, const ddl_regex_list *list, const char *subject,
                           size_t start, size_t end, size_t *mstart, size_t *mend);
/* The same for a loop that searches one SUBJECT[..., end) again and again
 * from later starts (every match in a block).  Finding which patterns
 * the text's cue words allow reads the whole range, so doing it on every
 * search made such a loop quadratic; CUES keeps the first search's
 * answer for the rest.  That is safe: the words of a later start are a
 * subset of an earlier one's, so the first answer allows every pattern a
 * later one would.  Initialise with DDL_REGEX_CUES_INIT for each new
 * subject or end. */
typedef struct {
  const struct ddl_cue_index *of; /* the index MASK is of; NULL: none yet */
  uint64_t mask;                  /* every bit of that index's lists */
} ddl_regex_cues;
#define DDL_REGEX_CUES_INIT {NULL, 0}
bool ddl_regex_list_search_again(ddl_matcher *m, const ddl_regex_list *list,
                                 ddl_regex_cues *cues, const char *subject, size_t start,
                                 size_t end, size_t *mstart, size_t *mend);
/* Whether any pattern in LIST matches SUBJECT[start, end): cheaper than
 * the leftmost match, since it stops at the first pattern that does. */
bool ddl_regex_list_any(ddl_matcher *m, const ddl_regex_list *list, const char *subject,
                        size_t start, size_t end);
void ddl_regex_list_free(ddl_regex_list *list);

#endif
