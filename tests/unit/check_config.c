/* Configuration files (.ddlint.yaml): parse errors with their position,
 * the effect of each key, command-line selections on top, and discovery
 * by walking up from each document. */
#include "helpers.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Temporary trees -------------------------------------------------- */

/* Writes TEXT to DIR/REL, creating the directories on the way. */
/* ---- The pack every test uses ----------------------------------------- */

static const char pack[] = "pack: cfg\n"
                           "rules:\n"
                           "  - id: t/one\n"
                           "    kind: placeholder\n"
                           "    pattern: 'AAA'\n"
                           "  - id: t/two\n"
                           "    kind: placeholder\n"
                           "    pattern: 'BBB'\n"
                           "  - id: u/three\n"
                           "    kind: placeholder\n"
                           "    severity: note\n"
                           "    pattern: 'CCC'\n"
                           "  - id: u/off\n"
                           "    kind: placeholder\n"
                           "    enabled: false\n"
                           "    pattern: 'DDD'\n";

/* Columns of the four markers on line 3. */
static const char doc[] = "# Doc\n\nAAA BBB CCC DDD\n";

static ddl_ctx *new_ctx(const char *dir) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, false);
  path_t p = put(dir, "packs-dir/cfg.yaml", pack);
  ddl_ctx_add_rules(ctx, p.buf);
  return ctx;
}

static ddl_result *lint_ok(ddl_ctx *ctx, const char *path) {
  ddl_result *r = NULL;
  int rc = ddl_lint_file(&r, ctx, path);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_msg(rc == DDL_OK, "lint %s failed (%d): %s:%u:%u: %s", path, rc,
                e->path ? e->path : "-", e->line, e->column, e->message);
  return r;
}

/* Lints DIR/doc.md with CONFIG as DIR/.ddlint.yaml (discovered). */
static ddl_result *lint_config(const char *config) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", config);
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = lint_ok(ctx, d.buf);
  ddl_ctx_free(ctx);
  remove_dir(dir);
  return r;
}

/* ---- Errors ----------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *yaml;
  unsigned line, column;
  const char *message;
} config_error_case;

static const config_error_case error_cases[] = {
    {"invalid YAML", "disable: [t/one\n", 2, 1, "invalid YAML"},
    {"top level is a list", "- t/one\n", 1, 1, "mapping"},
    /* The empty document's node is marked a line past the text (fuzzer). */
    {"a bare document marker, no final newline", "---", 1, 4, "mapping"},
    {"unknown key", "disabled: [t/one]\n", 1, 1, "unknown key 'disabled'"},
    {"unknown key after valid ones", "disable: [t/one]\nfail_on: error\n", 2, 1,
     "unknown key 'fail_on'"},
    {"key twice", "disable: [t/one]\ndisable: [t/two]\n", 2, 1, "twice"},
    {"disable is a mapping", "disable: {a: b}\n", 1, 10, "'disable' must be a string or a list"},
    {"disable entry is a list", "disable: [[t/one]]\n", 1, 11, "'disable'"},
    {"enable is a mapping", "enable:\n  t/one: true\n", 2, 3,
     "'enable' must be a string or a list"},
    {"severity is a list", "severity: [t/one]\n", 1, 11, "'severity' must map"},
    {"severity value bad", "severity:\n  t/one: fatal\n", 2, 10, "error, warning or note"},
    {"severity value a list", "severity:\n  t/one: [error]\n", 2, 10, "error, warning or note"},
    {"severity in second entry", "severity:\n  t/one: error\n  t/two: loud\n", 3, 10,
     "error, warning or note"},
    {"fail-on bad", "fail-on: sometimes\n", 1, 10,
     "'fail-on' must be error, warning, note or never"},
    {"fail-on a list", "fail-on: [error]\n", 1, 10, "'fail-on'"},
    {"rule-packs a mapping", "rule-packs: {a: b}\n", 1, 13, "'rule-packs'"},
    {"headings a list", "headings: [security]\n", 1, 11, "'headings' must map"},
    {"headings entry a mapping", "headings:\n  security: {a: b}\n", 2, 13, "heading synonyms"},
    {"disable glob matches no rule", "disable:\n  - t/one\n  - nope/*\n", 3, 5,
     "'nope/*' matches no rule"},
    {"enable glob matches no rule", "enable: [t/one, 'zzz*']\n", 1, 17, "'zzz*' matches no rule"},
    {"enable scalar matches no rule", "enable: t/three\n", 1, 9, "'t/three' matches no rule"},
    {"severity glob matches no rule", "severity:\n  t/one: error\n  nope: note\n", 3, 3,
     "'nope' matches no rule"},
    {"unknown area in headings", "headings:\n  nosuch: [Threat model]\n", 2, 3,
     "unknown area 'nosuch'"},
    /* Did you mean: keys, rule ids, pack globs. */
    {"misspelt key", "sevrity:\n  t/one: error\n", 1, 1,
     "unknown key 'sevrity' in the configuration; did you mean 'severity'?"},
    {"misspelt rule id", "disable: [t/onne]\n", 1, 11,
     "'t/onne' matches no rule (see ddlint --list-rules); did you mean 't/one'?"},
    {"misspelt pack glob", "enable: ['uu/*']\n", 1, 10,
     "'uu/*' matches no rule (see ddlint --list-rules); did you mean 'u/*'?"},
    {"misspelt severity glob", "severity:\n  u/thre: error\n", 2, 3, "did you mean 'u/three'?"},
    /* A rule-packs entry that does not exist, at its place in the file. */
    {"missing rule-packs entry", "rule-packs:\n  - packs-dir\n  - no-such-pack.yaml\n", 3, 5,
     "cannot open rule pack 'no-such-pack.yaml': No such file or directory"},
    /* Bounded YAML. */
    {"second document", "disable: [t/one]\n---\ndisable: [t/two]\n", 2, 1,
     "a second YAML document starts here; ddlint reads one document per file"},
    {"alias cycle", "headings: &h\n  security: *h\n", 2, 13, "inside the node it repeats"},
    {"control character", "disable: [t/one]\nfail-on: x\x07\n", 2, 11,
     "invalid YAML: control characters are not allowed"},
    {"invalid UTF-8 in a comment", "disable: [t/one]\n\n# caf\xE9\n", 3, 6, "invalid YAML"},
    /* Overrides: checked whether or not a document matches their files. */
    {"overrides a mapping", "overrides: {files: [a]}\n", 1, 12, "'overrides' must be a list"},
    {"override a string", "overrides: [docs]\n", 1, 13, "each override must be a mapping"},
    {"override without files", "overrides:\n  - disable: [t/one]\n", 2, 5, "needs 'files'"},
    {"override with no globs", "overrides:\n  - files: []\n", 2, 12, "at least one glob"},
    {"override unknown key", "overrides:\n  - files: [a]\n    disabled: [t/one]\n", 3, 5,
     "unknown key 'disabled'"},
    {"override glob matching no rule, for no document",
     "overrides:\n  - files: [elsewhere/*.md]\n    disable: [nope]\n", 3, 15,
     "'nope' matches no rule"},
    {"override severity bad", "overrides:\n  - files: [doc.md]\n    severity: {t/one: loud}\n", 3,
     23, "error, warning or note"},
};

START_TEST(test_config_error) {
  const config_error_case *c = &error_cases[_i];
  char *dir = make_dir();
  path_t cfg = put(dir, ".ddlint.yaml", c->yaml);
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  int rc = ddl_lint_file(&r, ctx, d.buf);
  const ddl_error *e = ddl_ctx_error(ctx);
  if (r)
    ddl_result_free(r);
  ck_assert_msg(rc == DDL_ECONFIG, "%s: expected DDL_ECONFIG, got %d (%s)", c->name, rc,
                e->message);
  ck_assert_int_eq(e->code, DDL_ECONFIG);
  ck_assert_msg(e->path && strcmp(e->path, cfg.buf) == 0, "%s: path '%s'", c->name,
                e->path ? e->path : "(null)");
  ck_assert_msg(e->line == c->line && e->column == c->column,
                "%s: error at %u:%u, expected %u:%u (%s)", c->name, e->line, e->column, c->line,
                c->column, e->message);
  ck_assert_msg(strstr(e->message, c->message), "%s: message '%s' lacks '%s'", c->name, e->message,
                c->message);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* The same errors through an explicit configuration file. */
START_TEST(test_config_error_explicit) {
  char *dir = make_dir();
  path_t cfg = put(dir, "conf/my.yaml", "severity:\n  t/one: fatal\n");
  ddl_ctx *ctx = new_ctx(dir);
  ddl_ctx_set_config(ctx, cfg.buf, false);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", doc, strlen(doc)), DDL_ECONFIG);
  ck_assert_ptr_null(r);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, cfg.buf);
  ck_assert_uint_eq(e->line, 2);
  ck_assert_uint_eq(e->column, 10);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_config_explicit_missing) {
  char *dir = make_dir();
  path_t missing = join(dir, "nope.yaml");
  ddl_ctx *ctx = new_ctx(dir);
  ddl_ctx_set_config(ctx, missing.buf, false);
  int rc = ddl_ctx_prepare(ctx);
  ck_assert_int_eq(rc, DDL_ECONFIG);
  ck_assert_str_eq(ddl_ctx_error(ctx)->path, missing.buf);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", doc, strlen(doc)), DDL_ECONFIG);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A pack listed in rule-packs that does not exist is an error at its
 * entry in the configuration. */
START_TEST(test_config_missing_rule_pack) {
  char *dir = make_dir();
  path_t cfg = put(dir, ".ddlint.yaml", "rule-packs: [no-such-pack.yaml]\n");
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  int rc = ddl_lint_file(&r, ctx, d.buf);
  ck_assert_int_eq(rc, DDL_ECONFIG);
  ck_assert_ptr_null(r);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, cfg.buf);
  ck_assert_uint_eq(e->line, 1);
  ck_assert_uint_eq(e->column, 14);
  ck_assert_str_eq(e->message,
                   "cannot open rule pack 'no-such-pack.yaml': No such file or directory");
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A rule-packs directory without packs, also at its entry. */
START_TEST(test_config_rule_pack_dir_empty) {
  char *dir = make_dir();
  path_t cfg = put(dir, ".ddlint.yaml", "disable: [t/one]\nrule-packs:\n  - empty\n");
  put(dir, "empty/readme.txt", "no packs here\n");
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, d.buf), DDL_ECONFIG);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, cfg.buf);
  ck_assert_uint_eq(e->line, 3);
  ck_assert_uint_eq(e->column, 5);
  ck_assert_str_eq(e->message, "no rule packs (*.yaml) in directory 'empty'");
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* Two configurations naming the same missing pack are two errors, each
 * at its own file; each is given again, unchanged, for every document
 * below it. */
START_TEST(test_config_missing_rule_pack_two_configs) {
  char *dir = make_dir();
  path_t ca = put(dir, "a/.ddlint.yaml", "rule-packs: [gone.yaml]\n");
  path_t cb = put(dir, "b/.ddlint.yaml", "disable: [t/one]\nrule-packs: [gone.yaml]\n");
  path_t da = put(dir, "a/doc.md", doc), db = put(dir, "b/doc.md", doc);
  path_t da2 = put(dir, "a/sub/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  const struct {
    const char *doc, *cfg;
    unsigned line;
  } order[] = {{da.buf, ca.buf, 1}, {db.buf, cb.buf, 2}, {da2.buf, ca.buf, 1}, {db.buf, cb.buf, 2}};
  for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
    ddl_result *r = NULL;
    ck_assert_int_eq(ddl_lint_file(&r, ctx, order[i].doc), DDL_ECONFIG);
    const ddl_error *e = ddl_ctx_error(ctx);
    ck_assert_str_eq(e->path, order[i].cfg);
    ck_assert_uint_eq(e->line, order[i].line);
    ck_assert_uint_eq(e->column, 14);
    ck_assert_str_eq(e->message, "cannot open rule pack 'gone.yaml': No such file or directory");
  }
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* An 80 KB .ddlint.yaml of '[' (picked up from the tree being linted)
 * took libyaml about 10 s and gave a meaningless error; now it stops at
 * the 65th level. */
START_TEST(test_config_deep_nesting) {
  size_t n = 80000;
  char *yaml = malloc(n + 16);
  strcpy(yaml, "disable: ");
  memset(yaml + 9, '[', n);
  strcpy(yaml + 9 + n, "\n");
  char *dir = make_dir();
  path_t cfg = put(dir, ".ddlint.yaml", yaml);
  free(yaml);
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, d.buf), DDL_ECONFIG);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_str_eq(e->path, cfg.buf);
  ck_assert_uint_eq(e->line, 1);
  ck_assert_uint_eq(e->column, 9 + 64);
  ck_assert_str_eq(e->message, "YAML nests deeper than 64 levels; ddlint refuses it");
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A configuration over 4 MiB is refused where the limit falls. */
START_TEST(test_config_too_large) {
  size_t n = ((size_t)4 << 20) + 10;
  char *yaml = malloc(n + 1);
  memset(yaml, '#', n);
  memcpy(yaml, "disable: [t/one]\n", 17);
  yaml[n] = '\0';
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", yaml);
  free(yaml);
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, d.buf), DDL_ECONFIG);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_uint_eq(e->line, 2);
  ck_assert_uint_eq(e->column, ((unsigned)4 << 20) - 17 + 1);
  ck_assert_ptr_nonnull(strstr(e->message, "larger than 4 MiB"));
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* --enable and --disable suggest too. */
START_TEST(test_config_selection_suggestion) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, write_temp("sel-suggest.yaml", pack));
  ddl_ctx_select(ctx, "t/tow", false);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", doc, strlen(doc)), DDL_EUSAGE);
  ck_assert_str_eq(
      ddl_ctx_error(ctx)->message,
      "--disable: 't/tow' matches no rule (see ddlint --list-rules); did you mean 't/two'?");
  ddl_ctx_free(ctx);
}
END_TEST


/* ---- Effects ---------------------------------------------------------- */

START_TEST(test_config_disable_glob) {
  ddl_result *r = lint_config("disable: ['t/*']\n");
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/three", 3), 1);
  ck_assert_uint_eq(count_diags(r, NULL, 0), 1);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_config_disable_scalar) {
  ddl_result *r = lint_config("disable: t/two\n");
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/three", 3), 1);
  ddl_result_free(r);
}
END_TEST

/* Enable wins over disable in one file, whatever their order. */
START_TEST(test_config_enable_overrides_disable) {
  ddl_result *r = lint_config("enable: [t/two]\ndisable: ['t/*', 'u/*']\n");
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "t/two", 3), 1);
  ck_assert_uint_eq(count_diags(r, "u/three", 0), 0);
  ck_assert_uint_eq(count_diags(r, NULL, 0), 1);
  ddl_result_free(r);
  r = lint_config("disable: ['*']\nenable: ['u/*']\n");
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/three", 3), 1);
  ck_assert_uint_eq(count_diags(r, "u/off", 3), 1);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_config_enable_rule_off_by_default) {
  ddl_result *r = lint_config("enable: [u/off]\n");
  ck_assert_uint_eq(count_diags(r, "u/off", 3), 1);
  ck_assert_uint_eq(ddl_diag_column(find_diag(r, "u/off", 3)), 13);
  ck_assert_uint_eq(count_diags(r, NULL, 0), 4);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_config_severity_override) {
  ddl_result *r = lint_config("severity:\n  t/one: error\n  'u/*': warning\n");
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "t/one", 3)), DDL_SEV_ERROR);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "t/two", 3)), DDL_SEV_WARNING);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "u/three", 3)), DDL_SEV_WARNING);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_ERROR), 1);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_WARNING), 2);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_NOTE), 0);
  ddl_result_free(r);
}
END_TEST

/* Severities of a disabled-then-enabled rule and of a rule that stays
 * disabled are what the ruleset reports. */
START_TEST(test_config_ruleset_reflects_config) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\nenable: [u/off]\nseverity:\n  t/two: note\n");
  path_t d = put(dir, "sub/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, d.buf), DDL_OK);
  long one = ddl_ruleset_find(rs, "t/one"), two = ddl_ruleset_find(rs, "t/two"),
       off = ddl_ruleset_find(rs, "u/off");
  ck_assert(one >= 0 && two >= 0 && off >= 0);
  ck_assert(!ddl_ruleset_enabled(rs, (size_t)one));
  ck_assert(ddl_ruleset_enabled(rs, (size_t)two));
  ck_assert(ddl_ruleset_enabled(rs, (size_t)off));
  ck_assert_int_eq(ddl_ruleset_severity(rs, (size_t)two), DDL_SEV_NOTE);
  ck_assert_int_eq(ddl_ruleset_severity(rs, (size_t)one), DDL_SEV_WARNING);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* rule-packs are resolved against the configuration file's directory,
 * not the current directory. */
START_TEST(test_config_rule_packs_relative) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "rule-packs: [extra/more.yaml, dirpacks]\nseverity:\n  x/eee: error\n");
  put(dir, "extra/more.yaml",
      "pack: more\nrules:\n"
      "  - id: x/eee\n    kind: placeholder\n    pattern: 'EEE'\n");
  put(dir, "dirpacks/a.yaml",
      "pack: dirpack\nrules:\n"
      "  - id: y/fff\n    kind: placeholder\n    pattern: 'FFF'\n");
  path_t d = put(dir, "docs/doc.md", "# Doc\n\nEEE FFF AAA\n");
  ck_assert_int_eq(chdir("/"), 0);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = lint_ok(ctx, d.buf);
  ck_assert_uint_eq(count_diags(r, "x/eee", 3), 1);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "x/eee", 3)), DDL_SEV_ERROR);
  ck_assert_uint_eq(count_diags(r, "y/fff", 3), 1);
  ck_assert_uint_eq(ddl_diag_column(find_diag(r, "y/fff", 3)), 5);
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ddl_result_free(r);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, d.buf), DDL_OK);
  ck_assert_int_ge(ddl_ruleset_find(rs, "x/eee"), 0);
  ck_assert_str_eq(ddl_rule_pack(ddl_ruleset_rule(rs, (size_t)ddl_ruleset_find(rs, "x/eee"))),
                   "more");
  ddl_ctx_free(ctx);
  /* The same configuration given explicitly resolves the same way. */
  ctx = new_ctx(dir);
  path_t cfg = join(dir, ".ddlint.yaml");
  ddl_ctx_set_config(ctx, cfg.buf, false);
  r = NULL;
  static const char text[] = "# Doc\n\nEEE\n";
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "elsewhere.md", text, strlen(text)), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "x/eee", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* Rules a configuration's packs add exist only for the documents below it. */
START_TEST(test_config_rule_packs_scoped) {
  char *dir = make_dir();
  put(dir, "a/.ddlint.yaml", "rule-packs: [more.yaml]\n");
  put(dir, "a/more.yaml",
      "pack: more\nrules:\n"
      "  - id: x/eee\n    kind: placeholder\n    pattern: 'EEE'\n");
  path_t in = put(dir, "a/doc.md", "# Doc\n\nEEE\n");
  path_t out = put(dir, "b/doc.md", "# Doc\n\nEEE\n");
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = lint_ok(ctx, in.buf);
  ck_assert_uint_eq(count_diags(r, "x/eee", 3), 1);
  ddl_result_free(r);
  r = lint_ok(ctx, out.buf);
  ck_assert_uint_eq(count_diags(r, "x/eee", 0), 0);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

static const char area_pack[] = "pack: areas\n"
                                "rules:\n"
                                "  - id: a/security\n"
                                "    kind: area-coverage\n"
                                "    severity: error\n"
                                "    area: security\n"
                                "    heading: '\\bsecurity\\b'\n"
                                "    min-words: 5\n";

static const char threat_doc[] = "# Doc\n"
                                 "\n"
                                 "## Threat model\n"
                                 "\n"
                                 "Attackers on the network can replay old requests to the API.\n";

START_TEST(test_config_headings_synonym) {
  char *dir = make_dir();
  path_t pk = put(dir, "packs/areas.yaml", area_pack);
  put(dir, "with/.ddlint.yaml", "headings:\n  security: [\"Threat model\", \"Abuse cases\"]\n");
  path_t with = put(dir, "with/doc.md", threat_doc);
  path_t without = put(dir, "without/doc.md", threat_doc);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pk.buf);
  ddl_result *r = lint_ok(ctx, with.buf);
  const ddl_coverage *c = find_area(r, "security");
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(c->status, DDL_COVERAGE_COVERED);
  ck_assert_uint_eq(c->line, 3);
  ck_assert_uint_eq(count_diags(r, "a/security", 0), 0);
  ddl_result_free(r);
  r = lint_ok(ctx, without.buf);
  c = find_area(r, "security");
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(c->status, DDL_COVERAGE_MISSING);
  ck_assert_uint_eq(count_diags(r, "a/security", 0), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* An unknown area in headings suggests a known one. */
START_TEST(test_config_area_suggestion) {
  char *dir = make_dir();
  path_t pk = put(dir, "packs/areas.yaml", area_pack);
  put(dir, ".ddlint.yaml", "headings:\n  securty: [Threat model]\n");
  path_t d = put(dir, "doc.md", threat_doc);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pk.buf);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, d.buf), DDL_ECONFIG);
  ck_assert_ptr_nonnull(strstr(ddl_ctx_error(ctx)->message, "unknown area 'securty'"));
  ck_assert_ptr_nonnull(strstr(ddl_ctx_error(ctx)->message, "did you mean 'security'?"));
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* Synonyms are literal and case-insensitive: "Threat model (v2)" matches,
 * regex metacharacters in a synonym are not special. */
START_TEST(test_config_headings_literal) {
  char *dir = make_dir();
  path_t pk = put(dir, "packs/areas.yaml", area_pack);
  put(dir, ".ddlint.yaml", "headings:\n  security: [\"threat model\", \"A.B\"]\n");
  path_t d1 = put(dir, "one.md",
                  "# Doc\n\n## THREAT MODEL (v2)\n\n"
                  "Attackers on the network can replay old requests to the API.\n");
  path_t d2 = put(dir, "two.md",
                  "# Doc\n\n## AxB\n\n"
                  "Attackers on the network can replay old requests to the API.\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pk.buf);
  ddl_result *r = lint_ok(ctx, d1.buf);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_COVERED);
  ddl_result_free(r);
  r = lint_ok(ctx, d2.buf);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_MISSING);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_config_fail_on) {
  static const struct {
    const char *yaml;
    int expect;
  } cases[] = {
      {"fail-on: note\n", DDL_SEV_NOTE},   {"fail-on: warning\n", DDL_SEV_WARNING},
      {"fail-on: error\n", DDL_SEV_ERROR}, {"fail-on: never\n", 3},
      {"disable: [t/one]\n", -1},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    ddl_result *r = lint_config(cases[i].yaml);
    ck_assert_msg(ddl_result_fail_on(r) == cases[i].expect, "%s: fail_on %d, expected %d",
                  cases[i].yaml, ddl_result_fail_on(r), cases[i].expect);
    ddl_result_free(r);
  }
  /* Without any configuration file. */
  ddl_result *r = lint_with(doc, pack, false, NULL, NULL);
  ck_assert_int_eq(ddl_result_fail_on(r), -1);
  ddl_result_free(r);
}
END_TEST

/* Command-line selections apply after the configuration file. */
START_TEST(test_config_selection_after_config) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\nenable: [u/off]\n");
  path_t d = put(dir, "doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_ctx_select(ctx, "t/one", true);
  ddl_ctx_select(ctx, "u/off,t/two", false);
  ddl_result *r = lint_ok(ctx, d.buf);
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/off", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/three", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* Selections apply in call order: a later disable wins over an earlier
 * enable and the other way round. */
START_TEST(test_config_selection_order) {
  ddl_result *r = lint_with(doc, pack, false, "t/*", "t/two");
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "t/two", 3), 1);
  ddl_result_free(r);
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, write_temp("sel-pack.yaml", pack));
  ddl_ctx_select(ctx, "t/two", true);
  ddl_ctx_select(ctx, "t/*", false);
  r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", doc, strlen(doc)), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ck_assert_uint_eq(count_diags(r, "u/three", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
}
END_TEST

/* A severity override on an area rule applies to its missing verdict, and
 * its partial verdict is never louder than the rule itself. */
START_TEST(test_config_severity_override_area) {
  char *dir = make_dir();
  path_t pk = put(dir, "packs/areas.yaml", area_pack);
  put(dir, ".ddlint.yaml", "severity:\n  a/security: note\n");
  path_t missing = put(dir, "missing.md", "# Doc\n\n## Overview\n\nOrders ship nightly.\n");
  path_t thin = put(dir, "thin.md", "# Doc\n\n## Security\n\nSee the wiki.\n");
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, pk.buf);
  ddl_result *r = lint_ok(ctx, missing.buf);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_MISSING);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "a/security", 0)), DDL_SEV_NOTE);
  ddl_result_free(r);
  r = lint_ok(ctx, thin.buf);
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_PARTIAL);
  ck_assert_int_eq(ddl_diag_severity(find_diag(r, "a/security", 3)), DDL_SEV_NOTE);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_WARNING), 0);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* Relative document and configuration paths resolve from the current
 * directory. */
START_TEST(test_config_relative_paths) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\n");
  put(dir, "conf/ci.yaml", "rule-packs: [more.yaml]\ndisable: [t/two]\n");
  put(dir, "conf/more.yaml",
      "pack: more\nrules:\n"
      "  - id: x/eee\n    kind: placeholder\n    pattern: 'EEE'\n");
  put(dir, "sub/doc.md", "# Doc\n\nAAA BBB EEE\n");
  put(dir, "top.md", "# Doc\n\nAAA BBB EEE\n");
  ck_assert_int_eq(chdir(dir), 0);
  ddl_ctx *ctx = new_ctx(dir);
  const char *docs[] = {"sub/doc.md", "top.md", "./sub/../top.md"};
  for (size_t i = 0; i < 3; i++) {
    ddl_result *r = lint_ok(ctx, docs[i]);
    ck_assert_msg(count_diags(r, "t/one", 0) == 0, "t/one in %s", docs[i]);
    ck_assert_msg(count_diags(r, "t/two", 3) == 1, "t/two in %s", docs[i]);
    ck_assert_str_eq(ddl_result_path(r), docs[i]);
    ddl_result_free(r);
  }
  ddl_ctx_free(ctx);
  /* A relative explicit configuration and its relative rule-packs. */
  ctx = new_ctx(dir);
  ddl_ctx_set_config(ctx, "conf/ci.yaml", false);
  ddl_result *r = lint_ok(ctx, "top.md");
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ck_assert_uint_eq(count_diags(r, "x/eee", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  ck_assert_int_eq(chdir("/"), 0);
  remove_dir(dir);
}
END_TEST

/* ---- Discovery -------------------------------------------------------- */

START_TEST(test_config_discovered_in_parent) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\n");
  path_t d = put(dir, "sub/deeper/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = lint_ok(ctx, d.buf);
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "t/two", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* The nearest configuration wins; configurations do not merge. */
START_TEST(test_config_nearest_wins) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\nfail-on: error\n");
  put(dir, "sub/.ddlint.yaml", "disable: [t/two]\n");
  path_t top = put(dir, "top.md", doc);
  path_t sub = put(dir, "sub/doc.md", doc);
  path_t deep = put(dir, "sub/x/y/doc.md", doc);
  path_t side = put(dir, "side/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  const char *order[] = {sub.buf, top.buf, deep.buf, side.buf, sub.buf};
  for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
    ddl_result *r = lint_ok(ctx, order[i]);
    bool in_sub = order[i] == sub.buf || order[i] == deep.buf;
    ck_assert_msg(count_diags(r, "t/one", 3) == (in_sub ? 1u : 0u), "t/one in %s", order[i]);
    ck_assert_msg(count_diags(r, "t/two", 3) == (in_sub ? 0u : 1u), "t/two in %s", order[i]);
    ck_assert_int_eq(ddl_result_fail_on(r), in_sub ? -1 : DDL_SEV_ERROR);
    ddl_result_free(r);
  }
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* ddl_lint_buffer uses its name for discovery, like ddl_lint_file. */
START_TEST(test_config_discovery_by_buffer_name) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\n");
  put(dir, "sub/keep.txt", "");
  path_t name = join(dir, "sub/not-written.md");
  ddl_ctx *ctx = new_ctx(dir);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, name.buf, doc, strlen(doc)), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "t/one", 0), 0);
  ck_assert_uint_eq(count_diags(r, "t/two", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_config_ignored_when_disabled) {
  char *dir = make_dir();
  put(dir, ".ddlint.yaml", "disable: [t/one]\n");
  put(dir, "broken/.ddlint.yaml", "this is: [not valid\n");
  path_t d = put(dir, "doc.md", doc);
  path_t b = put(dir, "broken/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_result *r = lint_ok(ctx, d.buf);
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ddl_result_free(r);
  r = lint_ok(ctx, b.buf);
  ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
  ck_assert_int_eq(ddl_result_fail_on(r), -1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* An explicit configuration applies to every document, wherever it is and
 * whatever .ddlint.yaml files lie on the way. */
START_TEST(test_config_explicit_applies_everywhere) {
  char *dir = make_dir();
  path_t cfg = put(dir, "conf/ci.yaml", "disable: [t/two]\n");
  put(dir, "docs/.ddlint.yaml", "disable: [t/one]\n");
  put(dir, "docs/bad/.ddlint.yaml", "nonsense: 1\n");
  path_t d1 = put(dir, "docs/doc.md", doc);
  path_t d2 = put(dir, "docs/bad/doc.md", doc);
  path_t d3 = put(dir, "other/doc.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  ddl_ctx_set_config(ctx, cfg.buf, false);
  const char *docs[] = {d1.buf, d2.buf, d3.buf};
  for (size_t i = 0; i < 3; i++) {
    ddl_result *r = lint_ok(ctx, docs[i]);
    ck_assert_msg(count_diags(r, "t/one", 3) == 1, "t/one in %s", docs[i]);
    ck_assert_msg(count_diags(r, "t/two", 0) == 0, "t/two in %s", docs[i]);
    ddl_result_free(r);
  }
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, NULL, doc, strlen(doc)), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "t/two", 0), 0);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A broken configuration gives the same error for every document below
 * it, every time; documents elsewhere are unaffected. */
START_TEST(test_config_broken_same_error) {
  char *dir = make_dir();
  path_t cfg = put(dir, "proj/.ddlint.yaml", "disable: [t/one]\nseverity:\n  t/two: extreme\n");
  path_t a = put(dir, "proj/a.md", doc);
  path_t b = put(dir, "proj/sub/b.md", doc);
  path_t ok = put(dir, "elsewhere/c.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  const char *docs[] = {a.buf, b.buf, a.buf, ok.buf, b.buf};
  for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
    ddl_result *r = NULL;
    int rc = ddl_lint_file(&r, ctx, docs[i]);
    if (docs[i] == ok.buf) {
      ck_assert_int_eq(rc, DDL_OK);
      ck_assert_uint_eq(count_diags(r, "t/one", 3), 1);
      ddl_result_free(r);
      continue;
    }
    const ddl_error *e = ddl_ctx_error(ctx);
    ck_assert_msg(rc == DDL_ECONFIG, "%s: rc %d", docs[i], rc);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(e->code, DDL_ECONFIG);
    ck_assert_str_eq(e->path, cfg.buf);
    ck_assert_uint_eq(e->line, 3);
    ck_assert_uint_eq(e->column, 10);
    ck_assert_msg(strstr(e->message, "error, warning or note"), "%s: %s", docs[i], e->message);
  }
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, b.buf), DDL_ECONFIG);
  ck_assert_str_eq(ddl_ctx_error(ctx)->path, cfg.buf);
  ck_assert_uint_eq(ddl_ctx_error(ctx)->line, 3);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* A glob error found while building the ruleset (not while parsing) is
 * also repeated for every document. */
START_TEST(test_config_broken_glob_same_error) {
  char *dir = make_dir();
  path_t cfg = put(dir, ".ddlint.yaml", "disable:\n  - t/one\n  - t/nine\n");
  path_t a = put(dir, "a.md", doc);
  path_t b = put(dir, "sub/b.md", doc);
  ddl_ctx *ctx = new_ctx(dir);
  const char *docs[] = {a.buf, b.buf, a.buf};
  for (size_t i = 0; i < 3; i++) {
    ddl_result *r = NULL;
    ck_assert_int_eq(ddl_lint_file(&r, ctx, docs[i]), DDL_ECONFIG);
    const ddl_error *e = ddl_ctx_error(ctx);
    ck_assert_str_eq(e->path, cfg.buf);
    ck_assert_uint_eq(e->line, 3);
    ck_assert_uint_eq(e->column, 5);
    ck_assert_msg(strstr(e->message, "'t/nine' matches no rule"), "%s", e->message);
  }
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

int main(void) {
  Suite *s = suite_create("config");
  TCase *tc = tcase_create("errors");
  tcase_add_loop_test(tc, test_config_error, 0,
                      (int)(sizeof(error_cases) / sizeof(error_cases[0])));
  tcase_add_test(tc, test_config_error_explicit);
  tcase_add_test(tc, test_config_explicit_missing);
  tcase_add_test(tc, test_config_missing_rule_pack);
  tcase_add_test(tc, test_config_rule_pack_dir_empty);
  tcase_add_test(tc, test_config_missing_rule_pack_two_configs);

  tcase_add_test(tc, test_config_selection_suggestion);
  tcase_add_test(tc, test_config_area_suggestion);
  suite_add_tcase(s, tc);
  /* Large generated files: slow under the sanitizers on a loaded machine. */
  tc = tcase_create("bounded");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_config_deep_nesting);
  tcase_add_test(tc, test_config_too_large);
  suite_add_tcase(s, tc);
  tc = tcase_create("effects");
  tcase_add_test(tc, test_config_disable_glob);
  tcase_add_test(tc, test_config_disable_scalar);
  tcase_add_test(tc, test_config_enable_overrides_disable);
  tcase_add_test(tc, test_config_enable_rule_off_by_default);
  tcase_add_test(tc, test_config_severity_override);
  tcase_add_test(tc, test_config_severity_override_area);
  tcase_add_test(tc, test_config_ruleset_reflects_config);
  tcase_add_test(tc, test_config_rule_packs_relative);
  tcase_add_test(tc, test_config_rule_packs_scoped);
  tcase_add_test(tc, test_config_headings_synonym);
  tcase_add_test(tc, test_config_headings_literal);
  tcase_add_test(tc, test_config_fail_on);
  tcase_add_test(tc, test_config_selection_after_config);
  tcase_add_test(tc, test_config_selection_order);
  suite_add_tcase(s, tc);
  tc = tcase_create("discovery");
  tcase_add_test(tc, test_config_discovered_in_parent);
  tcase_add_test(tc, test_config_relative_paths);
  tcase_add_test(tc, test_config_nearest_wins);
  tcase_add_test(tc, test_config_discovery_by_buffer_name);
  tcase_add_test(tc, test_config_ignored_when_disabled);
  tcase_add_test(tc, test_config_explicit_applies_everywhere);
  tcase_add_test(tc, test_config_broken_same_error);
  tcase_add_test(tc, test_config_broken_glob_same_error);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
