/* Source snippets under diagnostics, as gcc draws them:
 *    42 | We use Cassandra for timelines.
 *       |    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
 * Tabs are expanded and columns measured in terminal cells, so the caret
 * lands under the right character whatever the UTF-8. */
#include "emit/emit.h"

#include "util/utf8.h"

#include <string.h>

/* Lines longer than this are shown as a window around the column. */
enum { WINDOW = 120, LEAD = 40 };

static size_t char_start(const char *s, size_t i) {
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* Writes the line with tabs expanded; a control character (C0, DEL, C1)
 * is drawn as '?', one cell, as ddl_utf8_width counts it, so that the
 * document cannot send escape sequences to the terminal and the caret
 * still lines up. */
static void put_expanded(emit_opts *o, const char *s, size_t len, size_t col0) {
  size_t col = col0, i = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < len) {
    if (s[i] == '\t') {
      size_t next = (col / 8 + 1) * 8;
      for (; col < next; col++)
        emit_write(o, " ", 1);
      i++;
      continue;
    }
    size_t n = ddl_utf8_next(s, len, i) - i;
    bool control = (n == 1 && (u[i] < 0x20 || u[i] == 0x7F)) ||
                   (n == 2 && u[i] == 0xC2 && u[i + 1] <= 0x9F);
    if (control)
      emit_write(o, "?", 1);
    else
      emit_write(o, s + i, n);
    col += ddl_utf8_width(s + i, n, 0);
    i += n;
  }
}

void emit_snippet(emit_opts *o, const ddl_result *r, const ddl_diag *d) {
  size_t len;
  const char *line = ddl_result_line(r, ddl_diag_line(d), &len);
  if (!line)
    return;
  size_t from = ddl_diag_column(d) - 1, to;
  if (from > len)
    from = len;
  to = ddl_diag_end_line(d) == ddl_diag_line(d) ? ddl_diag_end_column(d) - 1 : len;
  if (to > len)
    to = len;
  if (to <= from)
    to = from;
  size_t start = 0, end = len;
  if (len > WINDOW) {
    start = from > LEAD ? char_start(line, from - LEAD) : 0;
    end = start + WINDOW < len ? char_start(line, start + WINDOW) : len;
    if (to > end)
      to = end;
  }
  const char *ellipsis = start > 0 ? "..." : "";
  emit_printf(o, " %5u | %s", ddl_diag_line(d), ellipsis);
  put_expanded(o, line + start, end - start, 0);
  emit_printf(o, "%s\n       | %s", end < len ? "..." : "", ellipsis);
  size_t pad = ddl_utf8_width(line + start, from - start, 0);
  size_t width = ddl_utf8_width(line + from, to - from, pad);
  emit_printf(o, "%*s%s^", (int)pad, "", o->color ? "\033[1;32m" : "");
  for (size_t i = 1; i < width; i++)
    emit_write(o, "~", 1);
  emit_printf(o, "%s\n", o->color ? "\033[0m" : "");
}
