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

static void put_expanded(FILE *out, const char *s, size_t len, size_t col0) {
  size_t col = col0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\t') {
      size_t next = (col / 8 + 1) * 8;
      for (; col < next; col++)
        fputc(' ', out);
      continue;
    }
    fputc(s[i], out);
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      col += ddl_utf8_width(s + i, ddl_utf8_seq_len((unsigned char)s[i]), 0);
  }
}

void emit_snippet(const emit_opts *o, const ddl_result *r, const ddl_diag *d) {
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
  fprintf(o->out, " %5u | %s", ddl_diag_line(d), ellipsis);
  put_expanded(o->out, line + start, end - start, 0);
  fprintf(o->out, "%s\n       | %s", end < len ? "..." : "", ellipsis);
  size_t pad = ddl_utf8_width(line + start, from - start, 0);
  size_t width = ddl_utf8_width(line + from, to - from, pad);
  fprintf(o->out, "%*s%s^", (int)pad, "", o->color ? "\033[1;32m" : "");
  for (size_t i = 1; i < width; i++)
    fputc('~', o->out);
  fprintf(o->out, "%s\n", o->color ? "\033[0m" : "");
}
