/* Deterministic repair of text on its way into JSON. */
#include "lsp/json_text.h"

#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at S (of N bytes), 0 if invalid. */
static size_t valid_at(const unsigned char *s, size_t n) {
  if (s[0] < 0x80)
    return 1;
  size_t len = s[0] >= 0xF0 && s[0] <= 0xF4  ? 4
               : s[0] >= 0xE0                ? 3
               : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
                                             : 0;
  if (!len || len > n || (s[0] >= 0xF0 && len != 4))
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
      (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
    return 0; /* overlong, surrogate, beyond U+10FFFF */
  return len;
}

json_t *lsp_json_text(const char *s, size_t len) {
  json_t *j = json_stringn(s, len);
  if (j)
    return j;
  char *fixed = malloc(3 * len + 1);
  if (!fixed)
    abort();
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    size_t k = valid_at((const unsigned char *)s + i, len - i);
    if (k) {
      memcpy(fixed + o, s + i, k);
      o += k;
      i += k;
    } else {
      memcpy(fixed + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
  }
  j = json_stringn(fixed, o);
  free(fixed);
  return j;
}

json_t *lsp_json_str(const char *s) { return lsp_json_text(s, strlen(s)); }
