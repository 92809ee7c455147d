/* Line tables and position conversion for the language server. */
#include "lsp/text.h"

#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    abort(); /* as the library does on exhaustion */
  return q;
}

/* Recounts the lines: an edit can join or split them anywhere, and a scan
 * is cheaper than the lint that follows every change. */
static void index_lines(lsp_text *t) {
  size_t n = 1;
  for (size_t i = 0; i < t->len; i++)
    if (t->data[i] == '\n' || (t->data[i] == '\r' && (i + 1 >= t->len || t->data[i + 1] != '\n')))
      n++;
  t->lines = xrealloc(t->lines, n * sizeof(size_t));
  t->nlines = 0;
  t->lines[t->nlines++] = 0;
  for (size_t i = 0; i < t->len; i++)
    if (t->data[i] == '\n' || (t->data[i] == '\r' && (i + 1 >= t->len || t->data[i + 1] != '\n')))
      t->lines[t->nlines++] = i + 1;
}

void lsp_text_set(lsp_text *t, const char *data, size_t len) {
  t->data = xrealloc(t->data, len + 1);
  memcpy(t->data, data, len);
  t->data[len] = '\0';
  t->len = len;
  index_lines(t);
}

void lsp_text_free(lsp_text *t) {
  free(t->data);
  free(t->lines);
  *t = (lsp_text){0};
}

void lsp_text_copy(lsp_text *dst, const lsp_text *src) {
  *dst = (lsp_text){0};
  lsp_text_set(dst, src->data, src->len);
}

/* End of line LINE's content, before its line ending. */
static size_t line_end(const lsp_text *t, size_t line) {
  if (line + 1 >= t->nlines)
    return t->len;
  size_t end = t->lines[line + 1];
  if (end > 0 && t->data[end - 1] == '\n')
    end--;
  if (end > t->lines[line] && t->data[end - 1] == '\r')
    end--;
  return end;
}

static size_t char_len(unsigned char b) {
  return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

size_t lsp_text_offset(const lsp_text *t, lsp_encoding enc, size_t line, size_t character) {
  if (line >= t->nlines)
    return t->len;
  size_t at = t->lines[line], end = line_end(t, line), units = 0;
  while (at < end) {
    size_t n = char_len((unsigned char)t->data[at]);
    size_t u = enc == LSP_UTF8 ? n : n == 4 ? 2 : 1;
    if (units + u > character || at + n > end)
      break;
    units += u;
    at += n;
  }
  return at;
}

void lsp_text_replace(lsp_text *t, size_t start, size_t end, const char *s, size_t len) {
  if (end > t->len)
    end = t->len;
  if (start > end)
    start = end;
  size_t tail = t->len - end, n = start + len + tail;
  if (len > end - start)
    t->data = xrealloc(t->data, n + 1);
  memmove(t->data + start + len, t->data + end, tail);
  memcpy(t->data + start, s, len);
  t->len = n;
  t->data[n] = '\0';
  index_lines(t);
}

lsp_position lsp_text_position(const lsp_text *t, lsp_encoding enc, unsigned line,
                               unsigned column) {
  if (line == 0)
    return (lsp_position){0, 0};
  if (line > t->nlines) {
    size_t last = t->nlines - 1;
    return lsp_text_position(t, enc, (unsigned)last + 1,
                             (unsigned)(line_end(t, last) - t->lines[last] + 1));
  }
  size_t start = t->lines[line - 1], end = line_end(t, line - 1);
  size_t at = start + (column ? column - 1 : 0);
  if (line == 1 && t->len >= 3 && memcmp(t->data, "\xEF\xBB\xBF", 3) == 0)
    at += 3;
  if (at > end)
    at = end;
  size_t units = 0;
  for (size_t i = start; i < at; i++) {
    unsigned char b = (unsigned char)t->data[i];
    if (enc == LSP_UTF8)
      units++;
    else if ((b & 0xC0) != 0x80)
      units += b >= 0xF0 ? 2 : 1;
  }
  return (lsp_position){line - 1, units};
}
