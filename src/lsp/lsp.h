/* ddlint --lsp: a Language Server Protocol server on standard input and
 * output, a second front end over the library's public API. */
#ifndef DDL_LSP_LSP_H
#define DDL_LSP_LSP_H

#include "ddlint.h"

#include <stdio.h>

/* Makes a context with the command line's settings: the server makes a
 * fresh one whenever a configuration file may have changed. */
typedef ddl_ctx *(*lsp_make_ctx_fn)(void *ud);

typedef struct {
  lsp_make_ctx_fn make_ctx;
  void *ud;
  unsigned debounce_ms; /* quiet time after a change before linting it */
  size_t max_message;   /* bytes; larger messages are skipped */
} lsp_options;

/* Serves until the client sends exit or IN ends.  Returns the process
 * exit code the protocol asks for: 0 after a shutdown request, else 1. */
int lsp_serve(FILE *in, FILE *out, const lsp_options *opts);

#endif
