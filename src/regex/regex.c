/* The pcre2 wrapper.  Input is validated UTF-8 before it gets here, so
 * matching skips pcre2's own check, which would otherwise rescan the whole
 * subject on every call and make repeated searches quadratic. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex/regex.h"

#include "regex/cues.h"
#include "util/mem.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ddl_regex {
  pcre2_code *code;
  pcre2_match_data *md;
  pcre2_match_context *mctx;
  char *pattern;
  unsigned long uses; /* JIT compilation waits until a pattern is busy */
};

/* Compiling to machine code costs more than a few hundred interpreted
 * matches, and most patterns see only that many on a typical document;
 * a pattern busy enough to pass this count is compiled on the spot. */
enum { JIT_AFTER = 32 };

/* Limits that stop catastrophic backtracking in a user's pattern long
 * before it could look like a hang. */
enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000 };

ddl_regex *ddl_regex_compile(const char *pattern, char *err, size_t errlen, size_t *erroff) {
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &code,
                                 &off, NULL);
  if (!re) {
    pcre2_get_error_message(code, (PCRE2_UCHAR *)err, errlen);
    *erroff = off;
    return NULL;
  }
  ddl_regex *r = ddl_xcalloc(1, sizeof(*r));
  r->code = re;
  r->pattern = ddl_xstrdup(pattern);
  r->md = pcre2_match_data_create_from_pattern(re, NULL);
  r->mctx = pcre2_match_context_create(NULL);
  if (!r->md || !r->mctx) {
    fprintf(stderr, "ddlint: out of memory in pcre2\n");
    abort();
  }
  pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
  pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
  return r;
}

void ddl_regex_free(ddl_regex *re) {
  if (!re)
    return;
  pcre2_code_free(re->code);
  pcre2_match_data_free(re->md);
  pcre2_match_context_free(re->mctx);
  free(re->pattern);
  free(re);
}

const char *ddl_regex_pattern(const ddl_regex *re) { return re->pattern; }

/* Searches from START; a match must begin at or before LIMIT (SIZE_MAX:
 * anywhere), which stops pcre2 trying later start positions at all. */
static bool search(const ddl_regex *re, const char *subject, size_t len, size_t start,
                   size_t limit, size_t *mstart, size_t *mend, const char **mark) {
  if (start > len)
    return false;
  /* No JIT stack of our own either: a megabyte mapped per pattern made
   * start-up slow.  The rare match that outgrows pcre2's default JIT stack
   * is retried by the interpreter.  Regexes belong to one thread's
   * context, so counting uses and setting the offset limit through a
   * const pointer is safe. */
  ddl_regex *mut = (ddl_regex *)re;
  if (++mut->uses == JIT_AFTER)
    pcre2_jit_compile(mut->code, PCRE2_JIT_COMPLETE);
  pcre2_set_offset_limit(mut->mctx, limit == SIZE_MAX ? PCRE2_UNSET : limit);
  int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK,
                       re->md, re->mctx);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
    rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
                     re->md, re->mctx);
  if (rc < 0)
    return false;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
  *mstart = ov[0];
  *mend = ov[1];
  if (mark)
    *mark = (const char *)pcre2_get_mark(re->md);
  return true;
}

bool ddl_regex_search_mark(const ddl_regex *re, const char *subject, size_t len,
                           size_t start, size_t *mstart, size_t *mend, const char **mark) {
  return search(re, subject, len, start, SIZE_MAX, mstart, mend, mark);
}

bool ddl_regex_search(const ddl_regex *re, const char *subject, size_t len,
                      size_t start, size_t *mstart, size_t *mend) {
  return search(re, subject, len, start, SIZE_MAX, mstart, mend, NULL);
}

void ddl_regex_list_index(ddl_regex_list *list) {
  ddl_cue_index_free(list->cues);
  list->cues = NULL;
  if (list->len < 2)
    return; /* one pattern: its own start-up optimisation does as well */
  const char **patterns = ddl_xcalloc(list->len, sizeof(char *));
  for (size_t i = 0; i < list->len; i++)
    patterns[i] = list->items[i]->pattern;
  list->cues = ddl_cue_index_build(patterns, list->len);
  free(patterns);
}

/* Which patterns of LIST may match SUBJECT[start, end): bit i for the
 * i-th; patterns past the 64th are always tried. */
static uint64_t candidates(const ddl_regex_list *list, const char *subject, size_t start,
                           size_t end) {
  return list->cues ? ddl_cue_index_candidates(list->cues, subject, start, end) : UINT64_MAX;
}

static bool may_match(uint64_t mask, size_t i) { return i >= 64 || (mask >> i & 1); }

bool ddl_regex_list_search(const ddl_regex_list *list, const char *subject,
                           size_t start, size_t end, size_t *mstart, size_t *mend) {
  bool found = false;
  uint64_t mask = candidates(list, subject, start, end);
  for (size_t i = 0; i < list->len; i++) {
    size_t s, e;
    if (!may_match(mask, i))
      continue;
    /* Once a match is found, later patterns only need to start no later
     * than it to matter: this keeps the search linear and cheap. */
    if (search(list->items[i], subject, end, start, found ? *mstart : SIZE_MAX, &s, &e, NULL) &&
        (!found || s <= *mstart)) {
      *mstart = s;
      *mend = e;
      found = true;
    }
  }
  return found;
}

bool ddl_regex_list_any(const ddl_regex_list *list, const char *subject, size_t start,
                        size_t end) {
  size_t s, e;
  uint64_t mask = candidates(list, subject, start, end);
  for (size_t i = 0; i < list->len; i++)
    if (may_match(mask, i) && search(list->items[i], subject, end, start, SIZE_MAX, &s, &e, NULL))
      return true;
  return false;
}

void ddl_regex_list_free(ddl_regex_list *list) {
  for (size_t i = 0; i < list->len; i++)
    ddl_regex_free(list->items[i]);
  free(list->items);
  ddl_cue_index_free(list->cues);
  list->items = NULL;
  list->cues = NULL;
  list->len = 0;
}
