/* UTF-8 helpers: validation per RFC 3629 and an approximate wcwidth. */
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

size_t ddl_utf8_seq_len(unsigned char c) {
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return 2;
  if (c >= 0xE0 && c <= 0xEF)
    return 3;
  if (c >= 0xF0 && c <= 0xF4)
    return 4;
  return 1;
}

size_t ddl_utf8_invalid_at(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    /* Most text is ASCII: eight bytes at a time while it is. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, sizeof(w));
      if (w & UINT64_C(0x8080808080808080))
        break;
      i += 8;
    }
    if (i == len)
      break;
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n = ddl_utf8_seq_len(c);
    if (n == 1 || i + n > len)
      return i;
    unsigned char c1 = s[i + 1];
    /* The second byte's range excludes overlongs, surrogates and > U+10FFFF. */
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
    else if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
    if (c1 < lo || c1 > hi)
      return i;
    for (size_t k = 2; k < n; k++)
      if ((s[i + k] & 0xC0) != 0x80)
        return i;
    i += n;
  }
  return len;
}

size_t ddl_utf8_next(const char *s, size_t len, size_t i) {
  if (i >= len)
    return len;
  size_t n = ddl_utf8_seq_len((unsigned char)s[i]);
  if (n == 1 || i + n > len || ddl_utf8_invalid_at((const unsigned char *)s + i, n) != n)
    return i + 1;
  return i + n;
}

size_t ddl_utf8_floor(const char *s, size_t len, size_t i) {
  if (i >= len)
    return len;
  /* A sequence is at most four bytes: look back no further than that. */
  for (size_t back = 0; back < 4 && back <= i; back++) {
    size_t start = i - back;
    if (((unsigned char)s[start] & 0xC0) != 0x80)
      return ddl_utf8_next(s, len, start) > i ? start : i;
  }
  return i;
}

bool ddl_utf8_valid(const char *s, size_t len) {
  return ddl_utf8_invalid_at((const unsigned char *)s, len) == len;
}

void ddl_utf8_repair(ddl_buf *out, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t bad = i + ddl_utf8_invalid_at((const unsigned char *)s + i, len - i);
    ddl_buf_append(out, s + i, bad - i);
    if (bad == len)
      break;
    ddl_buf_puts(out, "\xEF\xBF\xBD");
    i = ddl_utf8_next(s, len, bad);
  }
}

static uint32_t decode(const unsigned char *s, size_t n) {
  switch (n) {
  case 2:
    return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  case 3:
    return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  case 4:
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  default:
    return s[0];
  }
}

/* Wide (East Asian) and zero-width ranges, enough for a caret line. */
static int cp_width(uint32_t cp) {
  if (cp == 0x200B || (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
      (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

size_t ddl_utf8_width(const char *s, size_t len, size_t col0) {
  const unsigned char *u = (const unsigned char *)s;
  size_t col = col0, i = 0;
  while (i < len) {
    if (u[i] == '\t') {
      col = (col / 8 + 1) * 8;
      i++;
      continue;
    }
    size_t n = ddl_utf8_seq_len(u[i]);
    if (i + n > len)
      n = len - i;
    col += (size_t)cp_width(decode(u + i, n));
    i += n;
  }
  return col - col0;
}
