/* Directive comments in raw HTML: <!-- ddlint-disable a b --> and kin.
 * A comment that is misread either silences rules the author meant to
 * keep or keeps findings the author meant to silence. */
#include "helpers.h"
#include "doc/directives.h"

#include <stdio.h>
#include <string.h>

/* What the scanner reported, rendered as one string per directive:
 * "<kind>[<rules>]@<start>-<end>", joined by ' ', so a case is one line. */
typedef struct {
  char out[512];
} collected;

static const char *kind_name(ddl_directive_kind kind) {
  switch (kind) {
  case DDL_DIRECTIVE_DISABLE:
    return "disable";
  case DDL_DIRECTIVE_ENABLE:
    return "enable";
  case DDL_DIRECTIVE_DISABLE_LINE:
    return "disable-line";
  case DDL_DIRECTIVE_DISABLE_NEXT_LINE:
    return "disable-next-line";
  case DDL_DIRECTIVE_DISABLE_FILE:
    return "disable-file";
  }
  return "?";
}

static void collect(void *ud, ddl_directive_kind kind, const char *rules, size_t rules_len,
                    size_t start, size_t end) {
  collected *c = ud;
  size_t used = strlen(c->out);
  snprintf(c->out + used, sizeof(c->out) - used, "%s%s[%.*s]@%zu-%zu", used ? " " : "",
           kind_name(kind), (int)rules_len, rules, start, end);
}

static const struct {
  const char *what, *html, *expect;
} cases[] = {
    {"disable, all rules", "<!-- ddlint-disable -->", "disable[]@0-23"},
    {"disable, rule list", "<!-- ddlint-disable a/b c* -->", "disable[a/b c*]@0-30"},
    {"enable", "<!-- ddlint-enable x -->", "enable[x]@0-24"},
    {"enable, all rules", "<!-- ddlint-enable -->", "enable[]@0-22"},
    {"disable-line", "<!-- ddlint-disable-line -->", "disable-line[]@0-28"},
    {"disable-line, rules", "<!-- ddlint-disable-line r1, r2 -->", "disable-line[r1, r2]@0-35"},
    {"disable-next-line", "<!-- ddlint-disable-next-line r1 -->", "disable-next-line[r1]@0-36"},
    {"disable-file", "<!-- ddlint-disable-file -->", "disable-file[]@0-28"},
    {"disable-file, rules", "<!-- ddlint-disable-file hygiene/* -->",
     "disable-file[hygiene/*]@0-38"},
    {"no spaces", "<!--ddlint-disable x-->", "disable[x]@0-23"},
    {"tab after the command", "<!-- ddlint-disable\ta -->", "disable[a]@0-25"},
    {"extra white space and newlines", "<!--  \n ddlint-disable \n  a \n b  \n -->",
     "disable[a \n b]@0-38"},
    {"command alone on its line", "<!--\nddlint-enable\n-->", "enable[]@0-22"},
    {"several comments", "<!-- ddlint-disable a -->text<!-- ddlint-enable a -->",
     "disable[a]@0-25 enable[a]@29-53"},
    {"unrelated comment first", "<!-- note --><!-- ddlint-enable -->", "enable[]@13-35"},
    {"inside other HTML", "<div><!-- ddlint-disable-file --></div>", "disable-file[]@5-33"},
    {"comment ends at the first -->", "<!-- ddlint-disable a --> b -->", "disable[a]@0-25"},
    /* Not commands: ignored. */
    {"unrelated comment", "<!-- just a note -->", ""},
    {"disabled is not disable", "<!-- ddlint-disabled -->", ""},
    {"disablex", "<!-- ddlint-disablex a -->", ""},
    {"disable-line-x", "<!-- ddlint-disable-line-x -->", ""},
    {"unknown command", "<!-- ddlint-foo -->", ""},
    {"prefix only", "<!-- ddlint- -->", ""},
    {"command not first", "<!-- note: ddlint-disable x -->", ""},
    {"not a comment", "ddlint-disable x", ""},
    {"unclosed comment", "<!-- ddlint-disable a", ""},
    {"second comment unclosed", "<!-- ddlint-disable a --><!-- ddlint-enable",
     "disable[a]@0-25"},
    {"empty", "", ""},
};

START_TEST(test_scan) {
  collected c = {""};
  ddl_directives_scan(cases[_i].html, strlen(cases[_i].html), collect, &c);
  ck_assert_msg(strcmp(c.out, cases[_i].expect) == 0, "%s: got '%s', expected '%s'",
                cases[_i].what, c.out, cases[_i].expect);
}
END_TEST

/* Only LEN bytes are read: a comment closed past LEN is unclosed. */
START_TEST(test_scan_respects_len) {
  const char *html = "<!-- ddlint-disable a --><!-- ddlint-enable -->";
  collected c = {""};
  ddl_directives_scan(html, 22, collect, &c);
  ck_assert_str_eq(c.out, "");
  ddl_directives_scan(html, 25, collect, &c);
  ck_assert_str_eq(c.out, "disable[a]@0-25");
}
END_TEST

int main(void) {
  Suite *s = suite_create("directives");
  TCase *tc = tcase_create("scan");
  tcase_add_loop_test(tc, test_scan, 0, DDL_ARRAY_LEN(cases));
  tcase_add_test(tc, test_scan_respects_len);
  suite_add_tcase(s, tc);  return run_suite(s);
}
