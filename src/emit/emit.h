/* Output formats over the library's structured results: the ddl_emitter
 * of ddlint.h dispatches to one emit_format per format, one file each. */
#ifndef DDL_EMIT_EMIT_H
#define DDL_EMIT_EMIT_H

#include "ddlint.h"

#include <jansson.h>
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
  bool notes;
  ddl_column_unit columns;
  int error;   /* 0, or the errno of the first failed write */
} emit_opts;

/* Raw bytes and formatted text that ddlint itself composed. */
void emit_write(emit_opts *o, const char *s, size_t len);
void emit_printf(emit_opts *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The same without a format: a line of text output is written in a dozen
 * pieces, and vfprintf for each was a tenth of linting many small files. */
void emit_puts(emit_opts *o, const char *s);
void emit_uint(emit_opts *o, unsigned long v);
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

/* Where the last column conversion stopped: diagnostics come sorted, so
 * the next one on the same line usually continues from here, and a line
 * with 50,000 findings is counted once, not once per finding.  Zero it
 * before the first call. */
typedef struct {
  const ddl_result *r;
  unsigned line;
  size_t byte;    /* bytes of the line counted */
  unsigned units; /* columns among them, in the unit asked for */
} emit_column_cursor;

/* Byte column COLUMN of line LINE of R in UNIT.  Columns past the end of
 * the line (the end of a diagnostic that takes the line break) count one
 * each. */
unsigned emit_column(emit_column_cursor *c, ddl_column_unit unit, const ddl_result *r,
                     unsigned line, unsigned column);

/* The source line under a diagnostic with a caret and underline. */
void emit_snippet(emit_opts *o, const ddl_result *r, const ddl_diag *d);
/* A file-level error (the file could not be linted) as a text line. */
void emit_text_error(emit_opts *o, const ddl_error *err);

struct ddl_emitter {
  const struct emit_format *format;
  const ddl_format *info;
  emit_opts o;
  const ddl_ruleset *rules;
  void *state;   /* the format's own, from begin() */
};

/* A format's hooks; any may be NULL.  They write through E->o and need
 * not check E->o.error: a failed stream skips every later write. */
typedef struct emit_format {
  void *(*begin)(ddl_emitter *e);
  void (*file)(ddl_emitter *e, const ddl_result *r);
  void (*error)(ddl_emitter *e, const char *path, const ddl_error *err);
  void (*end)(ddl_emitter *e);
  void (*free)(void *state);
} emit_format;

extern const emit_format emit_format_text, emit_format_summary, emit_format_json,
    emit_format_sarif, emit_format_github, emit_format_gitlab;

/* Helpers shared by the JSON-based formats (emit/json_util.c).  jansson
 * refuses strings that are not UTF-8, and a refused value would silently
 * drop its whole entry: every string from outside goes through
 * emit_json_text(), and any value jansson still fails to build sets
 * *FAILED so that the run fails instead of losing it. */
json_t *emit_json_text(const char *s);          /* ill-formed UTF-8 as U+FFFD */
json_t *emit_json_textn(const char *s, size_t len);
void emit_json_set(bool *failed, json_t *obj, const char *key, json_t *value);
void emit_json_append(bool *failed, json_t *array, json_t *value);
/* Writes DOC (and a newline) unless FAILED, which becomes ENOMEM. */
void emit_json_dump(emit_opts *o, json_t *doc, bool failed);
/* The message of D with its notes, one per line, when O->notes. */
char *emit_message_with_notes(const emit_opts *o, const ddl_diag *d);

#endif
