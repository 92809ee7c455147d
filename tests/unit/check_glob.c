/* Rule-ID glob matching, as used by --enable/--disable and configuration. */
#include "helpers.h"
#include "util/glob.h"

static const struct {
  const char *glob, *id;
  bool match;
} cases[] = {
    {"deep-dive/api", "deep-dive/api", true},
    {"deep-dive/api", "deep-dive/api.endpoints", false},
    {"deep-dive/api*", "deep-dive/api.endpoints", true},
    {"deep-dive/api*", "deep-dive/api", true},
    {"deep-dive/*", "deep-dive/justification", true},
    {"deep-dive/*", "hygiene/placeholder", false},
    {"*", "hygiene/placeholder", true},
    {"all", "anything/at-all", true},
    {"*.endpoints", "deep-dive/api.endpoints", true},
    {"deep-dive/?pi", "deep-dive/api", true},
    {"deep-dive/?pi", "deep-dive/xapi", false},
    {"", "deep-dive/api", false},
    {"**", "x", true},
    {"a*b*c", "axxbyyc", true},
    {"a*b*c", "axxbyy", false},
    {"hygiene", "hygiene/placeholder", true},
    {"hygiene", "hygiene-extra/placeholder", false},
    {"deep-dive", "deep-dive/api.endpoints", true},
    {"deep", "deep-dive/api", false},
};

START_TEST(test_glob_cases) {
  ck_assert_msg(ddl_glob_match(cases[_i].glob, cases[_i].id) == cases[_i].match,
                "glob '%s' on '%s' should %s", cases[_i].glob, cases[_i].id,
                cases[_i].match ? "match" : "not match");
}
END_TEST

int main(void) {
  Suite *s = suite_create("glob");
  TCase *tc = tcase_create("match");
  tcase_add_loop_test(tc, test_glob_cases, 0, sizeof(cases) / sizeof(cases[0]));
  suite_add_tcase(s, tc);  return run_suite(s);
}
