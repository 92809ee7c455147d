/* Closest-name suggestions.  Only names up to SUGGEST_MAX bytes are
 * compared, so a hostile 10 MB key costs nothing here. */
#include "util/suggest.h"

#include <string.h>

#define SUGGEST_MAX 64

unsigned ddl_edit_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned limit) {
  if (alen > SUGGEST_MAX || blen > SUGGEST_MAX)
    return limit + 1;
  if ((alen > blen ? alen - blen : blen - alen) > limit)
    return limit + 1;
  /* Three rows of the dynamic-programming table: two back for transpositions. */
  unsigned rows[3][SUGGEST_MAX + 1];
  unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (size_t j = 0; j <= blen; j++)
    prev[j] = (unsigned)j;
  for (size_t i = 1; i <= alen; i++) {
    cur[0] = (unsigned)i;
    unsigned row_min = cur[0];
    for (size_t j = 1; j <= blen; j++) {
      unsigned cost = a[i - 1] != b[j - 1];
      unsigned d = prev[j] + 1;
      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      if (prev[j - 1] + cost < d)
        d = prev[j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1;
      cur[j] = d;
      if (d < row_min)
        row_min = d;
    }
    if (row_min > limit) /* every later row only grows */
      return limit + 1;
    unsigned *t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[blen] <= limit ? prev[blen] : limit + 1;
}

void ddl_suggest_init(ddl_suggest *s, const char *word) {
  s->word = word;
  s->len = strlen(word);
  /* A third of the word, at least one edit: 'sevrity' -> 'severity', but
   * not 'ab' -> 'id'. */
  s->limit = s->len < 6 ? 1 : (unsigned)(s->len / 3);
  s->best_d = s->limit + 1;
  s->best = NULL;
  s->best_len = 0;
}

void ddl_suggest_add_n(ddl_suggest *s, const char *candidate, size_t len) {
  /* One edit is as close as a different name gets. */
  if (!candidate || s->best_d == 1 || (len == s->len && memcmp(candidate, s->word, len) == 0))
    return;
  unsigned d = ddl_edit_distance(s->word, s->len, candidate, len, s->best_d - 1);
  if (d < s->best_d) {
    s->best_d = d;
    s->best = candidate;
    s->best_len = len;
  }
}

void ddl_suggest_add(ddl_suggest *s, const char *candidate) {
  if (candidate)
    ddl_suggest_add_n(s, candidate, strlen(candidate));
}

void ddl_suggest_add_list(ddl_suggest *s, const char *const *list) {
  for (; list && *list; list++)
    ddl_suggest_add(s, *list);
}

const char *ddl_suggest_best(const ddl_suggest *s) { return s->best; }

size_t ddl_suggest_best_len(const ddl_suggest *s) { return s->best_len; }
