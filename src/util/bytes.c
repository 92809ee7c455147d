/* Byte search: memchr to each candidate first byte, then a compare. */
#include "util/bytes.h"

#include <string.h>

const char *ddl_find_bytes(const char *hay, size_t hay_len, const char *needle, size_t n) {
  if (n == 0)
    return NULL;
  const char *end = hay + hay_len;
  for (const char *p = hay; n <= (size_t)(end - p);) {
    p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
    if (!p)
      return NULL;
    if (memcmp(p, needle, n) == 0)
      return p;
    p++;
  }
  return NULL;
}
