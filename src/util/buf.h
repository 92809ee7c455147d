/* A growable byte string, always NUL-terminated. */
#ifndef DDL_UTIL_BUF_H
#define DDL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *data; /* NULL until the first append */
  size_t len, cap;
} ddl_buf;

void ddl_buf_append(ddl_buf *b, const char *s, size_t len);
void ddl_buf_puts(ddl_buf *b, const char *s);
void ddl_buf_putc(ddl_buf *b, char c);
void ddl_buf_printf(ddl_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ddl_buf_vprintf(ddl_buf *b, const char *fmt, va_list ap);
/* The contents as a C string ("" when empty); owned by the buffer. */
const char *ddl_buf_cstr(const ddl_buf *b);
void ddl_buf_clear(ddl_buf *b);
void ddl_buf_free(ddl_buf *b);

#endif
