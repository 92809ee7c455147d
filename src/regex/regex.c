/* The pcre2 wrapper.  Input is validated UTF-8 before it gets here, so
 * matching skips pcre2's own check, which would otherwise rescan the whole
 * subject on every call and make repeated searches quadratic. */
#include "regex/regex.h"

#include "regex/cues.h"
#include "regex/precompiled.h"
#include "util/mem.h"

#include <pcre2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A pattern's code is made when it is first needed, and its JIT
 * compilation waits until it is busy.  A default pattern's code is
 * decoded from the build's table on its first search: decoded, the 176
 * default patterns are 320 KiB of heap, and a run that never reaches a
 * pattern (a short document, one the cues rule out) need not fault it
 * in.  JIT compilation writes to the code it compiles, so it is done on
 * a copy.  Each is published once with release order: threads that share
 * a pattern go on with what they have until they see it, and a code is
 * never modified while in use.  The state sits behind a pointer so that
 * a const ddl_regex stays const. */
typedef struct {
  _Atomic(pcre2_code *) code;     /* the interpreted code, once made */
  atomic_ulong scanned; /* subject bytes searched with the interpreted code */
  _Atomic(pcre2_code *) compiled; /* the JIT-compiled copy, once there is one */
} lazy_state;

struct ddl_regex {
  const ddl_precompiled *precompiled; /* where the code comes from, or NULL */
  lazy_state *lazy;
  char *own_pattern;   /* the text of a pattern not in the build's table */
  char *rule;         /* the rule and place in its pack, for the limit warning */
  char *path;         /* NULL when no origin was set */
  unsigned line, column;
};

/* A pattern is compiled to machine code once it has searched this much
 * text, as in ski rental: a run never pays much more than the better of
 * compiling and interpreting.  By instructions alone (callgrind: ~470 k to
 * compile, ~80 a byte more to interpret) the break-even is near 6 KiB,
 * but compiling also maps executable memory and faults it in, which
 * callgrind does not count and this machine makes dear (~10 us a page).
 * Timed, a 30 KiB document took 10.3 ms of CPU at 8 KiB, 9.3 at 16 KiB,
 * 8.5 at 32 KiB and 12.2 interpreted throughout; 4,000 documents took
 * the same time at 8 and 32 KiB (2.48 s and 2.50 s of CPU), as every busy
 * pattern is compiled within the first few. */
enum { JIT_AFTER_BYTES = 32768 };

/* Limits that stop catastrophic backtracking in a user's pattern long
 * before it could look like a hang. */
enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000 };

/* The budget of a document run: a pattern that exhausts its limits this
 * many times is not tried again in the run, and after this many limit
 * hits in all no pattern is, so that a catastrophic pattern costs a few
 * limits' worth of work per document instead of one per paragraph. */
enum { HITS_PER_PATTERN = 4, HITS_PER_RUN = 16 };

typedef struct {
  const ddl_regex *re;
  unsigned hits;
  uint32_t where;
} limit_hit;

struct ddl_matcher {
  pcre2_match_data *md;
  pcre2_match_context *mctx;
  uint32_t where;
  unsigned hits;
  limit_hit *limited;
  size_t nlimited;
};

static void pcre2_oom(void) {
  fprintf(stderr, "ddlint: out of memory in pcre2\n");
  abort();
}

ddl_matcher *ddl_matcher_new(void) {
  ddl_matcher *m = ddl_xcalloc(1, sizeof(*m));
  /* Only the whole match is read, so one ovector pair serves every
   * pattern: pcre2 returns 0 ("ovector too small") but fills it. */
  m->md = pcre2_match_data_create(1, NULL);
  m->mctx = pcre2_match_context_create(NULL);
  if (!m->md || !m->mctx)
    pcre2_oom();
  pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
  pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
  return m;
}

void ddl_matcher_free(ddl_matcher *m) {
  if (!m)
    return;
  pcre2_match_data_free(m->md);
  pcre2_match_context_free(m->mctx);
  free(m->limited);
  free(m);
}

void ddl_matcher_at(ddl_matcher *m, uint32_t offset) { m->where = offset; }

size_t ddl_matcher_limit_count(const ddl_matcher *m) { return m->nlimited; }

const ddl_regex *ddl_matcher_limit(const ddl_matcher *m, size_t i, uint32_t *where) {
  *where = m->limited[i].where;
  return m->limited[i].re;
}

bool ddl_matcher_stopped(const ddl_matcher *m) { return m->hits >= HITS_PER_RUN; }

ddl_regex *ddl_regex_compile(const char *pattern, char *err, size_t errlen, size_t *erroff) {
  const ddl_precompiled *pre = ddl_precompiled_find(pattern);
  pcre2_code *code = NULL;
  if (!pre) {
    int rc;
    PCRE2_SIZE off;
    code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, DDL_REGEX_OPTIONS, &rc, &off,
                         NULL);
    if (!code) {
      pcre2_get_error_message(rc, (PCRE2_UCHAR *)err, errlen);
      *erroff = off;
      return NULL;
    }
  }
  ddl_regex *r = ddl_xcalloc(1, sizeof(*r));
  r->precompiled = pre;
  r->lazy = ddl_xcalloc(1, sizeof(lazy_state));
  atomic_init(&r->lazy->code, code);
  atomic_init(&r->lazy->scanned, 0);
  atomic_init(&r->lazy->compiled, NULL);
  if (!pre)
    r->own_pattern = ddl_xstrdup(pattern);
  return r;
}

/* Kept as parts and formatted only for a warning: two snprintf calls per
 * pattern were a tenth of start-up. */
void ddl_regex_set_origin(ddl_regex *re, const char *rule, const char *path, unsigned line,
                          unsigned column) {
  free(re->rule);
  free(re->path);
  re->rule = rule ? ddl_xstrdup(rule) : NULL;
  re->path = ddl_xstrdup(path);
  re->line = line;
  re->column = column;
}

const char *ddl_regex_rule(const ddl_regex *re) { return re->rule; }

bool ddl_regex_origin(const ddl_regex *re, const char **path, unsigned *line, unsigned *column) {
  if (!re->path)
    return false;
  *path = re->path;
  *line = re->line;
  *column = re->column;
  return true;
}

void ddl_regex_free(ddl_regex *re) {
  if (!re)
    return;
  pcre2_code_free(atomic_load(&re->lazy->code));
  pcre2_code_free(atomic_load(&re->lazy->compiled));
  free(re->lazy);
  free(re->own_pattern);
  free(re->rule);
  free(re->path);
  free(re);
}

const char *ddl_regex_pattern(const ddl_regex *re) {
  return re->precompiled ? re->precompiled->pattern : re->own_pattern;
}

static limit_hit *find_limited(ddl_matcher *m, const ddl_regex *re) {
  for (size_t i = 0; i < m->nlimited; i++)
    if (m->limited[i].re == re)
      return &m->limited[i];
  return NULL;
}

/* Whether RE may still be tried in this run. */
static bool within_budget(ddl_matcher *m, const ddl_regex *re) {
  if (m->nlimited == 0)
    return true;
  if (m->hits >= HITS_PER_RUN)
    return false;
  limit_hit *h = find_limited(m, re);
  return !h || h->hits < HITS_PER_PATTERN;
}

static void limit_reached(ddl_matcher *m, const ddl_regex *re) {
  m->hits++;
  limit_hit *h = find_limited(m, re);
  if (!h) {
    m->limited = ddl_xrealloc(m->limited, (m->nlimited + 1) * sizeof(limit_hit));
    h = &m->limited[m->nlimited++];
    *h = (limit_hit){re, 0, m->where};
  }
  h->hits++;
}

/* RE's interpreted code, decoded by the first call that needs it.  Two
 * threads may both decode; the first to publish wins. */
static const pcre2_code *interpreted(const ddl_regex *re) {
  pcre2_code *code = atomic_load_explicit(&re->lazy->code, memory_order_acquire);
  if (code)
    return code;
  code = ddl_precompiled_decode(re->precompiled);
  if (!code) {
    /* The table's header was readable but not its code: compile the
     * pattern, which compiled when the table was built. */
    int rc;
    PCRE2_SIZE off;
    const char *pattern = re->precompiled->pattern;
    code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, DDL_REGEX_OPTIONS, &rc, &off,
                         NULL);
    if (!code) {
      fprintf(stderr, "ddlint: a default pattern no longer compiles: %s\n", pattern);
      abort();
    }
  }
  pcre2_code *none = NULL;
  if (!atomic_compare_exchange_strong_explicit(&re->lazy->code, &none, code, memory_order_acq_rel,
                                               memory_order_acquire)) {
    pcre2_code_free(code);
    return none;
  }
  return code;
}

/* The code to match RE with: the JIT-compiled copy once there is one;
 * the call that makes the pattern busy enough compiles it. */
static const pcre2_code *code_for(const ddl_regex *re, size_t bytes) {
  pcre2_code *compiled = atomic_load_explicit(&re->lazy->compiled, memory_order_acquire);
  if (compiled)
    return compiled;
  const pcre2_code *code = interpreted(re);
  unsigned long before = atomic_fetch_add_explicit(&re->lazy->scanned, bytes, memory_order_relaxed);
  if (before < JIT_AFTER_BYTES && before + bytes >= JIT_AFTER_BYTES) {
    pcre2_code *copy = pcre2_code_copy(code);
    if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
      atomic_store_explicit(&re->lazy->compiled, copy, memory_order_release);
      return copy;
    }
    pcre2_code_free(copy); /* no JIT here: the interpreter it is */
  }
  return code;
}

/* Searches from START; a match must begin at or before LIMIT (SIZE_MAX:
 * anywhere), which stops pcre2 trying later start positions at all. */
static bool search(ddl_matcher *m, const ddl_regex *re, const char *subject, size_t len,
                   size_t start, size_t limit, size_t *mstart, size_t *mend, const char **mark) {
  if (start > len || !within_budget(m, re))
    return false;
  pcre2_set_offset_limit(m->mctx, limit == SIZE_MAX ? PCRE2_UNSET : limit);
  /* At most what the search can read; an empty subject counts too. */
  size_t scanned = len - start + 1;
  int rc = pcre2_match(code_for(re, scanned), (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK,
                       m->md, m->mctx);
  /* No JIT stack of our own: a megabyte mapped per pattern made start-up
   * slow.  The rare match that outgrows pcre2's default JIT stack is
   * retried by the interpreter. */
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
    rc = pcre2_match(interpreted(re), (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, m->md,
                     m->mctx);
  if (rc == PCRE2_ERROR_NOMATCH)
    return false;
  if (rc < 0) {
    /* A limit (match, depth, heap, JIT stack) or another matching error:
     * not a "no match" to believe, so the run is told. */
    limit_reached(m, re);
    return false;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
  *mstart = ov[0];
  *mend = ov[1];
  if (mark)
    *mark = (const char *)pcre2_get_mark(m->md);
  return true;
}

bool ddl_regex_search_mark(ddl_matcher *m, const ddl_regex *re, const char *subject,
                           size_t len, size_t start, size_t *mstart, size_t *mend,
                           const char **mark) {
  return search(m, re, subject, len, start, SIZE_MAX, mstart, mend, mark);
}

bool ddl_regex_search(ddl_matcher *m, const ddl_regex *re, const char *subject, size_t len,
                      size_t start, size_t *mstart, size_t *mend) {
  return search(m, re, subject, len, start, SIZE_MAX, mstart, mend, NULL);
}

bool ddl_regex_list_same(const ddl_regex_list *a, const ddl_regex_list *b) {
  if (a->len != b->len)
    return false;
  for (size_t i = 0; i < a->len; i++)
    if (a->items[i] != b->items[i] &&
        strcmp(ddl_regex_pattern(a->items[i]), ddl_regex_pattern(b->items[i])) != 0)
      return false;
  return true;
}

static void drop_cues(ddl_regex_list *list) {
  if (list->cue_owner)
    ddl_cue_index_free(list->cues);
  list->cues = NULL;
  list->cue_shift = 0;
  list->cue_owner = false;
}

/* The cue index of A's patterns followed by B's (B may be NULL). */
static struct ddl_cue_index *index_of(const ddl_regex_list *a, const ddl_regex_list *b) {
  size_t n = a->len + (b ? b->len : 0);
  const char **patterns = ddl_xcalloc(n + 1, sizeof(char *));
  for (size_t i = 0; i < a->len; i++)
    patterns[i] = ddl_regex_pattern(a->items[i]);
  for (size_t i = a->len; i < n; i++)
    patterns[i] = ddl_regex_pattern(b->items[i - a->len]);
  struct ddl_cue_index *ix = ddl_cue_index_build(patterns, n);
  free(patterns);
  return ix;
}

void ddl_regex_list_index(ddl_regex_list *list) {
  drop_cues(list);
  list->cues = index_of(list, NULL);
  list->cue_owner = true;
}

void ddl_regex_lists_index_together(ddl_regex_list *a, ddl_regex_list *b) {
  if (!a->len || !b->len || a->len + b->len > 64) {
    /* Nothing to share, or more than one mask can tell apart. */
    if (a->len)
      ddl_regex_list_index(a);
    if (b->len)
      ddl_regex_list_index(b);
    return;
  }
  drop_cues(a);
  drop_cues(b);
  a->cues = b->cues = index_of(a, b);
  a->cue_owner = true;
  b->cue_shift = (unsigned)a->len;
}

/* LIST's bits of MASK, a mask of its index. */
static uint64_t own_bits(const ddl_regex_list *list, uint64_t mask) {
  mask >>= list->cue_shift;
  return list->len < 64 ? mask & (((uint64_t)1 << list->len) - 1) : mask;
}

/* Which patterns of LIST may match SUBJECT[start, end): bit i for the
 * i-th; patterns past the 64th are always tried.  CUES keeps the answer
 * of LIST's index, for LIST and any list that shares it. */
static uint64_t candidates(const ddl_regex_list *list, ddl_regex_cues *cues, const char *subject,
                           size_t start, size_t end) {
  if (!list->cues)
    return UINT64_MAX;
  if (cues->of != list->cues) {
    cues->mask = ddl_cue_index_candidates(list->cues, subject, start, end);
    cues->of = list->cues;
  }
  return own_bits(list, cues->mask);
}

static bool may_match(uint64_t mask, size_t i) { return i >= 64 || (mask >> i & 1); }

bool ddl_regex_list_search(ddl_matcher *m, const ddl_regex_list *list, const char *subject,
                           size_t start, size_t end, size_t *mstart, size_t *mend) {
  ddl_regex_cues cues = DDL_REGEX_CUES_INIT;
  return ddl_regex_list_search_again(m, list, &cues, subject, start, end, mstart, mend);
}

bool ddl_regex_list_search_again(ddl_matcher *m, const ddl_regex_list *list,
                                 ddl_regex_cues *cues, const char *subject, size_t start,
                                 size_t end, size_t *mstart, size_t *mend) {
  bool found = false;
  uint64_t mask = candidates(list, cues, subject, start, end);
  for (size_t i = 0; i < list->len; i++) {
    size_t s, e;
    if (!may_match(mask, i))
      continue;
    /* Once a match is found, later patterns only need to start no later
     * than it to matter: this keeps the search linear and cheap. */
    if (search(m, list->items[i], subject, end, start, found ? *mstart : SIZE_MAX, &s, &e, NULL) &&
        (!found || s <= *mstart)) {
      *mstart = s;
      *mend = e;
      found = true;
    }
  }
  return found;
}

bool ddl_regex_list_any(ddl_matcher *m, const ddl_regex_list *list, const char *subject,
                        size_t start, size_t end) {
  size_t s, e;
  ddl_regex_cues cues = DDL_REGEX_CUES_INIT;
  uint64_t mask = candidates(list, &cues, subject, start, end);
  for (size_t i = 0; i < list->len; i++)
    if (may_match(mask, i) &&
        search(m, list->items[i], subject, end, start, SIZE_MAX, &s, &e, NULL))
      return true;
  return false;
}

void ddl_regex_list_free(ddl_regex_list *list) {
  for (size_t i = 0; i < list->len; i++)
    ddl_regex_free(list->items[i]);
  free(list->items);
  drop_cues(list);
  list->items = NULL;
  list->len = list->cap = 0;
}
