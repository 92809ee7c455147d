/* "Did you mean": the known name closest to a misspelt one, by edit
 * distance, for error messages about unknown keys, kinds and rule ids. */
#ifndef DDL_UTIL_SUGGEST_H
#define DDL_UTIL_SUGGEST_H

#include <stddef.h>

/* Collects candidates one at a time and keeps the closest; WORD is
 * borrowed, and so is every candidate until ddl_suggest_best is read. */
typedef struct {
  const char *word;
  size_t len;
  unsigned limit; /* the largest distance still worth suggesting */
  unsigned best_d;
  const char *best; /* NULL until a candidate is within the limit */
  size_t best_len;
} ddl_suggest;

void ddl_suggest_init(ddl_suggest *s, const char *word);
void ddl_suggest_add(ddl_suggest *s, const char *candidate);
/* The same for the first LEN bytes of CANDIDATE (a rule id's pack part). */
void ddl_suggest_add_n(ddl_suggest *s, const char *candidate, size_t len);
/* Adds every entry of a NULL-terminated LIST (which may be NULL). */
void ddl_suggest_add_list(ddl_suggest *s, const char *const *list);
/* The closest candidate (the first of equally close ones), or NULL; it is
 * ddl_suggest_best_len bytes long and not NUL-terminated if added with
 * ddl_suggest_add_n. */
const char *ddl_suggest_best(const ddl_suggest *s);
size_t ddl_suggest_best_len(const ddl_suggest *s);

/* Edit distance with adjacent transpositions (optimal string alignment),
 * or LIMIT + 1 when it exceeds LIMIT. */
unsigned ddl_edit_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned limit);

#endif
