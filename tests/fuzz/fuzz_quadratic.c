/* Fuzz harness for super-linear work, after cmark's fuzz/fuzz_quadratic.c:
 * the input says how to build a large document from a prefix, a part
 * repeated COUNT times and a suffix, so that a few bytes become thousands
 * of directives, headings, list items or regex-hostile runs.  Linting is
 * linear, so a document of at most DOC_MAX bytes lints well within
 * libFuzzer's -timeout; one that does not has found quadratic behaviour.
 *
 * Input: 6 header bytes, little-endian u16 each: prefix length, repeated
 * part length, count (0: repeat until DOC_MAX); then the text.  Lengths
 * are taken modulo what the text has, so that every input repeats
 * something instead of most falling back to a small document. */
#include "check.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef DOC_MAX
#define DOC_MAX ((size_t)256 << 10)
#endif

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

static size_t u16(const uint8_t *p) { return (size_t)p[0] | (size_t)p[1] << 8; }

/* The document the input describes, in doc_buf; returns its length. */
static size_t build(const uint8_t *data, size_t size) {
  if (size <= 6)
    return 0;
  const char *text = (const char *)data + 6;
  size_t len = size - 6 < DOC_MAX ? size - 6 : DOC_MAX;
  size_t prefix = u16(data) % len, rest = len - prefix;
  size_t part = u16(data + 2) % rest ? u16(data + 2) % rest : rest;
  size_t count = u16(data + 4);
  size_t suffix = len - prefix - part, room = (DOC_MAX - prefix - suffix) / part;
  if (count == 0 || count > room)
    count = room;
  size_t n = 0;
  memcpy(doc_buf, text, prefix);
  n += prefix;
  for (size_t i = 0; i < count; i++, n += part)
    memcpy(doc_buf + n, text + prefix, part);
  memcpy(doc_buf + n, text + prefix + part, suffix);
  return n + suffix;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t len = build(data, size);
  fz_doc doc;
  fz_doc_init(&doc, doc_buf, len);
  ddl_result *r = NULL;
  if (ddl_lint_buffer(&r, ctx, "big.md", doc_buf, len) == DDL_OK) {
    fz_check_result(r, &doc);
    fz_check_outputs(r, "big.md");
    ddl_result_free(r);
  } else {
    fz_check_error(ddl_ctx_error(ctx), &doc);
  }
  fz_doc_free(&doc);
  return 0;
}
