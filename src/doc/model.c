/* Queries on the document model shared by the rules. */
#include "doc/model.h"

#include <ctype.h>

uint32_t ddl_seg_find(const ddl_seg *segs, uint32_t n, uint32_t off) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (segs[mid].text + segs[mid].len <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

uint32_t ddl_block_src_offset(const ddl_block *b, uint32_t off) {
  if (b->nsegs == 0)
    return b->src.start;
  uint32_t lo = ddl_seg_find(b->segs, b->nsegs, off);
  if (lo == b->nsegs) {
    /* Just past the end: one byte after the last mapped byte. */
    const ddl_seg *s = &b->segs[b->nsegs - 1];
    return s->flat ? s->src : s->src + s->len;
  }
  const ddl_seg *s = &b->segs[lo];
  if (off < s->text)
    return s->src;
  return s->flat ? s->src : s->src + (off - s->text);
}

uint32_t ddl_count_words(const char *text, uint32_t start, uint32_t end) {
  uint32_t n = 0;
  bool in_word = false;
  for (uint32_t i = start; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    bool w = isalnum(c) || c >= 0x80;
    if (w && !in_word)
      n++;
    in_word = w;
  }
  return n;
}

bool ddl_block_in_code(const ddl_block *b, uint32_t off) {
  uint32_t lo = 0, hi = b->ncode;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (b->code[mid].end <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < b->ncode && b->code[lo].start <= off;
}
