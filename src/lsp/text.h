/* An open document's text as the language server holds it: edited in place
 * by the client's changes, and the bridge between LSP positions (line and
 * character in UTF-8 or UTF-16 code units) and the library's byte columns. */
#ifndef DDL_LSP_TEXT_H
#define DDL_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The unit of an LSP position's character, as negotiated at initialize. */
typedef enum { LSP_UTF16 = 0, LSP_UTF8 = 1 } lsp_encoding;

typedef struct {
  char *data; /* NUL-terminated; may hold NUL bytes, which the linter refuses */
  size_t len;
  size_t *lines; /* offset where each line starts: after LF, CRLF or a lone CR */
  size_t nlines;
} lsp_text;

void lsp_text_set(lsp_text *t, const char *data, size_t len);
void lsp_text_free(lsp_text *t);
/* A copy of T, for linting while the original is edited. */
void lsp_text_copy(lsp_text *dst, const lsp_text *src);

/* The byte offset of LINE:CHARACTER (0-based, in ENC units).  As the
 * protocol says, a character past the end of its line means the line's
 * end and a line past the last the end of the text; a position inside a
 * character or a surrogate pair moves to its start. */
size_t lsp_text_offset(const lsp_text *t, lsp_encoding enc, size_t line, size_t character);
/* Replaces bytes [start, end) with LEN bytes at S. */
void lsp_text_replace(lsp_text *t, size_t start, size_t end, const char *s, size_t len);

/* An LSP position for the library's LINE:COLUMN (1-based; columns count
 * bytes not counting a UTF-8 byte-order mark, as ddl_diag_column() does). */
typedef struct {
  size_t line, character;
} lsp_position;
lsp_position lsp_text_position(const lsp_text *t, lsp_encoding enc, unsigned line, unsigned column);

#endif
