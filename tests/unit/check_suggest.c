/* "Did you mean": edit distances and which known name is suggested. */
#include "helpers.h"
#include "util/suggest.h"

#include <string.h>

static const struct {
  const char *a, *b;
  unsigned limit, want;
} distance_cases[] = {
    {"", "", 3, 0},
    {"abc", "abc", 3, 0},
    {"sevrity", "severity", 3, 1},  /* one letter missing */
    {"severtiy", "severity", 3, 1}, /* two letters swapped */
    {"severities", "severity", 3, 3},
    {"kitten", "sitting", 3, 3},
    {"kitten", "sitting", 2, 3}, /* over the limit: limit + 1 */
    {"a", "abcdef", 2, 3},       /* lengths alone exceed the limit */
    {"ca", "abc", 3, 3},         /* no transposition across an insertion (OSA) */
};

START_TEST(test_edit_distance) {
  const char *a = distance_cases[_i].a, *b = distance_cases[_i].b;
  unsigned d = ddl_edit_distance(a, strlen(a), b, strlen(b), distance_cases[_i].limit);
  ck_assert_msg(d == distance_cases[_i].want, "%s/%s: %u, expected %u", a, b, d,
                distance_cases[_i].want);
}
END_TEST

static const char *const config_keys[] = {"disable",  "enable",  "severity", "rule-packs",
                                          "headings", "fail-on", NULL};

static const struct {
  const char *word, *want; /* NULL: no suggestion */
} suggest_cases[] = {
    {"sevrity", "severity"},
    {"severities", "severity"},
    {"disabled", "disable"},
    {"rule_packs", "rule-packs"},
    {"failon", "fail-on"},
    {"Enable", "enable"},
    {"colour", NULL},
    {"x", NULL},
    {"headings-extra-long", NULL},
};

START_TEST(test_suggest) {
  ddl_suggest s;
  ddl_suggest_init(&s, suggest_cases[_i].word);
  ddl_suggest_add_list(&s, config_keys);
  const char *got = ddl_suggest_best(&s), *want = suggest_cases[_i].want;
  ck_assert_msg(want ? got && strcmp(got, want) == 0 : got == NULL, "%s: got %s, expected %s",
                suggest_cases[_i].word, got ? got : "(none)", want ? want : "(none)");
}
END_TEST

/* A hostile name of any length is compared in constant time and never
 * suggested. */
START_TEST(test_suggest_long) {
  static char word[100000];
  memset(word, 'a', sizeof(word) - 1);
  ddl_suggest s;
  ddl_suggest_init(&s, word);
  ddl_suggest_add(&s, word + 1);
  ck_assert_ptr_null(ddl_suggest_best(&s));
}
END_TEST

/* A prefix of a candidate, as for a rule id's pack. */
START_TEST(test_suggest_prefix) {
  ddl_suggest s;
  ddl_suggest_init(&s, "hygeine");
  ddl_suggest_add_n(&s, "hygiene/placeholder", 7);
  ck_assert_ptr_nonnull(ddl_suggest_best(&s));
  ck_assert_uint_eq(ddl_suggest_best_len(&s), 7);
  ck_assert(strncmp(ddl_suggest_best(&s), "hygiene", 7) == 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("suggest");
  TCase *tc = tcase_create("suggest");
  tcase_add_loop_test(tc, test_edit_distance, 0,
                      (int)(sizeof(distance_cases) / sizeof(distance_cases[0])));
  tcase_add_loop_test(tc, test_suggest, 0, (int)(sizeof(suggest_cases) / sizeof(suggest_cases[0])));
  tcase_add_test(tc, test_suggest_long);
  tcase_add_test(tc, test_suggest_prefix);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
