/* Looks a pattern up in the build's table of compiled default patterns. */
#include "regex/precompiled.h"

#include <string.h>

pcre2_code *ddl_precompiled_code(const char *pattern) {
  size_t lo = 0, hi = ddl_precompiled_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int cmp = strcmp(pattern, ddl_precompiled_table[mid].pattern);
    if (cmp == 0) {
      pcre2_code *code;
      if (pcre2_serialize_decode(&code, 1, ddl_precompiled_table[mid].bytes, NULL) != 1)
        return NULL;
      uint32_t options;
      if (pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &options) != 0 ||
          options != DDL_REGEX_OPTIONS) {
        pcre2_code_free(code);
        return NULL;
      }
      return code;
    }
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}
