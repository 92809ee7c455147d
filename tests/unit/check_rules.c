/* The five rule kinds, each exercised through a small pack written here
 * (never the built-in packs, whose vocabulary and thresholds change). */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static void fail_dump(const ddl_result *r, const char *what) {
  fprintf(stderr, "---- %s\n", what);
  dump_result(r);
}

/* Number of diagnostics of RULE that are not at LINE, to check nothing
 * else fired. */
static size_t count_rule(const ddl_result *r, const char *rule) { return count_diags(r, rule, 0); }

/* ======================================================================
 * area-coverage
 * ==================================================================== */

static const char area_pack[] = "pack: t\n"
                                "rules:\n"
                                "  - id: t/security\n"
                                "    kind: area-coverage\n"
                                "    severity: error\n"
                                "    partial-severity: warning\n"
                                "    area: security\n"
                                "    title: \"Security\"\n"
                                "    questions:\n"
                                "      - \"Who can access what?\"\n"
                                "      - \"How are secrets stored?\"\n"
                                "    heading: '\\bsecurity\\b'\n"
                                "    anchor: '\\bdetailed design\\b'\n"
                                "    not-applicable: '\\bnot\\s+applicable\\b|\\bn/a\\b'\n"
                                "    evidence:\n"
                                "      - weight: 1.0\n"
                                "        terms: ['authenticat*', 'encrypt*', 'access control']\n"
                                "      - weight: 0.5\n"
                                "        terms: ['token*', 'password*']\n"
                                "    min-words: 10\n"
                                "    covered-weight: 3\n"
                                "    covered-density: 0.5\n"
                                "    partial-weight: 1\n";

/* Twelve words without any evidence term. */
#define FILLER "The service keeps a small table of orders and ships them every night.\n"

static ddl_result *area(const char *md) { return lint_with(md, area_pack, false, NULL, NULL); }

static void expect_area(const ddl_result *r, ddl_coverage_status status, bool na, unsigned line) {
  const ddl_coverage *c = find_area(r, "security");
  ck_assert_ptr_nonnull(c);
  if (c->status != status || c->not_applicable != na || c->line != line)
    fail_dump(r, "coverage");
  ck_assert_str_eq(c->rule, "t/security");
  ck_assert_msg(c->status == status, "status %s, expected %s", ddl_coverage_status_name(c->status),
                ddl_coverage_status_name(status));
  ck_assert_msg(c->not_applicable == na, "not_applicable %d, expected %d", c->not_applicable, na);
  ck_assert_msg(c->line == line, "coverage line %u, expected %u", c->line, line);
}

START_TEST(test_area_heading_covered) {
  ddl_result *r = area("# Doc\n\n## Overview\n\n" FILLER "\n## Security\n\n" FILLER);
  expect_area(r, DDL_COVERAGE_COVERED, false, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ck_assert_uint_eq(ddl_result_coverage_count(r), 1);
  ddl_result_free(r);
}
END_TEST

/* Words in the heading's subsections count towards min-words. */
START_TEST(test_area_heading_covered_by_subsections) {
  ddl_result *r = area("# Doc\n\n## Security\n\n### Sign-in\n\n" FILLER);
  expect_area(r, DDL_COVERAGE_COVERED, false, 3);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_heading_thin_is_partial) {
  ddl_result *r = area("# Doc\n\n## Overview\n\n" FILLER "\n## Security\n\nWe are careful here.\n");
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  const ddl_diag *d = find_diag(r, "t/security", 7);
  ck_assert_ptr_nonnull(d);
  ck_assert_uint_eq(ddl_diag_column(d), 1);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ck_assert_msg(strstr(ddl_diag_message(d), "4 words"), "message: %s", ddl_diag_message(d));
  ck_assert_msg(strstr(ddl_diag_message(d), "Security"), "message: %s", ddl_diag_message(d));
  ck_assert_uint_eq(ddl_diag_note_count(d), 2);
  ddl_result_free(r);
}
END_TEST

/* min-words is the threshold: 10 words cover, 9 do not. */
START_TEST(test_area_min_words_threshold) {
  ddl_result *r =
      area("# Doc\n\n## Security\n\none two three four five six seven eight nine ten\n");
  expect_area(r, DDL_COVERAGE_COVERED, false, 3);
  ddl_result_free(r);
  r = area("# Doc\n\n## Security\n\none two three four five six seven eight nine\n");
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 3);
  ck_assert_msg(strstr(ddl_diag_message(find_diag(r, "t/security", 3)), "9 words"), "%s",
                ddl_diag_message(find_diag(r, "t/security", 3)));
  ddl_result_free(r);
}
END_TEST

/* Of two matching headings the one with content wins. */
START_TEST(test_area_heading_best_of_two) {
  ddl_result *r = area("# Doc\n\n## Security notes\n\nSee below.\n\n## Security model\n\n" FILLER);
  expect_area(r, DDL_COVERAGE_COVERED, false, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_prose_covered) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## Overview\n"
                           "\n" FILLER "\n"
                           "## How it works\n"
                           "\n"
                           "Users authenticate with the company identity provider.\n"
                           "Every stored file is encrypted at rest.\n"
                           "Access control is checked on each request.\n";
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_COVERED, false, 9);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

/* Enough evidence, but thinly spread over a long section: partial. */
START_TEST(test_area_prose_low_density_is_partial) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## How it works\n"
                           "\n"
                           "Users authenticate with the identity provider. Orders are stored.\n"
                           "Files are encrypted at rest. Orders are shipped. Orders are billed.\n"
                           "Access control is checked. Orders are packed. Orders are counted.\n"
                           "Orders are audited. Orders are archived.\n";
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 5);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  ddl_result_free(r);
}
END_TEST

/* One sentence counts once however many terms it holds. */
START_TEST(test_area_prose_one_sentence_counts_once) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## How it works\n"
                           "\n"
                           "Authentication, encryption and access control are handled.\n";
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 5);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_passing_mention) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## Detailed design\n"
                           "\n"
                           "The service stores orders.\n"
                           "Staff authenticate before they can refund an order.\n"
                           "Orders ship nightly.\n";
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 5);
  const ddl_diag *d = find_diag(r, "t/security", 0);
  ck_assert_ptr_nonnull(d);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ck_assert_msg(strstr(ddl_diag_message(d), "in passing"), "message: %s", ddl_diag_message(d));
  ck_assert_uint_eq(ddl_diag_line(d), 5);
  ck_assert_uint_eq(ddl_diag_note_count(d), 2);
  ddl_result_free(r);
}
END_TEST

/* Below partial-weight a mention is nothing: missing. */
START_TEST(test_area_below_partial_weight_is_missing) {
  ddl_result *r = area("# Doc\n\n## Detailed design\n\nClients send a token with each call.\n");
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_missing_at_anchor) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## Overview\n"
                           "\n" FILLER "\n"
                           "## Detailed design\n"
                           "\n" FILLER;
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  const ddl_diag *d = find_diag(r, "t/security", 0);
  ck_assert_uint_eq(ddl_diag_line(d), 7);
  ck_assert_uint_eq(ddl_diag_column(d), 1);
  ck_assert_uint_eq(ddl_diag_end_line(d), 7);
  ck_assert_uint_eq(ddl_diag_end_column(d), 19); /* "## Detailed design" */
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_ERROR);
  ck_assert_msg(strstr(ddl_diag_message(d), "does not cover Security"), "message: %s",
                ddl_diag_message(d));
  ck_assert_uint_eq(ddl_diag_note_count(d), 2);
  ck_assert_msg(strstr(ddl_diag_note(d, 0), "Who can access what?"), "note: %s",
                ddl_diag_note(d, 0));
  ck_assert_msg(strstr(ddl_diag_note(d, 1), "How are secrets stored?"), "note: %s",
                ddl_diag_note(d, 1));
  ddl_result_free(r);
}
END_TEST

/* A heading naming the area over an empty section is a section the author
 * meant to write: missing, and reported there rather than at the anchor. */
START_TEST(test_area_empty_heading_is_missing_there) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "## Detailed design\n"
                           "\n" FILLER "\n"
                           "## Security\n"
                           "\n"
                           "## Rollout\n"
                           "\n" FILLER;
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  const ddl_diag *d = find_diag(r, "t/security", 0);
  ck_assert_uint_eq(ddl_diag_line(d), 7);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_ERROR);
  ck_assert_msg(strstr(ddl_diag_message(d), "section 'Security' is empty"), "message: %s",
                ddl_diag_message(d));
  ck_assert_uint_eq(ddl_diag_note_count(d), 2);
  ddl_result_free(r);
  /* A passing mention elsewhere still makes it partial. */
  r = area("# Doc\n\n## Security\n\n## Detailed design\n\nCalls are authenticated.\n");
  expect_area(r, DDL_COVERAGE_PARTIAL, false, 7);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_missing_at_title) {
  static const char md[] = "---\ntitle: x\n---\n\n# Order service\n\n## Overview\n\n" FILLER;
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  const ddl_diag *d = find_diag(r, "t/security", 0);
  ck_assert_ptr_nonnull(d);
  ck_assert_uint_eq(ddl_diag_line(d), 5);
  ck_assert_uint_eq(ddl_diag_column(d), 1);
  ck_assert_uint_eq(ddl_diag_note_count(d), 2);
  ddl_result_free(r);
}
END_TEST

/* Without any heading a missing area is reported at the start of the
 * document, after front matter. */
START_TEST(test_area_missing_without_headings) {
  ddl_result *r = area("Just some text about orders.\n");
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  ck_assert_uint_eq(ddl_diag_line(find_diag(r, "t/security", 0)), 1);
  ck_assert_uint_eq(ddl_diag_column(find_diag(r, "t/security", 0)), 1);
  ddl_result_free(r);
  r = area("---\ntitle: x\n---\nJust some text about orders.\n");
  ck_assert_uint_eq(ddl_diag_line(find_diag(r, "t/security", 0)), 4);
  ddl_result_free(r);
}
END_TEST

/* The title is the document's name, not a section about the area. */
START_TEST(test_area_title_is_not_an_area_heading) {
  static const char md[] = "# Security review tool\n\n## Overview\n\n" FILLER FILLER;
  ddl_result *r = area(md);
  expect_area(r, DDL_COVERAGE_MISSING, false, 0);
  ck_assert_uint_eq(ddl_diag_line(find_diag(r, "t/security", 0)), 1);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_not_applicable_with_reason) {
  ddl_result *r =
      area("# Doc\n\n## Overview\n\n" FILLER
           "\n## Security\n\nNot applicable: the tool runs offline and stores nothing.\n");
  expect_area(r, DDL_COVERAGE_COVERED, true, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_not_applicable_in_heading_with_reason) {
  ddl_result *r = area("# Doc\n\n## Overview\n\n" FILLER
                       "\n## Security: N/A\n\nThe tool runs offline and stores nothing.\n");
  expect_area(r, DDL_COVERAGE_COVERED, true, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_not_applicable_without_reason) {
  ddl_result *r = area("# Doc\n\n## Overview\n\n" FILLER "\n## Security\n\nNot applicable.\n");
  expect_area(r, DDL_COVERAGE_PARTIAL, true, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 1);
  const ddl_diag *d = find_diag(r, "t/security", 7);
  ck_assert_ptr_nonnull(d);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ck_assert_msg(strstr(ddl_diag_message(d), "not applicable"), "message: %s", ddl_diag_message(d));
  ddl_result_free(r);
}
END_TEST

START_TEST(test_area_not_applicable_heading_only) {
  ddl_result *r = area("# Doc\n\n## Overview\n\n" FILLER "\n## Security (N/A)\n");
  expect_area(r, DDL_COVERAGE_PARTIAL, true, 7);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "t/security", 7)), DDL_SEV_WARNING);
  ddl_result_free(r);
}
END_TEST

/* A real section wins over an N/A marker elsewhere. */
START_TEST(test_area_content_beats_not_applicable) {
  ddl_result *r =
      area("# Doc\n\n## Security (N/A)\n\nNot applicable.\n\n## Security model\n\n" FILLER);
  expect_area(r, DDL_COVERAGE_COVERED, false, 7);
  ck_assert_uint_eq(count_rule(r, "t/security"), 0);
  ddl_result_free(r);
}
END_TEST

/* Severity: missing uses the rule's severity, partial its
 * partial-severity, whatever those are. */
START_TEST(test_area_severities) {
  static const char pack_note[] = "pack: t\n"
                                  "rules:\n"
                                  "  - id: t/data\n"
                                  "    kind: area-coverage\n"
                                  "    severity: warning\n"
                                  "    partial-severity: note\n"
                                  "    area: data\n"
                                  "    heading: '\\bdata\\b'\n"
                                  "    min-words: 10\n";
  ddl_result *r = lint_with("# Doc\n\n## Overview\n\n" FILLER, pack_note, false, NULL, NULL);
  ck_assert_int_eq(find_area(r, "data")->status, DDL_COVERAGE_MISSING);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "t/data", 0)), DDL_SEV_WARNING);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_WARNING), 1);
  ddl_result_free(r);
  r = lint_with("# Doc\n\n## Data\n\nTwo tables.\n", pack_note, false, NULL, NULL);
  ck_assert_int_eq(find_area(r, "data")->status, DDL_COVERAGE_PARTIAL);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "t/data", 3)), DDL_SEV_NOTE);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_NOTE), 1);
  ddl_result_free(r);
  /* Title defaults to the area name. */
  r = lint_with("# Doc\n\n## Overview\n\n" FILLER, pack_note, false, NULL, NULL);
  ck_assert_msg(strstr(ddl_diag_message(find_diag(r, "t/data", 0)), "data"), "%s",
                ddl_diag_message(find_diag(r, "t/data", 0)));
  ddl_result_free(r);
}
END_TEST

/* One coverage entry per enabled area rule, none for disabled ones. */
START_TEST(test_area_coverage_entries) {
  static const char two[] = "pack: t\n"
                            "rules:\n"
                            "  - id: t/data\n"
                            "    kind: area-coverage\n"
                            "    area: data\n"
                            "    heading: '\\bdata\\b'\n"
                            "  - id: t/api\n"
                            "    kind: area-coverage\n"
                            "    area: api\n"
                            "    heading: '\\bapi\\b'\n"
                            "  - id: t/off\n"
                            "    kind: area-coverage\n"
                            "    enabled: false\n"
                            "    area: off\n"
                            "    heading: '\\boff\\b'\n";
  ddl_result *r = lint_with("# Doc\n\nText.\n", two, false, NULL, NULL);
  ck_assert_uint_eq(ddl_result_coverage_count(r), 2);
  ck_assert_ptr_nonnull(find_area(r, "data"));
  ck_assert_ptr_nonnull(find_area(r, "api"));
  ck_assert_ptr_null(find_area(r, "off"));
  ck_assert_str_eq(find_area(r, "api")->rule, "t/api");
  ddl_result_free(r);
  r = lint_with("# Doc\n\nText.\n", two, false, "t/api", NULL);
  ck_assert_uint_eq(ddl_result_coverage_count(r), 1);
  ck_assert_ptr_null(find_area(r, "api"));
  ddl_result_free(r);
}
END_TEST

/* ======================================================================
 * topic-coverage
 * ==================================================================== */

static const char topic_pack[] = "pack: t\n"
                                 "rules:\n"
                                 "  - id: t/security\n"
                                 "    kind: area-coverage\n"
                                 "    severity: error\n"
                                 "    area: security\n"
                                 "    heading: '\\bsecurity\\b'\n"
                                 "    not-applicable: '\\bnot\\s+applicable\\b'\n"
                                 "    min-words: 10\n"
                                 "  - id: t/security.authn\n"
                                 "    kind: topic-coverage\n"
                                 "    severity: warning\n"
                                 "    area: security\n"
                                 "    topic: authentication\n"
                                 "    question: \"How do users prove who they are?\"\n"
                                 "    terms: ['authenticat*', 'single sign on', 'login']\n";

static ddl_result *topic(const char *md) { return lint_with(md, topic_pack, false, NULL, NULL); }

START_TEST(test_topic_reported_when_area_covered) {
  ddl_result *r = topic("# Doc\n\n## Overview\n\n" FILLER "\n## Security\n\n" FILLER);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_COVERED);
  ck_assert_uint_eq(count_rule(r, "t/security.authn"), 1);
  const ddl_diag *d = find_diag(r, "t/security.authn", 0);
  ck_assert_uint_eq(ddl_diag_line(d), 7); /* at the area's heading */
  ck_assert_uint_eq(ddl_diag_column(d), 1);
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ck_assert_msg(strstr(ddl_diag_message(d), "authentication"), "message: %s", ddl_diag_message(d));
  ck_assert_uint_eq(ddl_diag_note_count(d), 1);
  ck_assert_msg(strstr(ddl_diag_note(d, 0), "How do users prove who they are?"), "note: %s",
                ddl_diag_note(d, 0));
  ddl_result_free(r);
}
END_TEST

typedef struct {
  const char *name;
  const char *md;
  size_t expect; /* diagnostics of t/security.authn */
} topic_case;

static const topic_case topic_cases[] = {
    {"term in the area's section",
     "# Doc\n\n## Security\n\n" FILLER "Users authenticate with a key.\n", 0},
    {"term elsewhere in the document",
     "# Doc\n\n## Overview\n\nUsers log in through single sign-on.\n\n## Security\n\n" FILLER, 0},
    {"term in a list item", "# Doc\n\n## Security\n\n" FILLER "\n- Login uses passkeys.\n", 0},
    {"term in a table",
     "# Doc\n\n## Security\n\n" FILLER "\n| Step | What |\n|---|---|\n"
     "| 1 | Authentication |\n",
     0},
    {"term only in inline code", "# Doc\n\n## Security\n\n" FILLER "Call `login` first.\n", 1},
    {"term only in a code block",
     "# Doc\n\n## Security\n\n" FILLER "\n```\nauthenticate(user)\nlogin()\n```\n", 1},
    {"term only in an HTML comment", "# Doc\n\n## Security\n\n" FILLER "\n<!-- login -->\n", 1},
    {"area missing", "# Doc\n\n## Overview\n\n" FILLER, 0},
    {"area partial", "# Doc\n\n## Security\n\nWe are careful.\n", 0},
    {"area not applicable with reason",
     "# Doc\n\n## Security\n\nNot applicable: the tool runs offline and stores nothing.\n", 0},
    {"area not applicable without reason", "# Doc\n\n## Security\n\nNot applicable.\n", 0},
};

START_TEST(test_topic_cases) {
  const topic_case *c = &topic_cases[_i];
  ddl_result *r = topic(c->md);
  size_t n = count_rule(r, "t/security.authn");
  if (n != c->expect)
    fail_dump(r, c->name);
  ck_assert_msg(n == c->expect, "%s: %zu diagnostics, expected %zu", c->name, n, c->expect);
  ddl_result_free(r);
}
END_TEST

/* When prose covers the area, the topic is reported at the heading of the
 * section that covers it. */
START_TEST(test_topic_at_prose_home) {
  static const char pack[] = "pack: t\n"
                             "rules:\n"
                             "  - id: t/security\n"
                             "    kind: area-coverage\n"
                             "    area: security\n"
                             "    heading: '\\bsecurity\\b'\n"
                             "    evidence: ['encrypt*', 'access control', 'audit*']\n"
                             "    covered-weight: 3\n"
                             "    covered-density: 0.5\n"
                             "  - id: t/security.authn\n"
                             "    kind: topic-coverage\n"
                             "    area: security\n"
                             "    topic: authentication\n"
                             "    terms: ['authenticat*']\n";
  static const char md[] = "# Doc\n"
                           "\n"
                           "## Overview\n"
                           "\n" FILLER "\n"
                           "## Storage\n"
                           "\n"
                           "Every stored file is encrypted at rest.\n"
                           "Access control is checked on each request.\n"
                           "Every read is audited.\n";
  ddl_result *r = lint_with(md, pack, false, NULL, NULL);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_COVERED);
  ck_assert_uint_eq(find_area(r, "security")->line, 9);
  ck_assert_uint_eq(count_rule(r, "t/security.authn"), 1);
  ck_assert_uint_eq(ddl_diag_line(find_diag(r, "t/security.authn", 0)), 7);
  ddl_result_free(r);
}
END_TEST

/* A topic whose area rule is disabled is still judged on its own. */
START_TEST(test_topic_without_area_rule) {
  ddl_result *r =
      lint_with("# Doc\n\n## Overview\n\n" FILLER, topic_pack, false, "t/security", NULL);
  ck_assert_ptr_null(find_area(r, "security"));
  ck_assert_uint_eq(count_rule(r, "t/security.authn"), 1);
  ddl_result_free(r);
  r = lint_with("# Doc\n\n## Overview\n\nThe login page uses passkeys.\n", topic_pack, false,
                "t/security", NULL);
  ck_assert_uint_eq(count_rule(r, "t/security.authn"), 0);
  ddl_result_free(r);
}
END_TEST

/* ======================================================================
 * justification
 * ==================================================================== */

#define JUST_PACK_HEAD                                                                             \
  "pack: t\n"                                                                                      \
  "rules:\n"                                                                                       \
  "  - id: t/why\n"                                                                                \
  "    kind: justification\n"                                                                      \
  "    severity: warning\n"                                                                        \
  "    decision: '\\bwe (?:use|chose|will use)\\b'\n"                                              \
  "    not-decision: '\\?|\\brejected\\b'\n"                                                       \
  "    reason: '\\bbecause\\b|\\bso that\\b|\\bsince\\b'\n"                                        \
  "    not-reason: '\\bbecause (?:it is|it''s) (?:better|the best)\\b'\n"                          \
  "    rationale-column: '\\b(?:rationale|why)\\b'\n"

static const char just_pack[] = JUST_PACK_HEAD;
static const char just_pack_neighbours[] = JUST_PACK_HEAD "    reason-scope: neighbours\n";
static const char just_pack_paragraph[] = JUST_PACK_HEAD "    reason-scope: paragraph\n";
static const char just_pack_sentence[] = JUST_PACK_HEAD "    reason-scope: sentence\n";

typedef struct {
  const char *name;
  const char *md;
  size_t expect; /* diagnostics of t/why */
  unsigned line; /* of the first one, when expected */
  unsigned column;
} just_case;

static const just_case just_cases[] = {
    {"bare decision", "# Doc\n\nWe use Redis for caching.\n", 1, 3, 1},
    {"decision mid-sentence", "# Doc\n\nIn production we use Redis for caching.\n", 1, 3, 15},
    {"decision on a continuation line",
     "# Doc\n\nThe cache is new.\nIn production we use Redis for caching.\n", 1, 4, 15},
    {"reason in the same sentence", "# Doc\n\nWe use Redis because reads dominate.\n", 0, 0, 0},
    {"reason in the next sentence",
     "# Doc\n\nWe use Redis for caching. Reads dominate, so that a cache pays off.\n", 0, 0, 0},
    {"reason in the next sentence on the next line",
     "# Doc\n\nWe use Redis for caching.\nSince reads dominate, a cache pays off.\n", 0, 0, 0},
    {"reason two sentences later",
     "# Doc\n\nWe use Redis for caching. It is fast. Reads dominate, so that a cache pays off.\n",
     1, 3, 1},
    {"two decisions, one justified",
     "# Doc\n\nWe use Redis because reads dominate. Orders are kept for a year. "
     "We use Postgres for orders.\n",
     1, 3, 66},
    {"reason in a sub-item", "# Doc\n\n- We use Redis for caching.\n  - Because reads dominate.\n",
     0, 0, 0},
    {"reason in a later paragraph of the item",
     "# Doc\n\n- We use Redis for caching.\n\n  Reads dominate, so that a cache pays off.\n", 0, 0,
     0},
    {"reason in the lead-in",
     "# Doc\n\nWe picked these stores because of the load profile:\n\n- We use Redis.\n"
     "- We use Postgres.\n",
     0, 0, 0},
    {"lead-in without a reason", "# Doc\n\nStores:\n\n- We use Redis.\n- We use Postgres.\n", 2, 5,
     3},
    {"rationale column filled",
     "# Doc\n\n| Area | Choice | Rationale |\n|---|---|---|\n"
     "| Cache | We use Redis | Reads dominate the load |\n",
     0, 0, 0},
    {"rationale column with one word",
     "# Doc\n\n| Area | Choice | Rationale |\n|---|---|---|\n| Cache | We use Redis | Cheaper |\n",
     0, 0, 0},
    {"rationale column empty",
     "# Doc\n\n| Area | Choice | Rationale |\n|---|---|---|\n"
     "| Cache | We use Redis | Reads dominate the load |\n| Queue | We use SQS | |\n",
     1, 6, 1},
    {"table without rationale column, no reason",
     "# Doc\n\n| Area | Choice |\n|---|---|\n| Cache | We use Redis |\n", 1, 5, 11},
    {"table without rationale column, reason in the row",
     "# Doc\n\n| Area | Choice |\n|---|---|\n| Cache | We use Redis because reads dominate |\n", 0,
     0, 0},
    {"generic reason (not-reason)", "# Doc\n\nWe use Redis because it is the best.\n", 1, 3, 1},
    {"generic reason with a real one after",
     "# Doc\n\nWe use Redis because it's better, since reads dominate.\n", 0, 0, 0},
    {"question (not-decision)", "# Doc\n\nShould we use Redis for caching?\n", 0, 0, 0},
    {"rejected alternative (not-decision)",
     "# Doc\n\nOption B, where we use MongoDB, was rejected.\n", 0, 0, 0},
    {"decision in a code block", "# Doc\n\n```\nwe use redis\n```\n", 0, 0, 0},
    {"decision in inline code", "# Doc\n\nRun `we use redis` to start.\n", 0, 0, 0},
    {"decision in a block quote", "# Doc\n\n> We use Redis for caching.\n", 1, 3, 3},
};

START_TEST(test_just_cases) {
  const just_case *c = &just_cases[_i];
  ddl_result *r = lint_with(c->md, just_pack, false, NULL, NULL);
  size_t n = count_rule(r, "t/why");
  if (n != c->expect)
    fail_dump(r, c->name);
  ck_assert_msg(n == c->expect, "%s: %zu diagnostics, expected %zu", c->name, n, c->expect);
  if (c->expect) {
    const ddl_diag *d = find_diag(r, "t/why", 0);
    ck_assert_msg(ddl_diag_line(d) == c->line && ddl_diag_column(d) == c->column,
                  "%s: at %u:%u, expected %u:%u", c->name, ddl_diag_line(d), ddl_diag_column(d),
                  c->line, c->column);
    ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  }
  ddl_result_free(r);
}
END_TEST

START_TEST(test_just_message_quotes_sentence) {
  ddl_result *r = lint_with("# Doc\n\nIntro text here. In production we use Redis for caching.\n",
                            just_pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "t/why", 3);
  ck_assert_ptr_nonnull(d);
  ck_assert_uint_eq(ddl_diag_column(d), 32);
  ck_assert_msg(strstr(ddl_diag_message(d), "'In production we use Redis for caching'"),
                "message: %s", ddl_diag_message(d));
  ck_assert_msg(!strstr(ddl_diag_message(d), "Intro"), "message quotes too much: %s",
                ddl_diag_message(d));
  ddl_result_free(r);
}
END_TEST

START_TEST(test_just_message_table_row) {
  ddl_result *r = lint_with("# Doc\n\n| Area | Choice | Why |\n|---|---|---|\n"
                            "| Queue | We use SQS |  |\n",
                            just_pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "t/why", 5);
  ck_assert_ptr_nonnull(d);
  ck_assert_msg(strstr(ddl_diag_message(d), "Queue | We use SQS"), "message: %s",
                ddl_diag_message(d));
  ck_assert_msg(strstr(ddl_diag_message(d), "rationale"), "message: %s", ddl_diag_message(d));
  ddl_result_free(r);
}
END_TEST

/* A long decision is quoted shortened, on one line. */
START_TEST(test_just_message_long_sentence) {
  ddl_result *r = lint_with("# Doc\n\nWe use Redis as the cache for the product catalogue,\nthe "
                            "session store, the rate limiter, the leaderboard and the feature "
                            "flag service.\n",
                            just_pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "t/why", 3);
  ck_assert_ptr_nonnull(d);
  ck_assert_msg(strstr(ddl_diag_message(d), "...'"), "message: %s", ddl_diag_message(d));
  ck_assert_msg(!strchr(ddl_diag_message(d), '\n'), "message spans lines: %s", ddl_diag_message(d));
  ddl_result_free(r);
}
END_TEST

typedef struct {
  const char *name;
  const char *md;
  size_t sentence, neighbours, paragraph; /* diagnostics under each scope */
} scope_case;

static const scope_case scope_cases[] = {
    {"reason in the previous sentence",
     "# Doc\n\nReads dominate, so that caching pays off. We use Redis for caching.\n", 1, 0, 0},
    {"reason two sentences before",
     "# Doc\n\nReads dominate since the feed is public. The feed is large. We use Redis.\n", 1, 1,
     0},
    {"reason in the next sentence", "# Doc\n\nWe use Redis. It is there because reads dominate.\n",
     0, 0, 0},
    {"reason in another paragraph",
     "# Doc\n\nReads dominate since the feed is public.\n\nWe use Redis for caching.\n", 1, 1, 1},
    {"no reason at all", "# Doc\n\nThe feed is public. The feed is large. We use Redis.\n", 1, 1,
     1},
    {"reason two sentences later, nothing decided between",
     "# Doc\n\nWe use Redis. The feed is large. That way reads stay fast because of it.\n", 1, 1,
     0},
    {"a reason stays with its own decision",
     "# Doc\n\nWe use Cassandra for messages. We use Redis for presence. "
     "We use WebSockets because clients need push.\n",
     2, 2, 2},
    {"a later decision keeps the reason after it",
     "# Doc\n\nWe use Redis. We use Postgres. Orders need joins, since reports read them.\n", 1, 1,
     1},
};

START_TEST(test_just_reason_scope) {
  const scope_case *c = &scope_cases[_i];
  const char *packs[] = {just_pack_sentence, just_pack_neighbours, just_pack_paragraph};
  const size_t expect[] = {c->sentence, c->neighbours, c->paragraph};
  const char *names[] = {"sentence", "neighbours", "paragraph"};
  for (int k = 0; k < 3; k++) {
    ddl_result *r = lint_with(c->md, packs[k], false, NULL, NULL);
    size_t n = count_rule(r, "t/why");
    if (n != expect[k])
      fail_dump(r, c->name);
    ck_assert_msg(n == expect[k], "%s, reason-scope %s: %zu diagnostics, expected %zu", c->name,
                  names[k], n, expect[k]);
    ddl_result_free(r);
  }
  /* The default is sentence. */
  ddl_result *r = lint_with(c->md, just_pack, false, NULL, NULL);
  ck_assert_msg(count_rule(r, "t/why") == c->sentence, "%s, default scope", c->name);
  ddl_result_free(r);
}
END_TEST

/* ======================================================================
 * placeholder
 * ==================================================================== */

static const char ph_pack[] = "pack: t\n"
                              "rules:\n"
                              "  - id: t/todo\n"
                              "    kind: placeholder\n"
                              "    severity: warning\n"
                              "    pattern: '(?-i)\\b(?:TODO|TBD)\\b|\\?{3,}'\n";

typedef struct {
  unsigned line, column, end_column;
} pos;

typedef struct {
  const char *name;
  const char *md;
  size_t n;
  pos at[4];
} ph_case;

static const ph_case ph_cases[] = {
    {"one in a paragraph", "# Doc\n\nSome TODO here.\n", 1, {{3, 6, 10}}},
    {"several on one line",
     "# Doc\n\nSome TODO here and TBD there ???\n",
     3,
     {{3, 6, 10}, {3, 20, 23}, {3, 30, 33}}},
    {"second line of a paragraph", "# Doc\n\nFirst line.\nSecond TODO line.\n", 1, {{4, 8, 12}}},
    {"after inline markup",
     "# Doc\n\n**Bold** and [a link](http://x.y) then TODO.\n",
     1,
     {{3, 40, 44}}},
    {"in a list item", "# Doc\n\n- item one\n- item TODO\n", 1, {{4, 8, 12}}},
    {"in a nested list item", "# Doc\n\n- item one\n  - sub TODO\n", 1, {{4, 9, 13}}},
    {"in a block quote", "# Doc\n\n> TODO\n", 1, {{3, 3, 7}}},
    {"in a heading", "# Doc\n\n## Security TODO\n\nText.\n", 1, {{3, 13, 17}}},
    {"in a table cell", "# Doc\n\n| A | B |\n|---|---|\n| x | TBD |\n", 1, {{5, 7, 10}}},
    {"in inline code", "# Doc\n\nRun `TODO` now.\n", 0, {{0, 0, 0}}},
    {"in a code block", "# Doc\n\n```\nTODO\n```\n", 0, {{0, 0, 0}}},
    {"in an indented code block", "# Doc\n\n    TODO\n", 0, {{0, 0, 0}}},
    {"beside inline code", "# Doc\n\n`TODO` and TODO.\n", 1, {{3, 12, 16}}},
    {"case-sensitive pattern", "# Doc\n\nA todo list.\n", 0, {{0, 0, 0}}},
    {"not inside a word", "# Doc\n\nTODOS and XTBD.\n", 0, {{0, 0, 0}}},
    {"after a CRLF line", "# Doc\r\n\r\nFirst line.\r\nSecond TODO.\r\n", 1, {{4, 8, 12}}},
    {"after lone-CR lines", "# Doc\r\rFirst line.\rSecond TODO.\r", 1, {{4, 8, 12}}},
    {"after a tab", "# Doc\n\na\tTODO\n", 1, {{3, 3, 7}}},
    {"tab-indented code block", "# Doc\n\n\tTODO\n", 0, {{0, 0, 0}}},
    {"after a multi-byte character", "# Doc\n\n\xC3\xA9t\xC3\xA9 TODO\n", 1, {{3, 7, 11}}},
    {"after front matter", "---\ntitle: TODO\n---\n\n# Doc\n\nTBD\n", 1, {{7, 1, 4}}},
};

START_TEST(test_placeholder_cases) {
  const ph_case *c = &ph_cases[_i];
  ddl_result *r = lint_with(c->md, ph_pack, false, NULL, NULL);
  size_t n = count_rule(r, "t/todo");
  if (n != c->n)
    fail_dump(r, c->name);
  ck_assert_msg(n == c->n, "%s: %zu diagnostics, expected %zu", c->name, n, c->n);
  for (size_t i = 0; i < c->n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    ck_assert_str_eq(ddl_diag_rule(d), "t/todo");
    ck_assert_msg(ddl_diag_line(d) == c->at[i].line && ddl_diag_column(d) == c->at[i].column &&
                      ddl_diag_end_line(d) == c->at[i].line &&
                      ddl_diag_end_column(d) == c->at[i].end_column,
                  "%s #%zu: at %u:%u-%u:%u, expected %u:%u-%u:%u", c->name, i, ddl_diag_line(d),
                  ddl_diag_column(d), ddl_diag_end_line(d), ddl_diag_end_column(d), c->at[i].line,
                  c->at[i].column, c->at[i].line, c->at[i].end_column);
    ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  }
  ddl_result_free(r);
}
END_TEST

START_TEST(test_placeholder_message) {
  ddl_result *r = lint_with("# Doc\n\nSome TBD here.\n", ph_pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "t/todo", 3);
  ck_assert_ptr_nonnull(d);
  ck_assert_msg(strstr(ddl_diag_message(d), "'TBD'"), "message: %s", ddl_diag_message(d));
  ddl_result_free(r);
}
END_TEST

/* A list of patterns: any of them matches. */
START_TEST(test_placeholder_pattern_list) {
  static const char pack[] = "pack: t\nrules:\n  - id: t/ph\n    kind: placeholder\n"
                             "    pattern: ['lorem ipsum', '\\[describe[^\\]]*\\]']\n";
  ddl_result *r =
      lint_with("# Doc\n\nLorem Ipsum and [describe the API].\n", pack, false, NULL, NULL);
  ck_assert_uint_eq(count_rule(r, "t/ph"), 2);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 0)), 1);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 1)), 17);
  ck_assert_uint_eq(ddl_diag_end_column(ddl_result_diag(r, 1)), 35);
  ddl_result_free(r);
}
END_TEST

/* Template prompts such as "<insert diagram here>" are placeholders in
 * the prose even though CommonMark reads them as inline HTML tags (the
 * hygiene pack documents that it finds them). */
START_TEST(test_placeholder_html_like_prompt) {
  static const char pack[] = "pack: t\nrules:\n  - id: t/ph\n    kind: placeholder\n"
                             "    pattern: '<\\s*(?:insert|your)\\b[^<>]*>'\n";
  ddl_result *r =
      lint_with("# Doc\n\nSee <insert diagram here> by <your name>.\n", pack, false, NULL, NULL);
  if (count_rule(r, "t/ph") != 2)
    fail_dump(r, "html-like prompt");
  ck_assert_uint_eq(count_rule(r, "t/ph"), 2);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 0)), 5);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 1)), 30);
  ddl_result_free(r);
}
END_TEST

/* ======================================================================
 * empty-section
 * ==================================================================== */

static const char es_pack[] = "pack: t\n"
                              "rules:\n"
                              "  - id: t/empty\n"
                              "    kind: empty-section\n"
                              "    severity: warning\n"
                              "    ignore-heading: '\\bn/a\\b|\\bnot applicable\\b'\n";

typedef struct {
  const char *name;
  const char *md;
  size_t n;
  unsigned lines[3];
} es_case;

static const es_case es_cases[] = {
    {"followed by a same-level heading", "# Doc\n\n## A\n\n## B\n\nText.\n", 1, {3}},
    {"followed by a higher-level heading",
     "# Doc\n\n## A\n\nText.\n\n### A1\n\n## B\n\nText.\n",
     1,
     {7}},
    {"only subsections", "# Doc\n\n## A\n\n### A1\n\nText.\n\n## B\n\nText.\n", 0, {0}},
    {"only an HTML comment", "# Doc\n\n## A\n\n<!-- write this -->\n\n## B\n\nText.\n", 1, {3}},
    {"only a code block", "# Doc\n\n## A\n\n```\ncode\n```\n\n## B\n\nText.\n", 0, {0}},
    {"only a list", "# Doc\n\n## A\n\n- item\n\n## B\n\nText.\n", 0, {0}},
    {"only a table", "# Doc\n\n## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## B\n\nText.\n", 0, {0}},
    {"ignored heading",
     "# Doc\n\n## Security: N/A\n\n## Data: not applicable\n\n## B\n\nText.\n",
     0,
     {0}},
    {"last heading with nothing after", "# Doc\n\n## A\n\nText.\n\n## End\n", 1, {7}},
    {"last heading followed by blank lines", "# Doc\n\n## A\n\nText.\n\n## End\n\n\n", 1, {7}},
    {"several empty sections", "# Doc\n\n## A\n## B\n## C\n\nText.\n", 2, {3, 4}},
    {"setext headings", "Doc\n===\n\nA\n---\n\nB\n---\n\nText.\n", 1, {4}},
    {"nothing empty", "# Doc\n\nIntro.\n\n## A\n\nText.\n", 0, {0}},
};

START_TEST(test_empty_section_cases) {
  const es_case *c = &es_cases[_i];
  ddl_result *r = lint_with(c->md, es_pack, false, NULL, NULL);
  size_t n = count_rule(r, "t/empty");
  if (n != c->n)
    fail_dump(r, c->name);
  ck_assert_msg(n == c->n, "%s: %zu diagnostics, expected %zu", c->name, n, c->n);
  for (size_t i = 0; i < c->n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    ck_assert_msg(ddl_diag_line(d) == c->lines[i] && ddl_diag_column(d) == 1,
                  "%s #%zu: at %u:%u, expected %u:1", c->name, i, ddl_diag_line(d),
                  ddl_diag_column(d), c->lines[i]);
  }
  ddl_result_free(r);
}
END_TEST

START_TEST(test_empty_section_message) {
  ddl_result *r =
      lint_with("# Doc\n\n## Rollout plan\n\n## B\n\nText.\n", es_pack, false, NULL, NULL);
  const ddl_diag *d = find_diag(r, "t/empty", 3);
  ck_assert_ptr_nonnull(d);
  ck_assert_msg(strstr(ddl_diag_message(d), "Rollout plan"), "message: %s", ddl_diag_message(d));
  ck_assert_int_eq(ddl_diag_severity(d), DDL_SEV_WARNING);
  ck_assert_uint_eq(ddl_diag_end_line(d), 3);
  ck_assert_uint_eq(ddl_diag_end_column(d), 16);
  ddl_result_free(r);
}
END_TEST

/* Without ignore-heading nothing is exempt. */
START_TEST(test_empty_section_no_ignore) {
  static const char pack[] = "pack: t\nrules:\n  - id: t/empty\n    kind: empty-section\n";
  ddl_result *r =
      lint_with("# Doc\n\n## Security: N/A\n\n## B\n\nText.\n", pack, false, NULL, NULL);
  ck_assert_uint_eq(count_rule(r, "t/empty"), 1);
  ck_assert_uint_eq(count_diags(r, "t/empty", 3), 1);
  ddl_result_free(r);
}
END_TEST

/* ======================================================================
 * All kinds together
 * ==================================================================== */

/* A disabled rule reports nothing. */
START_TEST(test_rules_disabled_in_pack) {
  static const char pack[] = "pack: t\nrules:\n"
                             "  - id: t/todo\n    kind: placeholder\n    enabled: false\n"
                             "    pattern: 'TODO'\n"
                             "  - id: t/empty\n    kind: empty-section\n    enabled: false\n";
  ddl_result *r = lint_with("# Doc\n\n## A\n\n## B\n\nTODO\n", pack, false, NULL, NULL);
  ck_assert_uint_eq(ddl_result_diag_count(r), 0);
  ddl_result_free(r);
  r = lint_with("# Doc\n\n## A\n\n## B\n\nTODO\n", pack, false, NULL, "t/*");
  ck_assert_uint_eq(ddl_result_diag_count(r), 2);
  ddl_result_free(r);
}
END_TEST

/* Smoke test with the built-in packs: a tiny doc that plainly covers
 * security has no deep-dive/security error. */
START_TEST(test_rules_builtin_smoke) {
  static const char md[] =
      "# Payments ledger\n"
      "\n"
      "## Security\n"
      "\n"
      "Every request is authenticated with OAuth 2.0 access tokens issued by our identity\n"
      "provider, and authorization is enforced per tenant with role-based access control.\n"
      "All data is encrypted in transit with TLS 1.3 and at rest with AES-256 keys that the\n"
      "key management service rotates every 90 days. Secrets live in the vault, never in\n"
      "configuration files. The threat model covers spoofed clients, stolen tokens and\n"
      "insider access; audit logs record every privileged action and are retained for a year.\n";
  ddl_result *r = lint_str(md);
  const ddl_diag *d = find_diag(r, "deep-dive/security", 0);
  ck_assert_msg(!d || ddl_diag_severity(d) != DDL_SEV_ERROR, "deep-dive/security error: %s",
                ddl_diag_message(d));
  const ddl_coverage *c = find_area(r, "security");
  ck_assert_ptr_nonnull(c);
  ck_assert_int_ne(c->status, DDL_COVERAGE_MISSING);
  ck_assert_uint_eq(count_diags(r, "hygiene/placeholder", 0), 0);
  ddl_result_free(r);
  r = lint_str("# Doc\n\n## Plan\n\nTODO write this.\n");
  ck_assert_uint_ge(count_diags(r, "hygiene/placeholder", 5), 1);
  ddl_result_free(r);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rules");
  TCase *tc = tcase_create("area-coverage");
  tcase_add_test(tc, test_area_heading_covered);
  tcase_add_test(tc, test_area_heading_covered_by_subsections);
  tcase_add_test(tc, test_area_heading_thin_is_partial);
  tcase_add_test(tc, test_area_min_words_threshold);
  tcase_add_test(tc, test_area_heading_best_of_two);
  tcase_add_test(tc, test_area_prose_covered);
  tcase_add_test(tc, test_area_prose_low_density_is_partial);
  tcase_add_test(tc, test_area_prose_one_sentence_counts_once);
  tcase_add_test(tc, test_area_passing_mention);
  tcase_add_test(tc, test_area_below_partial_weight_is_missing);
  tcase_add_test(tc, test_area_missing_at_anchor);
  tcase_add_test(tc, test_area_empty_heading_is_missing_there);
  tcase_add_test(tc, test_area_missing_at_title);
  tcase_add_test(tc, test_area_missing_without_headings);
  tcase_add_test(tc, test_area_title_is_not_an_area_heading);
  tcase_add_test(tc, test_area_not_applicable_with_reason);
  tcase_add_test(tc, test_area_not_applicable_in_heading_with_reason);
  tcase_add_test(tc, test_area_not_applicable_without_reason);
  tcase_add_test(tc, test_area_not_applicable_heading_only);
  tcase_add_test(tc, test_area_content_beats_not_applicable);
  tcase_add_test(tc, test_area_severities);
  tcase_add_test(tc, test_area_coverage_entries);
  suite_add_tcase(s, tc);

  tc = tcase_create("topic-coverage");
  tcase_add_test(tc, test_topic_reported_when_area_covered);
  tcase_add_loop_test(tc, test_topic_cases, 0, (int)(sizeof(topic_cases) / sizeof(topic_cases[0])));
  tcase_add_test(tc, test_topic_without_area_rule);
  tcase_add_test(tc, test_topic_at_prose_home);
  suite_add_tcase(s, tc);

  tc = tcase_create("justification");
  tcase_add_loop_test(tc, test_just_cases, 0, (int)(sizeof(just_cases) / sizeof(just_cases[0])));
  tcase_add_test(tc, test_just_message_quotes_sentence);
  tcase_add_test(tc, test_just_message_table_row);
  tcase_add_test(tc, test_just_message_long_sentence);
  tcase_add_loop_test(tc, test_just_reason_scope, 0,
                      (int)(sizeof(scope_cases) / sizeof(scope_cases[0])));
  suite_add_tcase(s, tc);

  tc = tcase_create("placeholder");
  tcase_add_loop_test(tc, test_placeholder_cases, 0, (int)(sizeof(ph_cases) / sizeof(ph_cases[0])));
  tcase_add_test(tc, test_placeholder_message);
  tcase_add_test(tc, test_placeholder_pattern_list);
  tcase_add_test(tc, test_placeholder_html_like_prompt);
  suite_add_tcase(s, tc);

  tc = tcase_create("empty-section");
  tcase_add_loop_test(tc, test_empty_section_cases, 0,
                      (int)(sizeof(es_cases) / sizeof(es_cases[0])));
  tcase_add_test(tc, test_empty_section_message);
  tcase_add_test(tc, test_empty_section_no_ignore);
  suite_add_tcase(s, tc);

  tc = tcase_create("general");
  tcase_add_test(tc, test_rules_disabled_in_pack);
  tcase_add_test(tc, test_rules_builtin_smoke);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
