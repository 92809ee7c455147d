/* Fuzz harness: the input is a document, linted with the built-in packs
 * and run through every output format, with the invariants of check.h
 * checked on the result.  The context, and so the compiled packs, is made
 * once and reused: compiling the packs costs far more than linting a small
 * document, and reuse is what ddlint itself does over many files. */
#include "check.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ddl_ctx *ctx;

static void teardown(void) { ddl_ctx_free(ctx); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ctx = ddl_ctx_new();
  /* No .ddlint.yaml from wherever the fuzzer runs. */
  ddl_ctx_set_config(ctx, NULL, false);
  if (ddl_ctx_prepare(ctx) != DDL_OK) {
    fprintf(stderr, "fuzz_doc: the built-in packs do not load: %s\n", ddl_ctx_error(ctx)->message);
    abort();
  }
  atexit(teardown);
  return 0;
}

/* The name is part of every output: a plain one, one that is not UTF-8
 * and holds a terminal escape, one cut inside a character, one with what
 * the github format must escape and SARIF must percent-encode. */
static const char *const names[] = {"design.md", "caf\xe9 \x1b]2;owned\x07.md", "docs/\xe2\x82.md",
                                    "notes/a, b: 100%.md"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data, *name = names[size % 4];
  fz_doc doc;
  fz_doc_init(&doc, text, size);
  /* What the library must accept: UTF-8 without NUL bytes. */
  bool acceptable = fz_utf8_valid(doc.data, doc.len) && !memchr(doc.data, '\0', doc.len);
  ddl_result *r = NULL;
  int rc = ddl_lint_buffer(&r, ctx, name, text, size);
  if (rc == DDL_OK) {
    if (!acceptable)
      fz_fail("a document with invalid UTF-8 or a NUL byte was linted");
    fz_check_result(r, &doc);
    fz_check_outputs(r, name);
    ddl_result_free(r);
  } else {
    if (rc != DDL_EINPUT || acceptable)
      fz_fail("linting failed with %d: %s", rc, ddl_ctx_error(ctx)->message);
    fz_check_error(ddl_ctx_error(ctx), &doc);
    fz_check_error_outputs(ddl_ctx_error(ctx), name);
  }
  fz_doc_free(&doc);
  return 0;
}
