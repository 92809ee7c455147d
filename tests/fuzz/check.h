/* Invariants the fuzz harnesses check on every input.  A violation prints
 * what broke and calls abort(), so that libFuzzer saves the input and the
 * standalone driver fails its ctest. */
#ifndef DDL_FUZZ_CHECK_H
#define DDL_FUZZ_CHECK_H

#include "ddlint.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The lines of a document as the harness sees them, computed here rather
 * than asked of the library so that its line table is checked too.  Line
 * endings are LF, CRLF and a lone CR; a leading UTF-8 BOM is not text. */
typedef struct {
  const char *data; /* the input after any BOM (not owned) */
  size_t len;
  size_t *starts; /* offset of each line; nlines + 1 entries (owned) */
  size_t nlines;
} fz_doc;

void fz_doc_init(fz_doc *doc, const char *data, size_t len);
void fz_doc_free(fz_doc *doc);
/* Length of LINE (1-based) without its line ending. */
size_t fz_doc_line_len(const fz_doc *doc, size_t line);

/* Prints "fuzz: invariant violated: ..." and aborts. */
void fz_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

/* Well-formed UTF-8 by decoding (overlongs, surrogates and code points
 * above U+10FFFF are not), written apart from src/util/utf8.c so that the
 * two can be compared. */
bool fz_utf8_valid(const char *s, size_t len);

/* Every diagnostic, note and coverage verdict of R is well formed and
 * inside DOC: UTF-8 text, 1 <= line <= lines, columns within the line
 * (+1 for the end of the line) and on a character boundary, end not before
 * start, order by line then column, counts that add up; and the lines the
 * result serves for snippets are DOC's lines. */
void fz_check_result(const ddl_result *r, const fz_doc *doc);
/* The failure of a lint: UTF-8 message, a position inside DOC (when it has
 * one and DOC is not NULL). */
void fz_check_error(const ddl_error *e, const fz_doc *doc);

/* Runs R through every output format (text with and without snippets and
 * colour, summary, JSON) into memory and checks what came out: no write
 * error, text that is UTF-8 with no control byte but newlines and one line
 * per diagnostic, snippet line and note, and JSON that parses back to the
 * same diagnostics, notes and coverage.  NAME is the name R was linted as. */
void fz_check_outputs(const ddl_result *r, const char *name);
/* The same for a file-level error reported for NAME. */
void fz_check_error_outputs(const ddl_error *e, const char *name);
/* Runs R through the text (with snippets) and JSON emitters into
 * /dev/null, checking only that they report no error: for the quadratic
 * harness, where reading a 256 KiB document's output back would cost more
 * than linting it. */
void fz_run_outputs(const ddl_result *r);

#endif
