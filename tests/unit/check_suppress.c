/* Inline suppression: <!-- ddlint-disable/enable/disable-line/
 * disable-next-line/disable-file [RULES] --> comments. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static const char pack[] = "pack: s\n"
                           "rules:\n"
                           "  - id: p/todo\n"
                           "    kind: placeholder\n"
                           "    pattern: '(?-i)\\bTODO\\b'\n"
                           "  - id: p/tbd\n"
                           "    kind: placeholder\n"
                           "    pattern: '(?-i)\\bTBD\\b'\n"
                           "  - id: q/fixme\n"
                           "    kind: placeholder\n"
                           "    severity: error\n"
                           "    pattern: '(?-i)\\bFIXME\\b'\n"
                           "  - id: q/empty\n"
                           "    kind: empty-section\n";

/* The diagnostics of R as "rule@line" words, in order. */
static void describe(const ddl_result *r, char *out, size_t size) {
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    int w =
        snprintf(out + n, size - n, "%s%s@%u", n ? " " : "", ddl_diag_rule(d), ddl_diag_line(d));
    if (w < 0 || (size_t)w >= size - n)
      break;
    n += (size_t)w;
  }
}

typedef struct {
  const char *name;
  const char *md;
  const char *expect; /* "rule@line ..." in order */
} sup_case;

static const sup_case cases[] = {
    {"no directives", "# Doc\n\nTODO TBD FIXME\n", "p/todo@3 p/tbd@3 q/fixme@3"},
    {"disable all then enable",
     "# Doc\n\nTODO one.\n\n<!-- ddlint-disable -->\n\nTODO two. TBD. FIXME.\n\n"
     "<!-- ddlint-enable -->\n\nTODO three.\n",
     "p/todo@3 p/todo@11"},
    {"disable all to the end",
     "# Doc\n\nTODO one.\n\n<!-- ddlint-disable -->\n\nTODO two.\n\nTBD\n", "p/todo@3"},
    {"disable one rule",
     "# Doc\n\n<!-- ddlint-disable p/todo -->\n\nTODO TBD FIXME\n\n<!-- ddlint-enable p/todo "
     "-->\n\n"
     "TODO\n",
     "p/tbd@5 q/fixme@5 p/todo@9"},
    {"disable by glob", "# Doc\n\n<!-- ddlint-disable p/* -->\n\nTODO TBD FIXME\n", "q/fixme@5"},
    {"disable a comma-separated list",
     "# Doc\n\n<!-- ddlint-disable p/todo, q/fixme -->\n\nTODO TBD FIXME\n", "p/tbd@5"},
    {"disable a space-separated list",
     "# Doc\n\n<!-- ddlint-disable p/tbd q/* -->\n\nTODO TBD FIXME\n", "p/todo@5"},
    {"disable one rule, enable all",
     "# Doc\n\n<!-- ddlint-disable p/todo -->\n\nTODO TBD\n\n<!-- ddlint-enable -->\n\nTODO\n",
     "p/tbd@5 p/todo@9"},
    {"enable one rule after disable all",
     "# Doc\n\n<!-- ddlint-disable -->\n\nTODO TBD\n\n<!-- ddlint-enable p/todo -->\n\nTODO TBD\n",
     "p/todo@9"},
    {"enable a rule that was not disabled", "# Doc\n\n<!-- ddlint-enable p/todo -->\n\nTODO TBD\n",
     "p/todo@5 p/tbd@5"},
    {"disable-next-line",
     "# Doc\n\n<!-- ddlint-disable-next-line -->\nTODO TBD on this line.\nTODO on the next one.\n",
     "p/todo@5"},
    {"disable-next-line for one rule",
     "# Doc\n\n<!-- ddlint-disable-next-line p/tbd -->\nTODO TBD on this line.\nTBD again.\n",
     "p/todo@4 p/tbd@5"},
    {"disable-next-line at the end of a multi-line comment",
     "# Doc\n\n<!-- ddlint-disable-next-line\n     p/todo -->\nTODO TBD\nTODO\n",
     "p/tbd@5 p/todo@6"},
    {"CRLF line endings",
     "# Doc\r\n\r\n<!-- ddlint-disable-next-line p/todo -->\r\nTODO TBD\r\nTODO\r\n",
     "p/tbd@4 p/todo@5"},
    {"multi-line comment with CRLF",
     "# Doc\r\n\r\n<!-- ddlint-disable-next-line\r\n     p/todo -->\r\nTODO TBD\r\nTODO\r\n",
     "p/tbd@5 p/todo@6"},
    {"multi-line comment with lone CRs",
     "# Doc\r\r<!-- ddlint-disable-next-line\r     p/todo -->\rTODO TBD\rTODO\r",
     "p/tbd@5 p/todo@6"},
    {"disable-line inline", "# Doc\n\nTODO here. <!-- ddlint-disable-line -->\nTODO there.\n",
     "p/todo@4"},
    {"disable-line for another rule", "# Doc\n\nTODO FIXME <!-- ddlint-disable-line q/fixme -->\n",
     "p/todo@3"},
    {"disable-line in a list item",
     "# Doc\n\n- TODO one <!-- ddlint-disable-line -->\n- TODO two\n", "p/todo@4"},
    {"disable-line in a table row",
     "# Doc\n\n| a | b |\n|---|---|\n| TODO | x <!-- ddlint-disable-line --> |\n| TBD | y |\n",
     "p/tbd@6"},
    {"disable-file at the end",
     "# Doc\n\nTODO TBD\n\n## A\n\nFIXME\n\n<!-- ddlint-disable-file -->\n", ""},
    {"disable-file for one rule in the middle",
     "# Doc\n\nTODO TBD\n\n<!-- ddlint-disable-file p/tbd -->\n\nTBD TODO\n", "p/todo@3 p/todo@7"},
    {"disable-file not undone by enable",
     "# Doc\n\nTODO\n\n<!-- ddlint-disable-file p/todo -->\n\n<!-- ddlint-enable -->\n\nTODO TBD\n",
     "p/tbd@9"},
    {"no spaces in the comment", "# Doc\n\n<!--ddlint-disable p/todo-->\n\nTODO TBD\n", "p/tbd@5"},
    {"unknown directive word", "# Doc\n\n<!-- ddlint-disabled -->\n\nTODO\n", "p/todo@5"},
    {"not a ddlint comment", "# Doc\n\n<!-- disable -->\n\nTODO\n", "p/todo@5"},
    {"directive in a fenced code block", "# Doc\n\n```html\n<!-- ddlint-disable -->\n```\n\nTODO\n",
     "p/todo@7"},
    {"directive in an indented code block", "# Doc\n\n    <!-- ddlint-disable -->\n\nTODO\n",
     "p/todo@5"},
    {"directive in inline code", "# Doc\n\nTODO `<!-- ddlint-disable-line -->` here.\n",
     "p/todo@3"},
    {"empty-section suppressed by disable-next-line",
     "# Doc\n\n<!-- ddlint-disable-next-line q/empty -->\n## Empty\n\n## Also empty\n\n## "
     "B\n\nText.\n",
     "q/empty@6"},
    {"next-line inside a disabled block, then after it",
     "# Doc\n\n<!-- ddlint-disable p/todo -->\n<!-- ddlint-disable-next-line p/todo -->\nTODO\n\n"
     "<!-- ddlint-enable p/todo -->\nTODO\n<!-- ddlint-disable-next-line p/todo -->\nTODO\nTODO\n",
     "p/todo@8 p/todo@11"},
    {"adjacent next-line ranges merge, the line after stays",
     "# Doc\n\n<!-- ddlint-disable-next-line -->\nTODO <!-- ddlint-disable-next-line -->\nTODO "
     "<!-- ddlint-disable-next-line -->\nTODO\nTODO TBD\n",
     "p/todo@7 p/tbd@7"},
    {"a disable-line before a block that starts later",
     "# Doc\n\nTODO <!-- ddlint-disable-line -->\nTBD\n\n<!-- ddlint-disable -->\n\nTODO\n",
     "p/tbd@4"},
    {"rules of other kinds follow the same ranges",
     "# Doc\n\n<!-- ddlint-disable q/* -->\n\n## Empty\n\n<!-- ddlint-enable q/* -->\n\n## Empty "
     "too\n\n"
     "## B\n\nText.\n",
     "q/empty@9"},
};

START_TEST(test_suppress_cases) {
  const sup_case *c = &cases[_i];
  ddl_result *r = lint_with(c->md, pack, false, NULL, NULL);
  char got[1024];
  describe(r, got, sizeof(got));
  ck_assert_msg(strcmp(got, c->expect) == 0, "%s: got '%s', expected '%s'", c->name, got,
                c->expect);
  ddl_result_free(r);
}
END_TEST

/* Counts per severity are of the diagnostics left after suppression. */
START_TEST(test_suppress_counts) {
  ddl_result *r = lint_with("# Doc\n\nTODO FIXME\n\n<!-- ddlint-disable-next-line -->\nTBD FIXME\n",
                            pack, false, NULL, NULL);
  ck_assert_uint_eq(ddl_result_diag_count(r), 2);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_WARNING), 1);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_ERROR), 1);
  ddl_result_free(r);
}
END_TEST

/* Suppressing a missing area: its diagnostic goes, its coverage stays. */
START_TEST(test_suppress_area_keeps_coverage) {
  static const char area_pack[] =
      "pack: a\nrules:\n"
      "  - id: a/security\n    kind: area-coverage\n    area: security\n"
      "    heading: '\\bsecurity\\b'\n";
  ddl_result *r = lint_with("# Doc\n\nText.\n\n<!-- ddlint-disable-file a/security -->\n",
                            area_pack, false, NULL, NULL);
  ck_assert_uint_eq(count_diags(r, "a/security", 0), 0);
  ck_assert_ptr_nonnull(find_area(r, "security"));
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_MISSING);
  ddl_result_free(r);
  r = lint_with("# Doc\n\nText.\n", area_pack, false, NULL, NULL);
  ck_assert_uint_eq(count_diags(r, "a/security", 1), 1);
  ddl_result_free(r);
}
END_TEST

/* ddlint/directive is a rule like any other: there without the built-in
 * packs, and disabled by --disable or by a directive. */
START_TEST(test_suppress_directive_rule) {
  static const char doc[] = "# Doc\n\n<!-- ddlint-disable no/such -->\n\nTODO\n";
  ddl_result *r = lint_with(doc, pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "ddlint/directive", 3);
  ck_assert_ptr_nonnull(d);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ddl_result_free(r);
  r = lint_with(doc, pack, false, "ddlint/directive", NULL);
  ck_assert_uint_eq(count_diags(r, "ddlint/directive", 0), 0);
  ck_assert_uint_eq(count_diags(r, "p/todo", 5), 1);
  ddl_result_free(r);
  /* A directive can silence its own warning, as any other. */
  r = lint_with("# Doc\n\n<!-- ddlint-disable-file ddlint/directive no/such -->\n", pack, false,
                NULL, NULL);
  ck_assert_uint_eq(count_diags(r, "ddlint/directive", 0), 0);
  ddl_result_free(r);
}
END_TEST

/* Kind engine is only for the engine's own rules. */
START_TEST(test_suppress_engine_kind_reserved) {
  const char *path = write_temp("engine.yaml", "pack: e\nrules:\n  - id: e/mine\n    kind: engine\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_add_rules(ctx, path);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  ck_assert_ptr_nonnull(strstr(ddl_ctx_error(ctx)->message, "kind engine is only for"));
  ck_assert_uint_eq(ddl_ctx_error(ctx)->line, 3);
  ddl_ctx_free(ctx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("suppress");
  TCase *tc = tcase_create("directives");
  tcase_add_loop_test(tc, test_suppress_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
  tcase_add_test(tc, test_suppress_counts);
  tcase_add_test(tc, test_suppress_directive_rule);
  tcase_add_test(tc, test_suppress_engine_kind_reserved);
  tcase_add_test(tc, test_suppress_area_keeps_coverage);
  suite_add_tcase(s, tc);  return run_suite(s);
}
