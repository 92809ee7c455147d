/* The pcre2 wrapper.  Input is validated UTF-8 before it gets here, so
 * matching skips pcre2's own check, which would otherwise rescan the whole
 * subject on every call and make repeated searches quadratic. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex/regex.h"

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
                                 PCRE2_UTF | PCRE2_CASELESS, &code, &off, NULL);
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

bool ddl_regex_search_mark(const ddl_regex *re, const char *subject, size_t len,
                           size_t start, size_t *mstart, size_t *mend, const char **mark) {
  if (start > len)
    return false;
  /* No JIT stack of our own either: a megabyte mapped per pattern made
   * start-up slow.  The rare match that outgrows pcre2's default JIT stack
   * is retried by the interpreter.  Regexes belong to one thread's
   * context, so counting uses through a const pointer is safe. */
  ddl_regex *mut = (ddl_regex *)re;
  if (++mut->uses == JIT_AFTER)
    pcre2_jit_compile(mut->code, PCRE2_JIT_COMPLETE);
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

bool ddl_regex_search(const ddl_regex *re, const char *subject, size_t len,
                      size_t start, size_t *mstart, size_t *mend) {
  return ddl_regex_search_mark(re, subject, len, start, mstart, mend, NULL);
}

bool ddl_regex_list_search(const ddl_regex_list *list, const char *subject,
                           size_t start, size_t end, size_t *mstart, size_t *mend) {
  bool found = false;
  for (size_t i = 0; i < list->len; i++) {
    size_t s, e;
    /* Searching only up to the best match so far keeps this linear. */
    size_t limit = found ? *mstart + 1 : end;
    if (limit > end)
      limit = end;
    if (ddl_regex_search(list->items[i], subject, end, start, &s, &e) && s < limit) {
      *mstart = s;
      *mend = e;
      found = true;
    }
  }
  return found;
}

void ddl_regex_list_free(ddl_regex_list *list) {
  for (size_t i = 0; i < list->len; i++)
    ddl_regex_free(list->items[i]);
  free(list->items);
  list->items = NULL;
  list->len = 0;
}
