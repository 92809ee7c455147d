/* Checked and terminal-safe writing, shared by every output format. */
#include "emit/emit.h"

#include "util/utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

static void failed(emit_opts *o) {
  if (!o->error)
    o->error = errno ? errno : EIO;
}

void emit_write(emit_opts *o, const char *s, size_t len) {
  if (o->error || len == 0)
    return;
  errno = 0;
  if (fwrite(s, 1, len, o->out) != len)
    failed(o);
}

void emit_printf(emit_opts *o, const char *fmt, ...) {
  if (o->error)
    return;
  va_list ap;
  va_start(ap, fmt);
  errno = 0;
  if (vfprintf(o->out, fmt, ap) < 0)
    failed(o);
  va_end(ap);
}

void emit_puts(emit_opts *o, const char *s) { emit_write(o, s, strlen(s)); }

void emit_uint(emit_opts *o, unsigned long v) {
  char digits[24];
  size_t i = sizeof(digits);
  do
    digits[--i] = (char)('0' + v % 10);
  while (v /= 10);
  emit_write(o, digits + i, sizeof(digits) - i);
}

void emit_flush(emit_opts *o) {
  if (o->error)
    return;
  errno = 0;
  if (fflush(o->out) != 0 || ferror(o->out))
    failed(o);
}

/* C1 controls are U+0080..U+009F, two bytes in UTF-8: C2 80..C2 9F. */
static bool is_c1(const unsigned char *u, size_t n) {
  return n == 2 && u[0] == 0xC2 && u[1] <= 0x9F;
}

static void escape_bytes(emit_opts *o, const unsigned char *u, size_t n) {
  for (size_t k = 0; k < n; k++) {
    const char *named = u[k] == '\n' ? "\\n" : u[k] == '\r' ? "\\r" : u[k] == '\t' ? "\\t" : NULL;
    if (named)
      emit_write(o, named, 2);
    else
      emit_printf(o, "\\x%02x", u[k]);
  }
}

void emit_safe(emit_opts *o, const char *s, size_t max) {
  size_t len = strlen(s), limit = len;
  if (max && len > max)
    limit = ddl_utf8_floor(s, len, max);
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0; /* bytes [run, i) are safe and not yet written */
  while (i < limit) {
    while (i < limit && (unsigned char)(u[i] - 0x20) < 0x5F)
      i++; /* printable ASCII, nearly all of it */
    if (i >= limit)
      break;
    unsigned char c = u[i];
    size_t n = 1;
    bool bad = true;
    if (c >= 0x80) {
      n = ddl_utf8_seq_len(c);
      if (n > 1 && i + n <= len && ddl_utf8_invalid_at(u + i, n) == n)
        bad = is_c1(u + i, n);
      else
        n = 1;
    }
    if (bad) {
      emit_write(o, s + run, i - run);
      escape_bytes(o, u + i, n);
      run = i + n;
    }
    i += n;
  }
  emit_write(o, s + run, (i > limit ? limit : i) - run);
  if (limit < len)
    emit_write(o, "...", 3);
}
