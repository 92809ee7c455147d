/* Source buffers: validation, line table and position lookup by binary
 * search, so that many diagnostics never make position lookup quadratic. */
#include "io/source.h"

#include "io/read.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static void build_lines(ddl_source *src) {
  size_t cap = 0, n = 0;
  uint32_t *lines = NULL;
  uint32_t i = 0;
  lines = ddl_xgrow(lines, &cap, 1, sizeof(*lines));
  lines[n++] = 0;
  /* Without a CR every line ends at a LF, which memchr finds fast. */
  if (!memchr(src->data, '\r', src->len)) {
    const char *p = src->data, *end = src->data + src->len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
      p++;
      lines = ddl_xgrow(lines, &cap, n + 1, sizeof(*lines));
      lines[n++] = (uint32_t)(p - src->data);
    }
    src->lines = lines;
    src->nlines = (uint32_t)n;
    return;
  }
  while (i < src->len) {
    char c = src->data[i++];
    if (c == '\r' && i < src->len && src->data[i] == '\n')
      i++;
    if (c == '\n' || c == '\r') {
      lines = ddl_xgrow(lines, &cap, n + 1, sizeof(*lines));
      lines[n++] = i;
    }
  }
  src->lines = lines;
  src->nlines = (uint32_t)n;
}

static int too_large(ddl_errsink *errs, const char *name) {
  return ddl_fail(errs, DDL_EINPUT, name, 0, 0, "file is larger than %zu MiB; ddlint refuses it",
                  DDL_MAX_INPUT >> 20);
}

int ddl_source_init(ddl_source *src, ddl_errsink *errs, const char *name,
                    const char *bytes, size_t len) {
  if (len >= DDL_MAX_INPUT) {
    memset(src, 0, sizeof(*src));
    return too_large(errs, name);
  }
  return ddl_source_adopt(src, errs, name, ddl_xstrndup(bytes, len), len);
}

int ddl_source_adopt(ddl_source *src, ddl_errsink *errs, const char *name, char *bytes,
                     size_t len) {
  memset(src, 0, sizeof(*src));
  if (len >= DDL_MAX_INPUT) {
    free(bytes);
    return too_large(errs, name);
  }
  /* Editors do not count a byte-order mark as a column, nor do we. */
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
    memmove(bytes, bytes + 3, len - 3 + 1);
    len -= 3;
  }
  src->name = ddl_xstrdup(name);
  src->data = ddl_xrealloc(bytes, len + 1); /* a read buffer may have room to spare */
  src->len = (uint32_t)len;
  build_lines(src);

  const char *nul = memchr(src->data, '\0', len);
  size_t bad = ddl_utf8_invalid_at((const unsigned char *)src->data,
                                   nul ? (size_t)(nul - src->data) : len);
  if (nul && bad == (size_t)(nul - src->data)) {
    unsigned line, col;
    ddl_source_position(src, (uint32_t)bad, &line, &col);
    int rc = ddl_fail(errs, DDL_EINPUT, name, line, col,
                           "NUL byte: this looks like a binary file, not Markdown");
    ddl_source_free(src);
    return rc;
  }
  if (bad < len) {
    unsigned line, col;
    ddl_source_position(src, (uint32_t)bad, &line, &col);
    int rc = ddl_fail(errs, DDL_EINPUT, name, line, col,
                           "invalid UTF-8 byte 0x%02X: ddlint reads UTF-8 text "
                           "(convert with iconv first)",
                           (unsigned char)src->data[bad]);
    ddl_source_free(src);
    return rc;
  }
  return DDL_OK;
}

void ddl_source_free(ddl_source *src) {
  free(src->name);
  free(src->data);
  free(src->lines);
  memset(src, 0, sizeof(*src));
}

void ddl_source_position(const ddl_source *src, uint32_t off, unsigned *line,
                         unsigned *column) {
  if (off > src->len)
    off = src->len;
  uint32_t lo = 0, hi = src->nlines;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (src->lines[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  *line = lo + 1;
  *column = off - src->lines[lo] + 1;
}

/* The end of LINE (1-based) without its line ending, from the table: no
 * scanning, so lookups stay constant-time on a 1 MB line. */
static uint32_t end_of_line(const ddl_source *src, unsigned line) {
  if (line >= src->nlines)
    return src->len;
  uint32_t end = src->lines[line];
  if (end > src->lines[line - 1] && src->data[end - 1] == '\n')
    end--;
  if (end > src->lines[line - 1] && src->data[end - 1] == '\r')
    end--;
  return end;
}

uint32_t ddl_source_offset(const ddl_source *src, unsigned line, unsigned column) {
  if (line < 1)
    return 0;
  if (line > src->nlines)
    return src->len;
  uint32_t start = src->lines[line - 1];
  uint32_t end = end_of_line(src, line);
  uint32_t off = start + (column > 0 ? column - 1 : 0);
  return off < end ? off : end;
}

const char *ddl_source_line(const ddl_source *src, unsigned line, size_t *len) {
  if (line < 1 || line > src->nlines)
    return NULL;
  uint32_t start = src->lines[line - 1];
  *len = end_of_line(src, line) - start;
  return src->data + start;
}
