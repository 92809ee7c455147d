/* Growable byte strings. */
#include "util/buf.h"

#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(ddl_buf *b, size_t extra) {
  b->data = ddl_xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void ddl_buf_append(ddl_buf *b, const char *s, size_t len) {
  reserve(b, len);
  memcpy(b->data + b->len, s, len);
  b->len += len;
  b->data[b->len] = '\0';
}

void ddl_buf_puts(ddl_buf *b, const char *s) { ddl_buf_append(b, s, strlen(s)); }

void ddl_buf_putc(ddl_buf *b, char c) { ddl_buf_append(b, &c, 1); }

/* Formats into the spare room first, and again only when it was too
 * small: measuring every message first formatted each twice.  The first
 * reserve is a message's usual length. */
void ddl_buf_vprintf(ddl_buf *b, const char *fmt, va_list ap) {
  enum { USUAL = 120 };
  if (b->cap - b->len < USUAL)
    reserve(b, USUAL);
  va_list copy;
  va_copy(copy, ap);
  size_t room = b->cap - b->len;
  int n = vsnprintf(b->data + b->len, room, fmt, copy);
  va_end(copy);
  if (n < 0) {
    b->data[b->len] = '\0';
    return;
  }
  if ((size_t)n >= room) {
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  }
  b->len += (size_t)n;
}

void ddl_buf_printf(ddl_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ddl_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

const char *ddl_buf_cstr(const ddl_buf *b) { return b->data ? b->data : ""; }

void ddl_buf_clear(ddl_buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

void ddl_buf_free(ddl_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
