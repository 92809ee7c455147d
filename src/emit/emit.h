/* Output formats over the library's structured results. */
#ifndef DDL_EMIT_EMIT_H
#define DDL_EMIT_EMIT_H

#include "ddlint.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
  FILE *out;
  bool color;
  bool snippet;
} emit_opts;

/* gcc-style lines, notes and optional snippets, for one result. */
void emit_text(const emit_opts *o, const ddl_result *r);
/* The source line under a diagnostic with a caret and underline. */
void emit_snippet(const emit_opts *o, const ddl_result *r, const ddl_diag *d);
/* A file-level error (the file could not be linted) in the text format. */
void emit_text_error(const emit_opts *o, const ddl_error *err);
/* The coverage table of one result. */
void emit_summary(const emit_opts *o, const ddl_result *r);

/* JSON: results accumulate and are printed as one document at the end. */
typedef struct emit_json emit_json;
emit_json *emit_json_new(void);
void emit_json_result(emit_json *j, const ddl_result *r);
void emit_json_error(emit_json *j, const char *path, const ddl_error *err);
/* Prints the document to O->out and frees J. */
void emit_json_finish(emit_json *j, const emit_opts *o);

#endif
