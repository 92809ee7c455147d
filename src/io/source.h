/* A document's bytes plus the table that turns offsets into line:column. */
#ifndef DDL_IO_SOURCE_H
#define DDL_IO_SOURCE_H

#include "internal.h"

typedef struct {
  char *name;        /* as shown in diagnostics (owned) */
  char *data;        /* the bytes after any UTF-8 BOM, NUL-terminated (owned) */
  uint32_t len;
  uint32_t *lines;   /* offset where each line starts (owned) */
  uint32_t nlines;
} ddl_source;

/* Copies LEN bytes at BYTES.  Refuses (DDL_EINPUT, with the position)
 * input that holds a NUL byte or is not valid UTF-8, or is too large. */
int ddl_source_init(ddl_source *src, ddl_errsink *errs, const char *name,
                    const char *bytes, size_t len);
/* The same, taking over BYTES (malloc'd, LEN bytes and a NUL) instead of
 * copying them; they are freed on failure. */
int ddl_source_adopt(ddl_source *src, ddl_errsink *errs, const char *name, char *bytes,
                     size_t len);
void ddl_source_free(ddl_source *src);

/* Line endings are LF, CRLF or a lone CR, as in CommonMark. */
void ddl_source_position(const ddl_source *src, uint32_t off, unsigned *line,
                         unsigned *column);
/* The offset of 1-based LINE:COLUMN, clamped to that line. */
uint32_t ddl_source_offset(const ddl_source *src, unsigned line, unsigned column);
/* Start of LINE and its length without the line ending; NULL if no such line. */
const char *ddl_source_line(const ddl_source *src, unsigned line, size_t *len);

#endif
