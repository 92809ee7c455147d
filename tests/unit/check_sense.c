/* Word sense and section roles: when a term is evidence of an area, and
 * when a sentence is a decision.  Proper names, sections that state
 * context, headings that name an area only in passing, generic words,
 * phrases that take a term's place, capitalised terms, design statements
 * that name nothing, and reasons given for another decision. */
#include "helpers.h"
#include "doc/model.h"
#include "doc/proper_name.h"

#include <stdio.h>
#include <string.h>

/* ---- proper names ----------------------------------------------------- */

static const struct {
  const char *md, *word;
  bool name;
} name_cases[] = {
    {"# D\n\nWe query the Performance Schema tables.\n", "Performance", true},
    {"# D\n\nRows go to the Memory Cache first.\n", "Memory", true},
    {"# D\n\nRows go to the Memory Cache first.\n", "Cache", false}, /* the head names it */
    {"# D\n\nSecurity Reviews happen yearly.\n", "Security", false},  /* opens the sentence */
    {"# D\n\nWe hand out API keys.\n", "API", false},                 /* an acronym */
    {"# D\n\nStorage: Cassandra Cluster nodes.\n", "Cassandra", false}, /* opens a clause */
    {"# D\n\n| a | b |\n|---|---|\n| Store | Redis Cluster |\n", "Redis", false}, /* a cell */
    {"# D\n\nThe GOV.UK Publishing API is called.\n", "Publishing", true},
    {"# D\n\nWe use caching with Redis.\n", "Redis", false}, /* no name after it */
};

START_TEST(test_proper_name) {
  const char *md = name_cases[_i].md, *word = name_cases[_i].word;
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_source src;
  ck_assert_int_eq(ddl_source_init(&src, ddl_ctx__errsink(ctx), "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  ddl_doc *doc = ddl_doc_build(&src);
  bool found = false;
  for (uint32_t bi = 0; bi < doc->nblocks && !found; bi++) {
    const ddl_block *b = &doc->blocks[bi];
    if (b->kind == DDL_BLOCK_HEADING || !b->text)
      continue;
    const char *at = strstr(b->text, word);
    if (!at)
      continue;
    uint32_t off = (uint32_t)(at - b->text), s = 0;
    while (s + 1 < b->nsents && b->sents[s].end <= off)
      s++;
    found = true;
    ck_assert_msg(ddl_in_proper_name(b, s, off) == name_cases[_i].name, "'%s' in %s: %s expected",
                  word, md, name_cases[_i].name ? "a name" : "no name");
  }
  ck_assert_msg(found, "'%s' not found in %s", word, md);
  ddl_doc_free(doc);
}
END_TEST

/* ---- area coverage ------------------------------------------------------ */

#define AREA_HEAD                                                                                  \
  "pack: t\n"                                                                                      \
  "rules:\n"                                                                                       \
  "  - id: t/security\n"                                                                           \
  "    kind: area-coverage\n"                                                                      \
  "    severity: error\n"                                                                          \
  "    area: security\n"                                                                           \
  "    heading: '\\bsecurity\\b'\n"                                                                \
  "    evidence:\n"                                                                                \
  "      - weight: 1.0\n"                                                                          \
  "        terms: ['encrypt*', 'access control', 'SSO']\n"                                         \
  "      - weight: 0.5\n"                                                                          \
  "        terms: ['token*', 'password*']\n"                                                       \
  "      - weight: 0\n"                                                                            \
  "        terms: ['access control list*']\n"                                                      \
  "    min-words: 10\n"                                                                            \
  "    covered-weight: 3\n"                                                                        \
  "    covered-density: 0.5\n"                                                                     \
  "    partial-weight: 1\n"

/* Twelve words without any evidence term. */
#define FILLER "The service keeps a small table of orders and ships them every night.\n"

static ddl_coverage_status status_with(const char *extra_keys, const char *md) {
  char pack[2048];
  snprintf(pack, sizeof(pack), "%s%s", AREA_HEAD, extra_keys);
  ddl_result *r = lint_with(md, pack, false, NULL, NULL);
  const ddl_coverage *c = find_area(r, "security");
  ck_assert_ptr_nonnull(c);
  ddl_coverage_status st = c->status;
  ddl_result_free(r);
  return st;
}

static const struct {
  const char *what, *keys, *md;
  ddl_coverage_status status;
} area_cases[] = {
    {"a heading names the area", "", "# D\n\n## Security\n\n" FILLER, DDL_COVERAGE_COVERED},
    {"a heading inside a context section does not",
     "    context-sections: '\\brequirements\\b'\n",
     "# D\n\n## Requirements\n\n### Security\n\n" FILLER, DDL_COVERAGE_MISSING},
    {"a long heading section that never speaks of the area does not",
     "    heading-evidence: 1\n", "# D\n\n## Security Schema\n\n" FILLER, DDL_COVERAGE_MISSING},
    {"... but one that does still covers it", "    heading-evidence: 1\n",
     "# D\n\n## Security\n\nWe encrypt orders at rest. " FILLER, DDL_COVERAGE_COVERED},
    {"... and a short one is thin, not absent", "    heading-evidence: 1\n",
     "# D\n\n## Security\n\nWe are careful here.\n", DDL_COVERAGE_PARTIAL},
    {"a term in a name counts", "", "# D\n\n## Notes\n\nOrders go through the Encryption Toolkit.\n",
     DDL_COVERAGE_PARTIAL},
    {"... unless name-weight says otherwise", "    name-weight: 0\n",
     "# D\n\n## Notes\n\nOrders go through the Encryption Toolkit.\n", DDL_COVERAGE_MISSING},
    {"the head of a name is what it is", "    name-weight: 0\n",
     "# D\n\n## Notes\n\nOrders go through Order Encryption.\n", DDL_COVERAGE_PARTIAL},
    {"generic words add up", "", "# D\n\n## Notes\n\nThe token and the password are kept.\n",
     DDL_COVERAGE_PARTIAL},
    {"... unless generic-weight says otherwise", "    generic-weight: 0\n",
     "# D\n\n## Notes\n\nThe token and the password are kept.\n", DDL_COVERAGE_MISSING},
    {"a weight-0 phrase takes its term's place", "",
     "# D\n\n## Notes\n\nWe keep an access control list.\n", DDL_COVERAGE_MISSING},
    {"... the term alone still counts", "", "# D\n\n## Notes\n\nWe rely on access control.\n",
     DDL_COVERAGE_PARTIAL},
    {"a capitalised term matches its spelling", "", "# D\n\n## Notes\n\nUsers log in with SSO.\n",
     DDL_COVERAGE_PARTIAL},
    {"... and not the word in lower case", "", "# D\n\n## Notes\n\nIt is so much sso.\n",
     DDL_COVERAGE_MISSING},
    {"evidence in context counts context-weight",
     "    context-sections: '\\bbackground\\b'\n    context-weight: 0\n",
     "# D\n\n## Background\n\nWe encrypt everything.\n", DDL_COVERAGE_MISSING},
    {"... and in full by default", "    context-sections: '\\bbackground\\b'\n",
     "# D\n\n## Background\n\nWe encrypt everything.\n", DDL_COVERAGE_PARTIAL},
};

START_TEST(test_area_sense) {
  ddl_coverage_status got = status_with(area_cases[_i].keys, area_cases[_i].md);
  ck_assert_msg(got == area_cases[_i].status, "%s: %s, expected %s", area_cases[_i].what,
                ddl_coverage_status_name(got), ddl_coverage_status_name(area_cases[_i].status));
}
END_TEST

/* ---- decisions and their reasons --------------------------------------- */

static const char just_pack[] =
    "pack: t\n"
    "rules:\n"
    "  - id: t/area\n"
    "    kind: area-coverage\n"
    "    area: data\n"
    "    heading: '\\bdata\\b'\n"
    "    evidence: ['table*', 'queue*']\n"
    "  - id: t/why\n"
    "    kind: justification\n"
    "    severity: warning\n"
    "    reason-scope: paragraph\n"
    "    decision: '\\bwe use\\b'\n"
    "    statement:\n"
    "      - '^\\W*(?:do|fetch|read)\\s+\\S'\n"
    "      - '\\bis\\s+(?:partitioned|sharded)\\b'\n"
    "    reason: '\\bbecause\\b|\\bwhich\\s+lets\\b'\n";

static const struct {
  const char *what, *md;
  size_t flags;
} just_cases[] = {
    {"a statement that names nothing is no decision", "# D\n\nDo basic validation.\n", 0},
    {"... one naming a lexicon term is", "# D\n\nFetch rows from the orders table.\n", 1},
    {"... or inline code", "# D\n\nFetch rows from `orders`.\n", 1},
    {"... or a capitalised name", "# D\n\nRead rows from Postgres.\n", 1},
    {"a stated decision needs no name", "# D\n\nWe use it everywhere.\n", 1},
    {"a later decision's reason covers an earlier one on the same topic",
     "# D\n\nThe table is partitioned at two levels. Within a cluster, the table is partitioned "
     "by month, which lets us drop old rows.\n",
     0},
    {"... and not one on another topic",
     "# D\n\nThe table is partitioned at two levels. The queue is sharded daily, which lets us "
     "drop old rows.\n",
     1},
};

START_TEST(test_just_sense) {
  ddl_result *r = lint_with(just_cases[_i].md, just_pack, false, NULL, NULL);
  size_t n = count_diags(r, "t/why", 0);
  if (n != just_cases[_i].flags)
    dump_result(r);
  ck_assert_msg(n == just_cases[_i].flags, "%s: %zu flags, expected %zu", just_cases[_i].what, n,
                just_cases[_i].flags);
  ddl_result_free(r);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sense");
  TCase *tc = tcase_create("names");
  tcase_add_loop_test(tc, test_proper_name, 0, DDL_ARRAY_LEN(name_cases));
  suite_add_tcase(s, tc);
  tc = tcase_create("coverage");
  tcase_add_loop_test(tc, test_area_sense, 0, DDL_ARRAY_LEN(area_cases));
  suite_add_tcase(s, tc);
  tc = tcase_create("justification");
  tcase_add_loop_test(tc, test_just_sense, 0, DDL_ARRAY_LEN(just_cases));
  suite_add_tcase(s, tc);
  return run_suite(s);
}
