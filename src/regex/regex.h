/* pcre2 patterns as ddlint uses them: UTF mode, caseless unless the
 * pattern says (?-i), JIT-compiled when available, bounded matching. */
#ifndef DDL_REGEX_REGEX_H
#define DDL_REGEX_REGEX_H

#include "internal.h"

typedef struct ddl_regex ddl_regex;

/* Compiles PATTERN.  On failure returns NULL, writes pcre2's message to
 * ERR (ERRLEN bytes) and the byte offset of the error to *ERROFF. */
ddl_regex *ddl_regex_compile(const char *pattern, char *err, size_t errlen, size_t *erroff);
void ddl_regex_free(ddl_regex *re);
const char *ddl_regex_pattern(const ddl_regex *re);

/* Finds the first match in SUBJECT[0, len) at or after START; stores its
 * range.  A match that exhausts pcre2's limits counts as no match. */
bool ddl_regex_search(const ddl_regex *re, const char *subject, size_t len,
                      size_t start, size_t *mstart, size_t *mend);
/* The same, also returning the name of the last (*MARK:name) passed. */
bool ddl_regex_search_mark(const ddl_regex *re, const char *subject, size_t len,
                           size_t start, size_t *mstart, size_t *mend, const char **mark);

struct ddl_cue_index;

/* A list of patterns from a rule pack, with the cue words that tell which
 * of them may match a given text (built by ddl_regex_list_index). */
typedef struct ddl_regex_list {
  ddl_regex **items;
  size_t len;
  struct ddl_cue_index *cues; /* NULL: try every pattern */
} ddl_regex_list;

/* Builds LIST's cue index from its patterns; call once they are all in.
 * Searches then skip the patterns whose cue words the text lacks. */
void ddl_regex_list_index(ddl_regex_list *list);

/* The leftmost match of any pattern in LIST within SUBJECT[start, end). */
bool ddl_regex_list_search(const ddl_regex_list *list, const char *subject,
                           size_t start, size_t end, size_t *mstart, size_t *mend);
/* Whether any pattern in LIST matches SUBJECT[start, end): cheaper than
 * the leftmost match, since it stops at the first pattern that does. */
bool ddl_regex_list_any(const ddl_regex_list *list, const char *subject, size_t start,
                        size_t end);
void ddl_regex_list_free(ddl_regex_list *list);

#endif
