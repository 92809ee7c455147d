/* Places an HTML literal's lines in the source; see html_place.h. */
#include "doc/html_place.h"

#include "util/bytes.h"

#include <string.h>

/* A literal line is looked for by at most this many of its first bytes,
 * so that a search costs time linear in the line searched. */
enum { NEEDLE_MAX = 64 };

/* Line breaks are LF, CRLF or a lone CR, as in the source. */
static size_t line_end(const ddl_html_place *p, size_t from) {
  for (size_t i = from; i < p->len; i++)
    if (p->html[i] == '\n' || p->html[i] == '\r')
      return i;
  return p->len;
}

/* Finds the current literal line on source line LINE: at HINT, at the
 * line's end when the literal runs past it, else by its first bytes. */
static bool place(ddl_html_place *p, unsigned line, uint32_t hint) {
  p->placed = false;
  p->search_from = UINT32_MAX;
  size_t avail;
  const char *l = ddl_source_line(p->src, line, &avail);
  if (!l)
    return false;
  const char *data = p->src->data;
  uint32_t base = (uint32_t)(l - data);
  const char *t = p->html + p->lstart;
  size_t n = p->lend - p->lstart;
  bool on_line = hint != UINT32_MAX && hint >= base && hint - base <= avail;
  if (on_line && n <= avail - (hint - base) && memcmp(data + hint, t, n) == 0) {
    p->at = hint;
    return p->placed = true;
  }
  if (p->lend < p->len && n <= avail && memcmp(l + avail - n, t, n) == 0) {
    p->at = (int64_t)base + (int64_t)(avail - n);
    return p->placed = true;
  }
  size_t k = 0; /* leading blanks may be what is left of a tab */
  while (k < n && (t[k] == ' ' || t[k] == '\t'))
    k++;
  size_t m = n - k < NEEDLE_MAX ? n - k : NEEDLE_MAX;
  if (m == 0)
    return false;
  const char *hit = on_line ? ddl_find_bytes(data + hint, avail - (hint - base), t + k, m) : NULL;
  if (!hit)
    hit = ddl_find_bytes(l, avail, t + k, m);
  if (!hit)
    return false;
  p->at = (int64_t)(hit - data) - (int64_t)k;
  return p->placed = true;
}

unsigned ddl_html_place_init(ddl_html_place *p, const ddl_source *src, const char *html,
                             size_t len, unsigned line, unsigned last_line, uint32_t hint) {
  memset(p, 0, sizeof(*p));
  p->src = src;
  p->html = html;
  p->len = len;
  p->lend = line_end(p, 0);
  for (unsigned l = line; l <= last_line && l <= src->nlines; l++)
    if (place(p, l, l == line ? hint : UINT32_MAX)) {
      p->first_line = l;
      return l;
    }
  p->first_line = line;
  place(p, line, hint);
  return 0;
}

/* Moves to the literal line that holds byte OFF; never backwards. */
static void seek(ddl_html_place *p, size_t off) {
  while (off > p->lend && p->lend < p->len) {
    size_t i = p->lend;
    if (p->html[i] == '\r' && i + 1 < p->len && p->html[i + 1] == '\n')
      i++;
    p->index++;
    p->lstart = i + 1;
    p->lend = line_end(p, p->lstart);
    place(p, p->first_line + p->index, UINT32_MAX);
  }
}

/* The current source line: its start in *BASE and its length. */
static const char *current_line(const ddl_html_place *p, unsigned *line, uint32_t *base,
                                size_t *avail) {
  *line = p->first_line + p->index;
  const char *l = ddl_source_line(p->src, *line, avail);
  if (l)
    *base = (uint32_t)(l - p->src->data);
  return l;
}

/* MARK on the current line from where the last one was found; the
 * offset just past it, or UINT32_MAX. */
static uint32_t next_mark(ddl_html_place *p, uint32_t base, size_t avail, const char *mark) {
  uint32_t from = p->search_from;
  if (from == UINT32_MAX || from < base || from > base + avail)
    from = base;
  size_t n = strlen(mark);
  const char *hit = ddl_find_bytes(p->src->data + from, base + avail - from, mark, n);
  if (!hit)
    return UINT32_MAX;
  return p->search_from = (uint32_t)(hit - p->src->data + (ptrdiff_t)n);
}

static uint32_t clamp(uint32_t base, size_t avail, size_t col) {
  return base + (uint32_t)(col < avail ? col : avail);
}

/* The source offset of MARK (just past it if PAST), which the literal holds
 * at byte OFF: where the line's placement puts it if the source has MARK
 * there, else the next MARK on the line, else OFF's column clamped to the
 * line. */
static uint32_t find_mark(ddl_html_place *p, size_t off, unsigned *line, const char *mark,
                          bool past) {
  seek(p, off);
  uint32_t base = 0;
  size_t avail, n = strlen(mark);
  if (!current_line(p, line, &base, &avail))
    return p->src->len;
  if (p->placed) {
    int64_t s = p->at + (int64_t)(off - p->lstart);
    if (s >= base && s + (int64_t)n <= (int64_t)base + (int64_t)avail &&
        memcmp(p->src->data + s, mark, n) == 0) {
      p->search_from = (uint32_t)(s + (int64_t)n);
      return past ? p->search_from : (uint32_t)s;
    }
  }
  size_t skip = past ? n : 0;
  uint32_t hit = next_mark(p, base, avail, mark);
  if (hit != UINT32_MAX)
    return hit - (uint32_t)(n - skip);
  return clamp(base, avail, off - p->lstart + skip);
}

uint32_t ddl_html_place_comment_start(ddl_html_place *p, size_t off, unsigned *line) {
  return find_mark(p, off, line, "<!--", false);
}

uint32_t ddl_html_place_comment_end(ddl_html_place *p, size_t end, unsigned *line) {
  return find_mark(p, end - 3, line, "-->", true);
}
