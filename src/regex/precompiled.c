/* Looks a pattern up in the build's table of compiled default patterns. */
#include "regex/precompiled.h"

#include <string.h>

const ddl_precompiled *ddl_precompiled_find(const char *pattern) {
  size_t lo = 0, hi = ddl_precompiled_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const ddl_precompiled *e = &ddl_precompiled_table[mid];
    int cmp = strcmp(pattern, e->pattern);
    if (cmp == 0)
      return pcre2_serialize_get_number_of_codes(e->bytes) == 1 ? e : NULL;
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

pcre2_code *ddl_precompiled_decode(const ddl_precompiled *entry) {
  pcre2_code *code;
  if (pcre2_serialize_decode(&code, 1, entry->bytes, NULL) != 1)
    return NULL;
  uint32_t options;
  if (pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &options) != 0 ||
      options != DDL_REGEX_OPTIONS) {
    pcre2_code_free(code);
    return NULL;
  }
  return code;
}

const ddl_cue_trie *ddl_precompiled_cues(const char *const *patterns, size_t n) {
  size_t lo = 0, hi = ddl_precompiled_trie_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const ddl_precompiled_trie *t = &ddl_precompiled_tries[mid];
    int cmp = ddl_precompiled_list_order(patterns, n, t->patterns, t->npatterns);
    if (cmp == 0)
      return &t->trie;
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

const ddl_lex_image *ddl_precompiled_lexicon(const ddl_lexicon_builder *lb) {
  for (size_t i = 0; i < ddl_precompiled_lexicon_count; i++)
    if (ddl_lexicon_builder_is(lb, ddl_precompiled_lexicons[i].terms,
                               ddl_precompiled_lexicons[i].owners,
                               ddl_precompiled_lexicons[i].nkeys))
      return &ddl_precompiled_lexicons[i].image;
  return NULL;
}
