/* Rule packs: the loader's error reports (code, path, 1-based line and
 * column, message) for every kind of malformed pack, valid minimal packs
 * of each kind, and how several packs combine (replacement by name,
 * duplicate ids across packs, directories of packs). */
#include "helpers.h"
#include "rules/pack.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Temporary directories ------------------------------------------ */

/* ---- Malformed packs -------------------------------------------------- */

typedef struct {
  const char *name;
  const char *yaml;
  unsigned line, column; /* expected position; 0 means "unknown" (file-level) */
  const char *message;   /* substring of the message */
} pack_error_case;

#define RULE_HEAD "pack: t\nrules:\n"

static const pack_error_case error_cases[] = {
    /* YAML syntax: the position of the problem libyaml reports. */
    {"yaml: mapping value in a plain scalar", "pack: t\nrules: a: b\n", 2, 9, "invalid YAML"},
    {"yaml: tab indentation", "pack: t\n\tfoo: 1\n", 2, 1, "invalid YAML"},
    {"yaml: unclosed flow sequence", "pack: t\nrules: [a, b\n", 3, 1, "invalid YAML"},
    {"yaml: unclosed single quote", "pack: t\ndescription: 'abc\n", 3, 1, "invalid YAML"},
    /* File-level shape. */
    {"empty file", "", 0, 0, "empty"},
    {"only a comment", "# nothing here\n", 0, 0, "empty"},
    {"top level is a list", "- a\n- b\n", 1, 1, "mapping"},
    {"top level is a scalar", "just text\n", 1, 1, "mapping"},
    {"unknown top-level key", "pack: t\nrule: []\n", 2, 1, "unknown key 'rule'"},
    {"unknown top-level key after rules",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n"
               "    pattern: x\nextra: 1\n",
     6, 1, "unknown key 'extra'"},
    {"top-level key twice", "pack: t\npack: u\nrules: []\n", 2, 1, "twice"},
    {"missing pack", "rules: []\n", 1, 1, "'pack:'"},
    {"pack is a list", "pack: [a]\nrules: []\n", 1, 7, "'pack' must be a string"},
    {"missing rules", "pack: t\n", 1, 1, "'rules:' list"},
    {"rules is a scalar", "pack: t\nrules: 3\n", 2, 8, "'rules:' list"},
    {"rules is a mapping", "pack: t\nrules:\n  a: b\n", 3, 3, "'rules:' list"},
    {"description is a list", "pack: t\ndescription: [a]\nrules: []\n", 2, 14, "must be a string"},
    /* Rules. */
    {"rule is a scalar", RULE_HEAD "  - just-a-string\n", 3, 5, "must be a mapping"},
    {"rule is a list", RULE_HEAD "  - [a, b]\n", 3, 5, "must be a mapping"},
    {"rule without id", RULE_HEAD "  - kind: placeholder\n    pattern: x\n", 3, 5, "no 'id'"},
    {"id is a list", RULE_HEAD "  - id: [a]\n    kind: placeholder\n    pattern: x\n", 3, 9,
     "'id' must be a string"},
    {"id in uppercase", RULE_HEAD "  - id: Team/Rule\n    kind: placeholder\n    pattern: x\n", 3,
     9, "invalid rule id 'Team/Rule'"},
    {"id with a space", RULE_HEAD "  - id: team rule\n    kind: placeholder\n    pattern: x\n", 3,
     9, "invalid rule id 'team rule'"},
    {"empty id", RULE_HEAD "  - id: ''\n    kind: placeholder\n    pattern: x\n", 3, 9,
     "invalid rule id"},
    {"rule without kind", RULE_HEAD "  - id: t/a\n    pattern: x\n", 3, 5, "no 'kind'"},
    {"unknown kind", RULE_HEAD "  - id: t/a\n    kind: bogus\n    pattern: x\n", 4, 11,
     "unknown rule kind 'bogus'"},
    {"unknown key in a rule",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: x\n"
               "    patern: y\n",
     6, 5, "unknown key 'patern'"},
    {"key of another kind",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: x\n"
               "    ignore-heading: y\n",
     6, 5, "unknown key 'ignore-heading'"},
    {"area key on a justification rule",
     RULE_HEAD "  - id: t/a\n    kind: justification\n    decision: x\n    reason: y\n"
               "    area: security\n",
     7, 5, "unknown key 'area'"},
    {"key twice in a rule",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: x\n"
               "    pattern: y\n",
     6, 5, "twice"},
    {"bad severity",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    severity: fatal\n"
               "    pattern: x\n",
     5, 15, "'severity' must be error, warning or note"},
    {"enabled not a bool",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    enabled: maybe\n"
               "    pattern: x\n",
     5, 14, "'enabled' must be true or false"},
    {"summary is a mapping",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    summary: {a: b}\n"
               "    pattern: x\n",
     5, 14, "must be a string"},
    {"missing required key", RULE_HEAD "  - id: t/a\n    kind: placeholder\n", 3, 5,
     "needs the key 'pattern'"},
    {"justification without reason",
     RULE_HEAD "  - id: t/a\n    kind: justification\n"
               "    decision: x\n",
     3, 5, "needs the key 'reason'"},
    {"area-coverage without heading",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n"
               "    area: security\n",
     3, 5, "needs the key 'heading'"},
    {"topic-coverage without terms",
     RULE_HEAD "  - id: t/a\n    kind: topic-coverage\n"
               "    area: security\n    topic: authn\n",
     3, 5, "needs the key 'terms'"},
    {"bad reason-scope",
     RULE_HEAD "  - id: t/a\n    kind: justification\n    decision: x\n"
               "    reason: y\n    reason-scope: chapter\n",
     7, 19, "'reason-scope' must be sentence, neighbours or paragraph"},
    {"negative min-words",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n"
               "    heading: s\n    min-words: -3\n",
     7, 16, "'min-words' must not be negative"},
    {"min-words not a number",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n"
               "    heading: s\n    min-words: many\n",
     7, 16, "'min-words' must be a number"},
    {"bad partial-severity",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n"
               "    heading: s\n    partial-severity: high\n",
     7, 23, "'partial-severity'"},
    /* Regular expressions: the column is that of the offending character. */
    {"regex: unclosed group (single-quoted)",
     RULE_HEAD "  - id: t/a\n    kind: justification\n    decision: '(unclosed'\n    reason: y\n",
     5, 25, "invalid regular expression"},
    {"regex: unmatched ) (single-quoted)",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: 'a)b'\n", 5, 16,
     "unmatched closing parenthesis"},
    {"regex: unmatched ) (plain scalar)",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: a)b\n", 5, 15,
     "unmatched closing parenthesis"},
    {"regex: unmatched ) (double-quoted)",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: \"ab)c\"\n", 5, 17,
     "unmatched closing parenthesis"},
    {"regex: bad range in a class",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n"
               "    pattern: 'ab[z-a]cd'\n",
     5, 20, "range out of order"},
    {"regex: second item of a list",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: ['ok', 'x)y']\n", 5, 23,
     "unmatched closing parenthesis"},
    {"regex: item of a block list",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern:\n      - 'fine'\n      - '(x'\n",
     7, 12, "missing closing parenthesis"},
    /* A doubled '' inside a single-quoted scalar is one character of the
     * pattern but two of the file: the column must still land on the ')'. */
    {"regex: after an escaped quote",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: 'don''t)x'\n", 5, 21,
     "unmatched closing parenthesis"},
    {"regex: after an escaped backslash (double-quoted)",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: \"\\\\d)x\"\n", 5, 18,
     "unmatched closing parenthesis"},
    {"regex: in defaults",
     "pack: t\ndefaults:\n  placeholder:\n    pattern: 'a)b'\nrules:\n"
     "  - id: t/a\n    kind: placeholder\n",
     4, 16, "unmatched closing parenthesis"},
    {"regex: anchor of area-coverage",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    anchor: 'design)'\n",
     7, 20, "invalid regular expression"},
    {"pattern is a mapping", RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: {a: b}\n",
     5, 14, "must be a string or a list of strings"},
    /* Terms. */
    {"term with a regex bar",
     RULE_HEAD "  - id: t/a\n    kind: topic-coverage\n    area: s\n"
               "    topic: t\n    terms: ['ok', 'a|b']\n",
     7, 19, "invalid term 'a|b'"},
    {"term with a leading star",
     RULE_HEAD "  - id: t/a\n    kind: topic-coverage\n    area: s\n"
               "    topic: t\n    terms: ['*ing']\n",
     7, 13, "invalid term"},
    {"term with a star inside a word",
     RULE_HEAD "  - id: t/a\n    kind: topic-coverage\n    area: s\n    topic: t\n"
               "    terms: ['ab*cd']\n",
     7, 13, "invalid term"},
    {"term group without weight",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - terms: [alpha]\n",
     8, 9, "needs 'weight' and 'terms'"},
    {"term group without terms",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - weight: 1\n",
     8, 9, "needs 'weight' and 'terms'"},
    {"term group with an unknown key",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - weight: 1\n        terms: [a]\n        wieght: 2\n",
     10, 9, "unknown key 'wieght'"},
    {"weight negative",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - weight: -1\n        terms: [alpha]\n",
     8, 17, "'weight'"},
    {"weight above 100",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - weight: 101\n        terms: [alpha]\n",
     8, 17, "between 0 and 100"},
    {"weight not a number",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n    heading: s\n"
               "    evidence:\n      - weight: heavy\n        terms: [alpha]\n",
     8, 17, "'weight' must be a number"},
    {"evidence is a scalar",
     RULE_HEAD "  - id: t/a\n    kind: area-coverage\n    area: s\n"
               "    heading: s\n    evidence: alpha\n",
     7, 15, "'evidence' must be a list"},
    /* Duplicate ids. */
    {"rule id twice in one pack",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: x\n"
               "  - id: t/a\n    kind: placeholder\n    pattern: y\n",
     6, 5, "'t/a' is defined twice"},
    /* defaults. */
    {"defaults with an unknown kind", "pack: t\ndefaults:\n  bogus:\n    pattern: x\nrules: []\n",
     3, 3, "unknown rule kind 'bogus' in 'defaults'"},
    {"defaults with an unknown key",
     "pack: t\ndefaults:\n  placeholder:\n    patern: x\nrules: []\n", 4, 5,
     "unknown key 'patern'"},
    {"defaults not a mapping", "pack: t\ndefaults: [a]\nrules: []\n", 2, 11, "'defaults'"},
    {"defaults of a kind not a mapping", "pack: t\ndefaults:\n  placeholder: x\nrules: []\n", 3, 16,
     "must be a mapping"},
    /* Did you mean. */
    {"misspelt rule key",
     RULE_HEAD "  - id: t/a\n    kind: placeholder\n    pattern: x\n    severty: error\n", 6, 5,
     "unknown key 'severty' in rule 't/a' (kind placeholder); did you mean 'severity'?"},
    {"misspelt kind key", RULE_HEAD "  - id: t/a\n    kind: placeholder\n    patern: x\n", 5, 5,
     "did you mean 'pattern'?"},
    {"misspelt pack key", "pack: t\nrulez: []\n", 2, 1,
     "unknown key 'rulez' in a rule pack; did you mean 'rules'?"},
    {"misspelt kind", RULE_HEAD "  - id: t/a\n    kind: placeholdr\n    pattern: x\n", 4, 11,
     "unknown rule kind 'placeholdr'; did you mean 'placeholder'?"},
    {"misspelt kind in defaults", "pack: t\ndefaults:\n  justfication: {}\nrules: []\n", 3, 3,
     "unknown rule kind 'justfication' in 'defaults'; did you mean 'justification'?"},
    /* Bounded YAML. */
    {"second document", "pack: t\nrules: []\n---\npack: u\nrules: []\n", 3, 1,
     "a second YAML document starts here; ddlint reads one document per file"},
    {"alias cycle", "pack: t\ndefaults: &d\n  placeholder: *d\nrules: []\n", 3, 16,
     "YAML alias '*d' is inside the node it repeats; ddlint refuses recursive YAML"},
    {"alias without anchor", "pack: t\nrules: *r\n", 2, 8, "alias '*r' has no anchor before it"},
    {"anchor twice", "pack: &p t\ndescription: &p d\nrules: []\n", 2, 14,
     "anchor '&p' is defined twice (first at line 1)"},
    {"control character", "pack: t\ndescription: \"caf\x07\"\nrules: []\n", 2, 18,
     "invalid YAML: control characters are not allowed"},
    {"invalid UTF-8", "pack: t\nrules: []\n# \xC3\x28\n", 3, 4,
     "invalid YAML: invalid trailing UTF-8 octet (0x28)"},
};

START_TEST(test_pack_error) {
  const pack_error_case *c = &error_cases[_i];
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  int rc = ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", c->yaml, strlen(c->yaml));
  const ddl_error *e = ddl_ctx_error(ctx);
  if (rc == DDL_OK)
    ddl_pack_free(pack);
  ck_assert_msg(rc == DDL_EPACK, "%s: expected DDL_EPACK, got %d", c->name, rc);
  ck_assert_msg(e->code == DDL_EPACK, "%s: error code %d", c->name, e->code);
  ck_assert_msg(e->path && strcmp(e->path, "p.yaml") == 0, "%s: path '%s'", c->name,
                e->path ? e->path : "(null)");
  ck_assert_msg(e->line == c->line && e->column == c->column,
                "%s: error at %u:%u, expected %u:%u (%s)", c->name, e->line, e->column, c->line,
                c->column, e->message);
  ck_assert_msg(e->message && strstr(e->message, c->message), "%s: message '%s' lacks '%s'",
                c->name, e->message ? e->message : "(null)", c->message);
  ddl_ctx_free(ctx);
}
END_TEST

/* ---- Valid packs ------------------------------------------------------ */

typedef struct {
  const char *kind;
  const char *yaml;
} valid_case;

static const valid_case valid_cases[] = {
    {"area-coverage", RULE_HEAD "  - id: t/sec\n    kind: area-coverage\n    area: security\n"
                                "    heading: '\\bsecurity\\b'\n"},
    {"topic-coverage", RULE_HEAD "  - id: t/authn\n    kind: topic-coverage\n    area: security\n"
                                 "    topic: authentication\n    terms: [authenticat*]\n"},
    {"justification", RULE_HEAD "  - id: t/why\n    kind: justification\n"
                                "    decision: '\\bwe use\\b'\n    reason: '\\bbecause\\b'\n"},
    {"placeholder", RULE_HEAD "  - id: t/todo\n    kind: placeholder\n    pattern: '(?-i)TODO'\n"},
    {"empty-section", RULE_HEAD "  - id: t/empty\n    kind: empty-section\n"},
};

START_TEST(test_pack_valid_minimal) {
  const valid_case *c = &valid_cases[_i];
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  int rc = ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", c->yaml, strlen(c->yaml));
  ck_assert_msg(rc == DDL_OK, "%s: %s:%u:%u: %s", c->kind, ddl_ctx_error(ctx)->path,
                ddl_ctx_error(ctx)->line, ddl_ctx_error(ctx)->column, ddl_ctx_error(ctx)->message);
  ck_assert_str_eq(pack->name, "t");
  ck_assert_uint_eq(pack->nrules, 1);
  const ddl_rule *r = pack->rules[0];
  ck_assert_str_eq(ddl_rule_kind_name(r), c->kind);
  ck_assert_str_eq(ddl_rule_pack(r), "t");
  ck_assert_msg(r->enabled, "rules are enabled by default");
  ck_assert_int_eq(r->severity, DDL_SEV_WARNING);
  ck_assert_uint_eq(r->line, 3);
  ck_assert_uint_eq(r->column, 5);
  /* Optional text fields default to "". */
  ck_assert_str_eq(ddl_rule_summary(r), "");
  ck_assert_str_eq(ddl_rule_explain(r), "");
  ck_assert_str_eq(ddl_rule_example(r), "");
  ddl_pack_free(pack);
  ddl_ctx_free(ctx);
}
END_TEST

START_TEST(test_pack_all_fields) {
  static const char yaml[] = "pack: full\n"
                             "description: A pack with everything.\n"
                             "defaults:\n"
                             "  placeholder:\n"
                             "    pattern: 'XYZZY'\n"
                             "rules:\n"
                             "  - id: full/a-1.b_c\n"
                             "    kind: placeholder\n"
                             "    severity: error\n"
                             "    enabled: false\n"
                             "    summary: One line.\n"
                             "    explain: Some text.\n"
                             "    example: |\n"
                             "      # Doc\n"
                             "  - id: full/b\n"
                             "    kind: placeholder\n"
                             "    severity: note\n"
                             "    enabled: yes\n"
                             "    pattern: ['A1', 'B2']\n"
                             "  - id: full/c\n"
                             "    kind: empty-section\n"
                             "    enabled: off\n";
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  int rc = ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml));
  ck_assert_msg(rc == DDL_OK, "%s", ddl_ctx_error(ctx)->message);
  ck_assert_str_eq(pack->name, "full");
  ck_assert_str_eq(pack->description, "A pack with everything.");
  ck_assert_uint_eq(pack->nrules, 3);
  ck_assert_str_eq(ddl_rule_id(pack->rules[0]), "full/a-1.b_c");
  ck_assert_int_eq(pack->rules[0]->severity, DDL_SEV_ERROR);
  ck_assert(!pack->rules[0]->enabled);
  ck_assert_str_eq(ddl_rule_summary(pack->rules[0]), "One line.");
  ck_assert_str_eq(ddl_rule_explain(pack->rules[0]), "Some text.");
  ck_assert_str_eq(ddl_rule_example(pack->rules[0]), "# Doc\n");
  ck_assert_int_eq(pack->rules[1]->severity, DDL_SEV_NOTE);
  ck_assert(pack->rules[1]->enabled);
  ck_assert(!pack->rules[2]->enabled);
  ck_assert_uint_eq(pack->rules[1]->line, 15);
  ddl_pack_free(pack);
  ddl_ctx_free(ctx);
}
END_TEST

START_TEST(test_pack_empty_rules_list) {
  static const char yaml[] = "pack: nothing\nrules: []\n";
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  ck_assert_int_eq(ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml)), DDL_OK);
  ck_assert_uint_eq(pack->nrules, 0);
  ddl_pack_free(pack);
  ddl_ctx_free(ctx);
}
END_TEST

/* A key in defaults.KIND applies to every rule of that kind unless the
 * rule sets it itself. */
START_TEST(test_pack_defaults_apply) {
  static const char yaml[] = "pack: d\n"
                             "defaults:\n"
                             "  placeholder:\n"
                             "    pattern: 'AAA'\n"
                             "rules:\n"
                             "  - id: d/default\n"
                             "    kind: placeholder\n"
                             "  - id: d/own\n"
                             "    kind: placeholder\n"
                             "    pattern: 'BBB'\n";
  ddl_result *r = lint_with("# Doc\n\nAAA and BBB.\n", yaml, false, NULL, NULL);
  ck_assert_uint_eq(count_diags(r, "d/default", 3), 1);
  ck_assert_uint_eq(count_diags(r, "d/own", 3), 1);
  ck_assert_uint_eq(ddl_diag_column(find_diag(r, "d/default", 3)), 1);
  ck_assert_uint_eq(ddl_diag_column(find_diag(r, "d/own", 3)), 9);
  ck_assert_uint_eq(count_diags(r, NULL, 0), 2);
  ddl_result_free(r);
}
END_TEST

/* ---- Combining packs through the public API --------------------------- */

static const char pack_one[] = "pack: one\nrules:\n"
                               "  - id: shared/rule\n    kind: placeholder\n    pattern: 'AAA'\n";
static const char pack_two[] = "pack: two\nrules:\n"
                               "  - id: two/own\n    kind: placeholder\n    pattern: 'CCC'\n"
                               "  - id: shared/rule\n    kind: placeholder\n    pattern: 'BBB'\n";

START_TEST(test_pack_same_id_in_two_packs) {
  char *dir = make_dir();
  put(dir, "one.yaml", pack_one);
  put(dir, "two.yaml", pack_two);
  char one[1024], two[1024];
  snprintf(one, sizeof(one), "%s/one.yaml", dir);
  snprintf(two, sizeof(two), "%s/two.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, one);
  ddl_ctx_add_rules(ctx, two);
  ddl_result *res = NULL;
  int rc = ddl_lint_buffer(&res, ctx, "doc.md", "# Doc\n", 6);
  ck_assert_int_eq(rc, DDL_EPACK);
  ck_assert_ptr_null(res);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EPACK);
  ck_assert_str_eq(e->path, two);
  ck_assert_uint_eq(e->line, 6);
  ck_assert_uint_eq(e->column, 5);
  ck_assert_ptr_nonnull(strstr(e->message, "shared/rule"));
  ck_assert_ptr_nonnull(strstr(e->message, "'one'"));
  /* The ruleset accessor reports the same problem. */
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_EPACK);
  ck_assert_str_eq(ddl_ctx_error(ctx)->path, two);
  ck_assert_uint_eq(ddl_ctx_error(ctx)->line, 6);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_pack_same_name_replaces) {
  static const char old_pack[] = "pack: mine\nrules:\n"
                                 "  - id: mine/old\n    kind: placeholder\n    pattern: 'AAA'\n"
                                 "  - id: mine/both\n    kind: placeholder\n    pattern: 'BBB'\n";
  static const char new_pack[] = "pack: mine\nrules:\n"
                                 "  - id: mine/both\n    kind: placeholder\n    pattern: 'CCC'\n"
                                 "  - id: mine/new\n    kind: placeholder\n    pattern: 'DDD'\n";
  char *dir = make_dir();
  put(dir, "old.yaml", old_pack);
  put(dir, "new.yaml", new_pack);
  char p1[1024], p2[1024];
  snprintf(p1, sizeof(p1), "%s/old.yaml", dir);
  snprintf(p2, sizeof(p2), "%s/new.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, p1);
  ddl_ctx_add_rules(ctx, p2);
  const ddl_ruleset *rs = NULL;
  int rc = ddl_ctx_ruleset(&rs, ctx, "doc.md");
  ck_assert_msg(rc == DDL_OK, "%s", ddl_ctx_error(ctx)->message);
  ck_assert_uint_eq(ddl_ruleset_count(rs), 2 + ENGINE_RULES);
  ck_assert_int_eq(ddl_ruleset_find(rs, "mine/old"), -1);
  ck_assert_int_ge(ddl_ruleset_find(rs, "mine/both"), 0);
  ck_assert_int_ge(ddl_ruleset_find(rs, "mine/new"), 0);
  static const char doc[] = "# Doc\n\nAAA BBB CCC DDD\n";
  ddl_result *res = NULL;
  rc = ddl_lint_buffer(&res, ctx, "doc.md", doc, strlen(doc));
  ck_assert_int_eq(rc, DDL_OK);
  ck_assert_uint_eq(count_diags(res, NULL, 0), 2);
  ck_assert_uint_eq(ddl_diag_column(find_diag(res, "mine/both", 3)), 9); /* CCC, not BBB */
  ck_assert_uint_eq(ddl_diag_column(find_diag(res, "mine/new", 3)), 13);
  ddl_result_free(res);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A pack named like a built-in one replaces it. */
START_TEST(test_pack_replaces_builtin) {
  static const char mine[] = "pack: hygiene\nrules:\n"
                             "  - id: hygiene/mine\n    kind: placeholder\n    pattern: 'QQQ'\n";
  char *dir = make_dir();
  put(dir, "hygiene.yaml", mine);
  char p[1024];
  snprintf(p, sizeof(p), "%s/hygiene.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_add_rules(ctx, p);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_OK);
  ck_assert_int_eq(ddl_ruleset_find(rs, "hygiene/placeholder"), -1);
  ck_assert_int_eq(ddl_ruleset_find(rs, "hygiene/empty-section"), -1);
  ck_assert_int_ge(ddl_ruleset_find(rs, "hygiene/mine"), 0);
  ck_assert_int_ge(ddl_ruleset_find(rs, "deep-dive/security"), 0);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_pack_directory_sorted) {
  char *dir = make_dir();
  /* Written in reverse order so that directory order is unlikely to be
   * sorted by accident. */
  put(dir, "notes.txt", "not: a pack\n");
  put(dir, ".hidden.yaml", "this is: [not loaded\n");
  put(dir, "c.yaml",
             "pack: c\nrules:\n"
             "  - id: c/r\n    kind: placeholder\n    pattern: 'CCC'\n");
  put(dir, "b.yml",
             "pack: p\nrules:\n"
             "  - id: p/second\n    kind: placeholder\n    pattern: 'BBB'\n");
  put(dir, "a.yaml",
             "pack: p\nrules:\n"
             "  - id: p/first\n    kind: placeholder\n    pattern: 'AAA'\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, dir);
  const ddl_ruleset *rs = NULL;
  int rc = ddl_ctx_ruleset(&rs, ctx, "doc.md");
  ck_assert_msg(rc == DDL_OK, "%s: %s", ddl_ctx_error(ctx)->path, ddl_ctx_error(ctx)->message);
  /* a.yaml then b.yml (which replaces pack p) then c.yaml. */
  ck_assert_uint_eq(ddl_ruleset_count(rs), 2 + ENGINE_RULES);
  ck_assert_str_eq(ddl_rule_id(ddl_ruleset_rule(rs, 0)), "p/second");
  ck_assert_str_eq(ddl_rule_id(ddl_ruleset_rule(rs, 1)), "c/r");
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_pack_directory_all_loaded) {
  char *dir = make_dir();
  put(dir, "z.yaml",
             "pack: z\nrules:\n"
             "  - id: z/r\n    kind: placeholder\n    pattern: 'ZZZ'\n");
  put(dir, "m.yml",
             "pack: m\nrules:\n"
             "  - id: m/r\n    kind: placeholder\n    pattern: 'MMM'\n");
  put(dir, "a.yaml",
             "pack: a\nrules:\n"
             "  - id: a/r\n    kind: placeholder\n    pattern: 'AAA'\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, dir);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_OK);
  ck_assert_uint_eq(ddl_ruleset_count(rs), 3 + ENGINE_RULES);
  ck_assert_str_eq(ddl_rule_id(ddl_ruleset_rule(rs, 0)), "a/r");
  ck_assert_str_eq(ddl_rule_id(ddl_ruleset_rule(rs, 1)), "m/r");
  ck_assert_str_eq(ddl_rule_id(ddl_ruleset_rule(rs, 2)), "z/r");
  ddl_result *res = NULL;
  static const char doc[] = "# D\n\nZZZ MMM AAA\n";
  ck_assert_int_eq(ddl_lint_buffer(&res, ctx, "doc.md", doc, strlen(doc)), DDL_OK);
  ck_assert_uint_eq(count_diags(res, NULL, 3), 3);
  ddl_result_free(res);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* An error in one pack of a directory names that file. */
START_TEST(test_pack_directory_error_names_file) {
  char *dir = make_dir();
  put(dir, "a.yaml",
             "pack: a\nrules:\n"
             "  - id: a/r\n    kind: placeholder\n    pattern: 'AAA'\n");
  put(dir, "b.yaml", "pack: b\nrules:\n  - id: b/r\n    kind: nope\n");
  char bad[1024];
  snprintf(bad, sizeof(bad), "%s/b.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, dir);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, bad);
  ck_assert_uint_eq(e->line, 4);
  ck_assert_uint_eq(e->column, 11);
  ck_assert_ptr_nonnull(strstr(e->message, "unknown rule kind 'nope'"));
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_pack_directory_without_packs) {
  char *dir = make_dir();
  put(dir, "readme.md", "# Not a pack\n");
  put(dir, "pack.yaml.bak", "pack: x\nrules: []\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, dir);
  int rc = ddl_ctx_prepare(ctx);
  ck_assert_int_eq(rc, DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EPACK);
  ck_assert_str_eq(e->path, dir);
  ck_assert_ptr_nonnull(strstr(e->message, "no rule packs"));
  /* Also with the built-in packs: an empty --rules directory is a mistake. */
  ddl_ctx_free(ctx);
  ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_add_rules(ctx, dir);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_pack_nonexistent_path) {
  char *dir = make_dir();
  char missing[1024];
  snprintf(missing, sizeof(missing), "%s/no-such-pack.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_add_rules(ctx, missing);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EPACK);
  ck_assert_str_eq(e->path, missing);
  ck_assert_ptr_nonnull(e->message);
  ck_assert_msg(strlen(e->message) > 0, "empty message");
  /* Linting fails the same way. */
  ddl_result *res = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&res, ctx, "doc.md", "# D\n", 4), DDL_EPACK);
  ck_assert_ptr_null(res);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A file-level error through the public API carries the file's path. */
START_TEST(test_pack_error_via_api) {
  char *dir = make_dir();
  put(dir, "bad.yaml",
             "pack: t\nrules:\n  - id: t/a\n    kind: placeholder\n"
             "    severity: loud\n    pattern: x\n");
  char p[1024];
  snprintf(p, sizeof(p), "%s/bad.yaml", dir);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, p);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, p);
  ck_assert_uint_eq(e->line, 5);
  ck_assert_uint_eq(e->column, 15);
  ck_assert_ptr_nonnull(strstr(e->message, "severity"));
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* The built-in packs load and define the rules the README documents. */
START_TEST(test_pack_builtin_smoke) {
  static const char *const ids[] = {"deep-dive/justification", "deep-dive/security",
                                    "deep-dive/components", "hygiene/placeholder",
                                    "hygiene/empty-section"};
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  int rc = ddl_ctx_prepare(ctx);
  ck_assert_msg(rc == DDL_OK, "built-in packs: %s:%u:%u: %s", ddl_ctx_error(ctx)->path,
                ddl_ctx_error(ctx)->line, ddl_ctx_error(ctx)->column, ddl_ctx_error(ctx)->message);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_OK);
  for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
    long k = ddl_ruleset_find(rs, ids[i]);
    ck_assert_msg(k >= 0, "built-in rule %s is missing", ids[i]);
    ck_assert_msg(*ddl_rule_summary(ddl_ruleset_rule(rs, (size_t)k)), "%s has no summary", ids[i]);
  }
  ck_assert_str_eq(
      ddl_rule_kind_name(ddl_ruleset_rule(rs, (size_t)ddl_ruleset_find(rs, "deep-dive/security"))),
      "area-coverage");
  ck_assert_str_eq(
      ddl_rule_kind_name(ddl_ruleset_rule(rs, (size_t)ddl_ruleset_find(rs, "hygiene/placeholder"))),
      "placeholder");
  ck_assert_str_eq(
      ddl_rule_pack(ddl_ruleset_rule(rs, (size_t)ddl_ruleset_find(rs, "hygiene/placeholder"))),
      "hygiene");
  ddl_ctx_free(ctx);
}
END_TEST

/* A pack of N placeholder rules; rule i starts on line 3 + 3 i.  With
 * DUP, the last rule repeats the id of the first. */
static char *many_rules(const char *name, size_t n, bool dup) {
  size_t cap = 64 + n * 80;
  char *s = malloc(cap);
  size_t len = (size_t)snprintf(s, cap, "pack: %s\nrules:\n", name);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(s + len, cap - len,
                            "  - id: %s/r%zu\n    kind: placeholder\n    pattern: X%zuX\n", name,
                            dup && i == n - 1 ? (size_t)0 : i, i);
  return s;
}

/* Duplicate ids are found through a hash set: a pack of 40,000 rules took
 * 45 s when each id was compared with every earlier one. */
START_TEST(test_pack_many_rules) {
  size_t n = 10000;
  char *yaml = many_rules("many", n, false);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  ck_assert_int_eq(ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml)), DDL_OK);
  ck_assert_uint_eq(pack->nrules, n);
  ddl_pack_free(pack);
  free(yaml);
  yaml = many_rules("many", n, true);
  ck_assert_int_eq(ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml)), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_uint_eq(e->line, 3 + 3 * (unsigned)(n - 1));
  ck_assert_uint_eq(e->column, 5);
  ck_assert_str_eq(e->message, "rule 'many/r0' is defined twice in this pack (first at line 3)");
  free(yaml);
  ddl_ctx_free(ctx);
}
END_TEST

/* Across packs too, and the ruleset finds each id by hash. */
START_TEST(test_pack_many_rules_two_packs) {
  size_t n = 5000;
  char *dir = make_dir();
  char *a = many_rules("a", n, false), *b = many_rules("b", n, false);
  path_t pa = put(dir, "a.yaml", a);
  path_t pb = put(dir, "b.yaml", b);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pa.buf);
  ddl_ctx_add_rules(ctx, pb.buf);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_OK);
  ck_assert_uint_eq(ddl_ruleset_count(rs), 2 * n + ENGINE_RULES);
  ck_assert_int_eq(ddl_ruleset_find(rs, "b/r4999"), (long)(2 * n - 1));
  ck_assert_int_eq(ddl_ruleset_find(rs, "a/r0"), 0);
  ck_assert_int_eq(ddl_ruleset_find(rs, "c/r0"), -1);
  ddl_ctx_free(ctx);
  /* The last rule of a third pack repeats an id of the first. */
  char *c = many_rules("c", 10, false);
  char *last = strstr(c, "c/r9\n");
  memcpy(last, "a/r9\n", 5);
  path_t pc = put(dir, "c.yaml", c);
  ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pa.buf);
  ddl_ctx_add_rules(ctx, pb.buf);
  ddl_ctx_add_rules(ctx, pc.buf);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, pc.buf);
  ck_assert_uint_eq(e->line, 3 + 3 * 9);
  ck_assert_ptr_nonnull(strstr(e->message, "rule 'a/r9' is already defined by pack 'a'"));
  ddl_ctx_free(ctx);
  free(a);
  free(b);
  free(c);
  remove_dir(dir);
}
END_TEST

/* Term groups repeated by aliases: 77 KB of YAML became 9 million terms
 * and 1.1 GB.  Each alias counts as the nodes it repeats. */
static char *term_bomb(size_t aliases) {
  size_t cap = 256 + 8 * 100 + 12 * aliases;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, RULE_HEAD "  - id: t/boom\n    kind: topic-coverage\n"
                                              "    area: security\n    topic: boom\n    terms:\n"
                                              "      - &g {weight: 1, terms: [");
  for (int i = 0; i < 100; i++)
    n += (size_t)snprintf(s + n, cap - n, "%sw%d", i ? ", " : "", i);
  n += (size_t)snprintf(s + n, cap - n, "]}\n");
  for (size_t i = 0; i < aliases; i++)
    n += (size_t)snprintf(s + n, cap - n, "      - *g\n");
  return s;
}

START_TEST(test_pack_alias_bomb) {
  /* The group is 105 nodes: its mapping, two keys, the weight, the list
   * and 100 terms.  952 aliases are 99,960 nodes; the 953rd is one too
   * many (the exact limit is also tested in check_ydoc.c). */
  char *yaml = term_bomb(20);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  int rc = ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml));
  ck_assert_msg(rc == DDL_OK, "%u:%u: %s", ddl_ctx_error(ctx)->line, ddl_ctx_error(ctx)->column,
                ddl_ctx_error(ctx)->message);
  ddl_pack_free(pack);
  free(yaml);
  yaml = term_bomb(953);
  ck_assert_int_eq(ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml)), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_uint_eq(e->line, 8 + 953);
  ck_assert_uint_eq(e->column, 9);
  ck_assert_str_eq(e->message, "YAML aliases expand to more than 100000 nodes; ddlint refuses it");
  free(yaml);
  ddl_ctx_free(ctx);
}
END_TEST

/* Aliases within the budget still work as libyaml's loader made them. */
START_TEST(test_pack_aliases_apply) {
  static const char yaml[] = "pack: t\n"
                             "rules:\n"
                             "  - &todo {id: t/a, kind: placeholder, pattern: &p 'AAA'}\n"
                             "  - id: t/b\n    kind: placeholder\n    pattern: [*p, 'BBB']\n";
  ddl_result *r = lint_with("# Doc\n\nAAA and BBB.\n", yaml, false, NULL, NULL);
  ck_assert_uint_eq(count_diags(r, "t/a", 3), 1);
  ck_assert_uint_eq(count_diags(r, "t/b", 3), 2);
  ddl_result_free(r);
}
END_TEST

/* A pack nesting deeper than 64 levels is refused at the 65th. */
START_TEST(test_pack_deep_nesting) {
  size_t n = 80000;
  char *yaml = malloc(n + 32);
  strcpy(yaml, "pack: t\nrules: ");
  memset(yaml + 15, '[', n);
  yaml[15 + n] = '\0';
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_pack *pack = NULL;
  ck_assert_int_eq(ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "p.yaml", yaml, strlen(yaml)), DDL_EPACK);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_uint_eq(e->line, 2);
  ck_assert_uint_eq(e->column, 7 + 64);
  ck_assert_str_eq(e->message, "YAML nests deeper than 64 levels; ddlint refuses it");
  free(yaml);
  ddl_ctx_free(ctx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("pack");
  TCase *tc = tcase_create("errors");
  tcase_add_loop_test(tc, test_pack_error, 0, (int)(sizeof(error_cases) / sizeof(error_cases[0])));
  suite_add_tcase(s, tc);
  tc = tcase_create("valid");
  tcase_add_loop_test(tc, test_pack_valid_minimal, 0,
                      (int)(sizeof(valid_cases) / sizeof(valid_cases[0])));
  tcase_add_test(tc, test_pack_all_fields);
  tcase_add_test(tc, test_pack_empty_rules_list);
  tcase_add_test(tc, test_pack_defaults_apply);
  tcase_add_test(tc, test_pack_builtin_smoke);
  suite_add_tcase(s, tc);
  tc = tcase_create("combine");
  tcase_add_test(tc, test_pack_same_id_in_two_packs);
  tcase_add_test(tc, test_pack_same_name_replaces);
  tcase_add_test(tc, test_pack_replaces_builtin);
  tcase_add_test(tc, test_pack_directory_sorted);
  tcase_add_test(tc, test_pack_directory_all_loaded);
  tcase_add_test(tc, test_pack_directory_error_names_file);
  tcase_add_test(tc, test_pack_directory_without_packs);
  tcase_add_test(tc, test_pack_nonexistent_path);
  tcase_add_test(tc, test_pack_error_via_api);
  suite_add_tcase(s, tc);
  /* Large inputs, slow under the sanitizers and on a loaded machine:
   * these check results, the scaling tests check time. */
  tc = tcase_create("bounded");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_pack_many_rules);
  tcase_add_test(tc, test_pack_many_rules_two_packs);
  tcase_add_test(tc, test_pack_alias_bomb);
  tcase_add_test(tc, test_pack_aliases_apply);
  tcase_add_test(tc, test_pack_deep_nesting);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
