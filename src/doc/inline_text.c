/* Plain text with a source map, built from inline nodes. */
#include "doc/inline_text.h"

#include <stdlib.h>
#include <string.h>

/* Escapes and entities shift text by at most a few bytes ("&#x10FFFF;" is
 * the longest), so a literal byte is searched for only this far ahead;
 * this keeps alignment linear on any input. */
enum { ALIGN_WINDOW = 32 };

/* How far past the cursor a literal is looked for when cmark's position
 * is off: beyond a line's worth of markup (a long link target) but
 * bounded, so a text node costs at most this much. */
enum { SEARCH_WINDOW = 512 };

void ddl_textbuf_begin(ddl_textbuf *tb, uint32_t src_start) {
  ddl_buf_clear(&tb->text);
  tb->segs.len = 0;
  tb->code.len = 0;
  tb->link_chars = 0;
  tb->link_depth = 0;
  tb->cursor = src_start;
}

static void map(ddl_textbuf *tb, uint32_t text, uint32_t src, uint32_t len, bool flat) {
  if (tb->segs.len) {
    ddl_seg *last = &tb->segs.items[tb->segs.len - 1];
    if (!flat && !last->flat && last->text + last->len == text && last->src + last->len == src) {
      last->len += len;
      return;
    }
    if (flat && last->flat && last->text + last->len == text && last->src == src) {
      last->len += len;
      return;
    }
  }
  ddl_seg s = {text, src, len, flat};
  DDL_VEC_PUSH(tb->segs, s);
}

/* Where LIT starts in the source at or after the cursor: cmark 0.30's
 * inline positions are right on a node's first line but not always after
 * a line break (stripped indentation, lazy continuation lines, backslash
 * breaks), so its position is used only where the bytes match, and
 * otherwise the literal is looked for from the cursor on. */
static uint32_t locate(const ddl_textbuf *tb, const ddl_source *src, const char *lit, size_t len,
                       uint32_t node_start) {
  uint32_t cur = tb->cursor;
  if (node_start != UINT32_MAX && node_start >= cur && node_start + len <= src->len &&
      memcmp(src->data + node_start, lit, len) == 0)
    return node_start;
  uint32_t limit = src->len - (uint32_t)(len < src->len ? len : src->len);
  uint32_t stop = cur + SEARCH_WINDOW < limit ? cur + SEARCH_WINDOW : limit;
  for (uint32_t p = cur; p <= stop && p + len <= src->len; p++) {
    const char *hit = memchr(src->data + p, lit[0], stop - p + 1);
    if (!hit)
      break;
    p = (uint32_t)(hit - src->data);
    if (memcmp(hit, lit, len) == 0)
      return p;
  }
  return UINT32_MAX;
}

void ddl_textbuf_text(ddl_textbuf *tb, const ddl_source *src, const char *lit,
                      size_t len, uint32_t node_start) {
  if (len == 0)
    return;
  uint32_t base = (uint32_t)tb->text.len;
  if (tb->link_depth > 0)
    tb->link_chars += (uint32_t)len;
  ddl_buf_append(&tb->text, lit, len);
  uint32_t at = locate(tb, src, lit, len, node_start);
  if (at != UINT32_MAX) {
    map(tb, base, at, (uint32_t)len, false);
    tb->cursor = at + (uint32_t)len;
    return;
  }
  /* The literal differs from the source (escapes, entities): align it
   * byte by byte from cmark's start when that is plausible, else from the
   * cursor, never looking further than the window. */
  uint32_t p = tb->cursor;
  if (node_start != UINT32_MAX && node_start > p && node_start < src->len &&
      src->data[node_start] == lit[0])
    p = node_start;
  for (size_t i = 0; i < len; i++) {
    uint32_t q = p, stop = p + ALIGN_WINDOW < src->len ? p + ALIGN_WINDOW : src->len;
    while (q < stop && src->data[q] != lit[i])
      q++;
    if (q < stop) {
      map(tb, base + (uint32_t)i, q, 1, false);
      p = q + 1;
    } else {
      map(tb, base + (uint32_t)i, p < src->len ? p : src->len, 1, true);
    }
  }
  tb->cursor = p;
}

void ddl_textbuf_synth(ddl_textbuf *tb, const char *s, size_t len) {
  uint32_t base = (uint32_t)tb->text.len;
  ddl_buf_append(&tb->text, s, len);
  map(tb, base, tb->cursor, (uint32_t)len, true);
}

void ddl_textbuf_code(ddl_textbuf *tb, const ddl_source *src, const char *lit,
                      size_t len, uint32_t node_start) {
  uint32_t start = (uint32_t)tb->text.len;
  /* The opening backtick maps to the one just before the code's content. */
  if (node_start != UINT32_MAX && node_start > tb->cursor)
    tb->cursor = node_start - 1;
  ddl_textbuf_synth(tb, "`", 1);
  int depth = tb->link_depth;
  tb->link_depth = 0; /* code inside a link is code, not link text */
  ddl_textbuf_text(tb, src, lit, len, node_start);
  tb->link_depth = depth;
  ddl_textbuf_synth(tb, "`", 1);
  ddl_span span = {start, (uint32_t)tb->text.len};
  DDL_VEC_PUSH(tb->code, span);
}

void ddl_textbuf_free(ddl_textbuf *tb) {
  ddl_buf_free(&tb->text);
  DDL_VEC_FREE(tb->segs);
  DDL_VEC_FREE(tb->code);
}
