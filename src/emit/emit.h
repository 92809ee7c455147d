/* Output formats over the library's structured results. */
#ifndef DDL_EMIT_EMIT_H
#define DDL_EMIT_EMIT_H

#include "ddlint.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One output stream.  Every write goes through the emit_out functions,
 * which check it: the first failure is kept in ERROR (an errno value) and
 * later writes are skipped, so the caller learns of a full disk or a
 * closed pipe after each file instead of exiting 0 with results lost. */
typedef struct {
  FILE *out;
  bool color;
  bool snippet;
  int error;   /* 0, or the errno of the first failed write */
} emit_opts;

/* Raw bytes and formatted text that ddlint itself composed. */
void emit_write(emit_opts *o, const char *s, size_t len);
void emit_printf(emit_opts *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Text that comes from a document, a file name or a user's pack: control
 * characters (C0, DEL, C1) and bytes that are not UTF-8 are written as
 * \xHH escapes, so a heading cannot retitle or recolour the terminal, and
 * text longer than MAX bytes (0: no limit) is cut at a character with an
 * ellipsis. */
void emit_safe(emit_opts *o, const char *s, size_t max);
/* Flushes O's stream and folds a failure into O->error. */
void emit_flush(emit_opts *o);

/* Messages in the text formats are cut to this many bytes: a 10 MB glob
 * in an error must not become a 10 MB line. */
enum { EMIT_MESSAGE_MAX = 480 };

/* gcc-style lines, notes and optional snippets, for one result. */
void emit_text(emit_opts *o, const ddl_result *r);
/* The source line under a diagnostic with a caret and underline. */
void emit_snippet(emit_opts *o, const ddl_result *r, const ddl_diag *d);
/* A file-level error (the file could not be linted) in the text format. */
void emit_text_error(emit_opts *o, const ddl_error *err);
/* The coverage table of one result. */
void emit_summary(emit_opts *o, const ddl_result *r);

/* JSON: results accumulate and are printed as one document at the end. */
typedef struct emit_json emit_json;
emit_json *emit_json_new(void);
void emit_json_result(emit_json *j, const ddl_result *r);
void emit_json_error(emit_json *j, const char *path, const ddl_error *err);
/* Prints the document to O->out and frees J. */
void emit_json_finish(emit_json *j, emit_opts *o);

#endif
