/* GitHub-style pipe table recognition and cell splitting. */
#include "doc/table.h"

#include <string.h>

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* A delimiter row: cells of dashes with optional alignment colons. */
static bool is_delimiter_row(const char *s, const char *e) {
  bool pipe = false, dash = false;
  for (const char *p = s; p < e; p++) {
    if (*p == '|')
      pipe = true;
    else if (*p == '-')
      dash = true;
    else if (*p != ':' && !is_blank(*p))
      return false;
  }
  return pipe && dash;
}

bool ddl_table_detect(const char *text, uint32_t len) {
  const char *end = text + len;
  const char *nl1 = memchr(text, '\n', len);
  if (!nl1 || !memchr(text, '|', (size_t)(nl1 - text)))
    return false;
  const char *l2 = nl1 + 1;
  const char *nl2 = memchr(l2, '\n', (size_t)(end - l2));
  return is_delimiter_row(l2, nl2 ? nl2 : end);
}

void ddl_table_cells(const char *text, uint32_t start, uint32_t end,
                     const ddl_span *code, uint32_t ncode, ddl_pipe_escaped_fn escaped,
                     void *ud, ddl_span_vec *out) {
  uint32_t s = start, e = end, ci = 0;
  while (s < e && is_blank(text[s]))
    s++;
  while (e > s && is_blank(text[e - 1]))
    e--;
  if (s < e && text[s] == '|')
    s++;
  if (e > s && text[e - 1] == '|')
    e--;
  uint32_t cell = s;
  for (uint32_t i = s; i <= e; i++) {
    while (ci < ncode && code[ci].end <= i)
      ci++;
    if (i < e && (text[i] != '|' || (ci < ncode && code[ci].start <= i) ||
                  (escaped && escaped(ud, i))))
      continue;
    uint32_t a = cell, b = i;
    while (a < b && is_blank(text[a]))
      a++;
    while (b > a && is_blank(text[b - 1]))
      b--;
    ddl_span span = {a, b};
    DDL_VEC_PUSH(*out, span);
    cell = i + 1;
  }
}
