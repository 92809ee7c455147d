/* The build's table of precompiled default patterns: sorted for the
 * binary search, and each entry decodes to the code that compiling its
 * pattern gives. */
#include "helpers.h"
#include "regex/precompiled.h"

#include <string.h>

START_TEST(test_table_sorted_and_filled) {
  /* The default packs hold over a hundred distinct patterns: an empty
   * table means the build tool recorded nothing. */
  ck_assert_uint_ge(ddl_precompiled_count, 100);
  for (size_t i = 1; i < ddl_precompiled_count; i++)
    ck_assert_msg(strcmp(ddl_precompiled_table[i - 1].pattern, ddl_precompiled_table[i].pattern) < 0,
                  "entry %zu is out of order", i);
}
END_TEST

START_TEST(test_entry_is_its_pattern) {
  const ddl_precompiled *e = &ddl_precompiled_table[_i];
  pcre2_code *decoded = ddl_precompiled_code(e->pattern);
  ck_assert_msg(decoded != NULL, "entry %d does not decode: %s", _i, e->pattern);
  int err;
  PCRE2_SIZE off;
  pcre2_code *compiled = pcre2_compile((PCRE2_SPTR)e->pattern, PCRE2_ZERO_TERMINATED,
                                       DDL_REGEX_OPTIONS, &err, &off, NULL);
  ck_assert_ptr_nonnull(compiled);
  size_t a, b;
  pcre2_pattern_info(decoded, PCRE2_INFO_SIZE, &a);
  pcre2_pattern_info(compiled, PCRE2_INFO_SIZE, &b);
  ck_assert_uint_eq(a, b);
  pcre2_code_free(decoded);
  pcre2_code_free(compiled);
}
END_TEST

START_TEST(test_unknown_pattern_is_compiled) {
  ck_assert_ptr_null(ddl_precompiled_code("no default pack has (this) pattern"));
  ck_assert_ptr_null(ddl_precompiled_code(""));
}
END_TEST

int main(void) {
  Suite *s = suite_create("precompiled");
  TCase *tc = tcase_create("table");
  tcase_add_test(tc, test_table_sorted_and_filled);
  tcase_add_loop_test(tc, test_entry_is_its_pattern, 0, (int)ddl_precompiled_count);
  tcase_add_test(tc, test_unknown_pattern_is_compiled);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
