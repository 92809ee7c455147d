/* Searching raw bytes, which need not be NUL-terminated. */
#ifndef DDL_UTIL_BYTES_H
#define DDL_UTIL_BYTES_H

#include <stddef.h>

/* The first occurrence of NEEDLE[0, n) in HAY[0, hay_len), or NULL; an
 * empty needle is never found. */
const char *ddl_find_bytes(const char *hay, size_t hay_len, const char *needle, size_t n);

#endif
