/* Fuzz harness for super-linear work, after cmark's fuzz/fuzz_quadratic.c:
 * the input says how to build a large document from a prefix, a part
 * repeated COUNT times and a suffix, so that a few bytes become thousands
 * of directives, headings, list items or regex-hostile runs.
 *
 * The document is linted twice, with a quarter of the repetitions and
 * with all of them, and the thread's CPU time compared: linear work takes
 * about as many times longer as the document is, and more than three
 * times that ratio is reported as super-linear.  A ratio, not a time
 * limit, because the sanitizers slow allocation-heavy linear code (100,000
 * diagnostics) about as much as a quadratic loop; libFuzzer's -timeout
 * still catches what never ends.  A suspect is timed again before it is
 * reported, so that one stalled run on a loaded machine is not a finding.
 * The output is written but not read back (fuzz_doc does that): checking
 * 100,000 diagnostics would cost more than linting them.
 *
 * Input: 6 header bytes, little-endian u16 each: prefix length, repeated
 * part length, count (0: repeat until DOC_MAX); then the text.  Lengths
 * are taken modulo what the text has, so that every input repeats
 * something. */
#include "check.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef DOC_MAX
#define DOC_MAX ((size_t)256 << 10)
#endif
/* Below this much CPU time for the small document the ratio is noise. */
#define MIN_SECONDS 0.02
/* Linear is a ratio of 1 to the sizes' ratio; quadratic 4 at a quarter. */
#define MAX_EXCESS 3.0

static ddl_ctx *ctx;
static char *doc_buf;

static void teardown(void) {
  ddl_ctx_free(ctx);
  free(doc_buf);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  doc_buf = malloc(DOC_MAX);
  if (!doc_buf || ddl_ctx_prepare(ctx) != DDL_OK) {
    fprintf(stderr, "fuzz_quadratic: cannot set up: %s\n", ddl_ctx_error(ctx)->message);
    abort();
  }
  atexit(teardown);
  return 0;
}

typedef struct {
  const char *text;
  size_t prefix, part, suffix, count;
} recipe;

static size_t u16(const uint8_t *p) { return (size_t)p[0] | (size_t)p[1] << 8; }

static bool read_recipe(recipe *rc, const uint8_t *data, size_t size) {
  if (size <= 6)
    return false;
  size_t len = size - 6 < DOC_MAX ? size - 6 : DOC_MAX;
  rc->text = (const char *)data + 6;
  rc->prefix = u16(data) % len;
  size_t rest = len - rc->prefix;
  rc->part = u16(data + 2) % rest ? u16(data + 2) % rest : rest;
  rc->suffix = rest - rc->part;
  size_t room = (DOC_MAX - rc->prefix - rc->suffix) / rc->part;
  rc->count = u16(data + 4);
  if (rc->count == 0 || rc->count > room)
    rc->count = room;
  return true;
}

/* The document with COUNT repetitions, in doc_buf; returns its length. */
static size_t build(const recipe *rc, size_t count) {
  size_t n = 0;
  memcpy(doc_buf, rc->text, rc->prefix);
  n += rc->prefix;
  for (size_t i = 0; i < count; i++, n += rc->part)
    memcpy(doc_buf + n, rc->text + rc->prefix, rc->part);
  memcpy(doc_buf + n, rc->text + rc->prefix + rc->part, rc->suffix);
  return n + rc->suffix;
}

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Lints doc_buf[0..len), checks the result and returns the CPU seconds
 * that linting and writing the output took. */
static double lint(size_t len) {
  fz_doc doc;
  fz_doc_init(&doc, doc_buf, len);
  ddl_result *r = NULL;
  double t0 = cpu_seconds();
  int rc = ddl_lint_buffer(&r, ctx, "big.md", doc_buf, len);
  if (rc == DDL_OK)
    fz_run_outputs(r);
  double t = cpu_seconds() - t0;
  if (rc == DDL_OK) {
    fz_check_result(r, &doc);
    ddl_result_free(r);
  } else {
    fz_check_error(ddl_ctx_error(ctx), &doc);
  }
  fz_doc_free(&doc);
  return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  recipe rc;
  if (!read_recipe(&rc, data, size)) {
    lint(0);
    return 0;
  }
  size_t small_len = 0, len;
  double small = 0, full;
  if (rc.count >= 4) {
    small_len = build(&rc, rc.count / 4);
    small = lint(small_len);
  }
  len = build(&rc, rc.count);
  full = lint(len);
  double ratio = small_len ? (double)len / (double)small_len : 0;
  /* A busy machine (ctest -j, a neighbour's job) can stall one run: a
   * suspect is timed twice more and judged on each size's fastest run. */
  for (int retry = 0; retry < 2 && small >= MIN_SECONDS && full > MAX_EXCESS * ratio * small;
       retry++) {
    double s = lint(build(&rc, rc.count / 4));
    double f = lint(build(&rc, rc.count));
    small = s < small ? s : small;
    full = f < full ? f : full;
  }
  if (small >= MIN_SECONDS && full > MAX_EXCESS * ratio * small)
    fz_fail("super-linear: %zu bytes took %.3f s, %zu bytes %.3f s (%.1fx the time for %.1fx "
            "the size)",
            small_len, small, len, full, full / small, ratio);
  return 0;
}
