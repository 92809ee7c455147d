/* Path globs as in .gitignore, for --exclude and overrides' files:. */
#include "helpers.h"
#include "util/pathglob.h"

static const struct {
  const char *glob, *path;
  bool is_dir, match;
} cases[] = {
    /* no '/' but a trailing one: a name at any depth */
    {"drafts", "drafts", true, true},
    {"drafts", "docs/drafts", true, true},
    {"drafts/", "docs/drafts", true, true},
    {"drafts/", "docs/drafts", false, false},
    {"*.draft.md", "docs/adr/x.draft.md", false, true},
    {"*.md", "docs/x.markdown", false, false},
    /* a '/' anchors to the base */
    {"docs/drafts", "docs/drafts", true, true},
    {"docs/drafts", "other/docs/drafts", true, false},
    {"/README.md", "README.md", false, true},
    {"/README.md", "docs/README.md", false, false},
    /* '*' and '?' stay in one segment */
    {"docs/*.md", "docs/a.md", false, true},
    {"docs/*.md", "docs/adr/a.md", false, false},
    {"docs/?.md", "docs/a.md", false, true},
    {"docs/?.md", "docs/ab.md", false, false},
    /* '**' spans segments, also none */
    {"docs/**/old-*.md", "docs/old-a.md", false, true},
    {"docs/**/old-*.md", "docs/x/y/old-a.md", false, true},
    {"docs/**/old-*.md", "docs/x/y/new-a.md", false, false},
    {"**/adr", "a/b/adr", true, true},
    {"docs/adr/**", "docs/adr/0001.md", false, true},
    {"docs/adr/**", "docs/adrs/0001.md", false, false},
    /* bracket classes */
    {"[0-9]*.md", "0001.md", false, true},
    {"[0-9]*.md", "x001.md", false, false},
    {"[!x]*.md", "a.md", false, true},
    /* a wildcard does not match a leading dot */
    {"*.md", ".hidden.md", false, false},
    {"", "a.md", false, false},
    {"/", "a.md", false, false},
};

START_TEST(test_pathglob_cases) {
  ck_assert_msg(ddl_pathglob_match(cases[_i].glob, cases[_i].path, cases[_i].is_dir) ==
                    cases[_i].match,
                "glob '%s' on %s '%s' should %s", cases[_i].glob,
                cases[_i].is_dir ? "directory" : "file", cases[_i].path,
                cases[_i].match ? "match" : "not match");
}
END_TEST

/* A file is left out when a directory above it matches. */
START_TEST(test_pathglob_file_under_directory) {
  ck_assert(ddl_pathglob_match_file("drafts/", "docs/drafts/a.md"));
  ck_assert(ddl_pathglob_match_file("docs/adr", "docs/adr/x/y.md"));
  ck_assert(!ddl_pathglob_match_file("docs/adr", "docs/adrs/y.md"));
  ck_assert(ddl_pathglob_match_file("y.md", "docs/adr/x/y.md"));
}
END_TEST

/* '**' runs are matched without backtracking: many of them against a deep
 * path stay fast (a recursive matcher would take exponential time). */
START_TEST(test_pathglob_many_stars) {
  char glob[4096] = "", path[4096] = "";
  for (int i = 0; i < 200; i++)
    strcat(glob, "**/");
  strcat(glob, "z");
  for (int i = 0; i < 500; i++)
    strcat(path, "a/");
  strcat(path, "b");
  ck_assert(!ddl_pathglob_match(glob, path, false));
}
END_TEST

int main(void) {
  Suite *s = suite_create("pathglob");
  TCase *tc = tcase_create("match");
  tcase_add_loop_test(tc, test_pathglob_cases, 0, sizeof(cases) / sizeof(cases[0]));
  tcase_add_test(tc, test_pathglob_file_under_directory);
  tcase_add_test(tc, test_pathglob_many_stars);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
