/* The public API (include/ddlint.h): names and parsing, linting files and
 * buffers and their errors, results and their lifetime, ddl_walk, the
 * ruleset accessors and the context's settings. */
#include "helpers.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- Temporary trees -------------------------------------------------- */

/* ---- A pack for the API tests ----------------------------------------- */

static const char pack[] = "pack: api\n"
                           "description: Rules for the API tests.\n"
                           "rules:\n"
                           "  - id: api/security\n"
                           "    kind: area-coverage\n"
                           "    severity: error\n"
                           "    summary: The document discusses security.\n"
                           "    explain: Looks for a security section.\n"
                           "    example: |\n"
                           "      ## Security\n"
                           "    area: security\n"
                           "    questions: [\"Who can access what?\"]\n"
                           "    heading: '\\bsecurity\\b'\n"
                           "  - id: api/security.authn\n"
                           "    kind: topic-coverage\n"
                           "    area: security\n"
                           "    topic: authentication\n"
                           "    question: \"How do users sign in?\"\n"
                           "    terms: [authenticat*]\n"
                           "  - id: api/todo\n"
                           "    kind: placeholder\n"
                           "    severity: warning\n"
                           "    pattern: '(?-i)\\bTODO\\b'\n"
                           "  - id: api/fixme\n"
                           "    kind: placeholder\n"
                           "    severity: error\n"
                           "    pattern: '(?-i)\\bFIXME\\b'\n"
                           "  - id: api/note\n"
                           "    kind: placeholder\n"
                           "    severity: note\n"
                           "    pattern: '(?-i)\\bNB\\b'\n"
                           "  - id: api/empty\n"
                           "    kind: empty-section\n"
                           "  - id: api/off\n"
                           "    kind: placeholder\n"
                           "    enabled: false\n"
                           "    severity: error\n"
                           "    pattern: 'XYZZY'\n";

static ddl_ctx *new_ctx(void) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, write_temp("api-pack.yaml", pack));
  return ctx;
}

/* ---- Names ------------------------------------------------------------ */

START_TEST(test_api_version) {
  const char *v = ddl_version();
  ck_assert_ptr_nonnull(v);
  ck_assert_msg(isdigit((unsigned char)v[0]), "version '%s'", v);
  ck_assert_ptr_nonnull(strchr(v, '.'));
}
END_TEST

START_TEST(test_api_severity_names) {
  static const struct {
    ddl_severity sev;
    const char *name;
  } names[] = {{DDL_SEV_NOTE, "note"}, {DDL_SEV_WARNING, "warning"}, {DDL_SEV_ERROR, "error"}};
  for (size_t i = 0; i < 3; i++) {
    ck_assert_str_eq(ddl_severity_name(names[i].sev), names[i].name);
    ddl_severity out = (ddl_severity)-1;
    ck_assert_int_eq(ddl_severity_parse(&out, names[i].name), DDL_OK);
    ck_assert_int_eq(out, names[i].sev);
  }
  static const char *const bad[] = {"", "fatal", "err", "warnings", "never"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ddl_severity out = DDL_SEV_NOTE;
    ck_assert_msg(ddl_severity_parse(&out, bad[i]) == DDL_EUSAGE, "'%s' parsed", bad[i]);
  }
  ck_assert(DDL_SEV_NOTE < DDL_SEV_WARNING && DDL_SEV_WARNING < DDL_SEV_ERROR);
}
END_TEST

START_TEST(test_api_coverage_status_names) {
  ck_assert_str_eq(ddl_coverage_status_name(DDL_COVERAGE_MISSING), "missing");
  ck_assert_str_eq(ddl_coverage_status_name(DDL_COVERAGE_PARTIAL), "partial");
  ck_assert_str_eq(ddl_coverage_status_name(DDL_COVERAGE_COVERED), "covered");
}
END_TEST

START_TEST(test_api_fresh_ctx_error) {
  ddl_ctx *ctx = ddl_ctx_new();
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_ptr_nonnull(e);
  ck_assert_int_eq(e->code, DDL_OK);
  ck_assert_ptr_nonnull(e->message);
  ddl_ctx_free(ctx);
  ddl_ctx_free(NULL);
  ddl_result_free(NULL);
}
END_TEST

/* ---- Linting files: errors -------------------------------------------- */

START_TEST(test_api_lint_missing_file) {
  char *dir = make_dir();
  path_t missing = join(dir, "nope.md");
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, missing.buf), DDL_EIO);
  ck_assert_ptr_null(r);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EIO);
  ck_assert_str_eq(e->path, missing.buf);
  ck_assert_uint_eq(e->line, 0);
  ck_assert_msg(strstr(e->message, strerror(ENOENT)), "message: %s", e->message);
  /* The context is still usable. */
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "ok.md", "# Doc\n\nTODO\n", 12), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "api/todo", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_api_lint_directory) {
  char *dir = make_dir();
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, dir), DDL_EIO);
  ck_assert_ptr_null(r);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EIO);
  ck_assert_str_eq(e->path, dir);
  ck_assert_msg(strstr(e->message, "directory"), "message: %s", e->message);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

typedef struct {
  const char *name;
  const char *data;
  size_t len;
  unsigned line, column;
  const char *message;
} input_case;

static const input_case input_cases[] = {
    {"NUL byte", "# Title\n\nab\0cd\n", 15, 3, 3, "binary"},
    {"NUL byte at the start", "\0\0\0\0", 4, 1, 1, "binary"},
    {"invalid UTF-8", "# T\n\nok \xff here\n", 15, 3, 4, "UTF-8"},
    {"truncated UTF-8 sequence", "# T\n\nend \xC3", 10, 3, 5, "UTF-8"},
    {"overlong encoding", "# T\n\nx\xC0\xAF\n", 9, 3, 2, "UTF-8"},
    {"after a byte-order mark",
     "\xEF\xBB\xBF"
     "ab\xff\n",
     7, 1, 3, "UTF-8"},
};

START_TEST(test_api_lint_bad_input_file) {
  const input_case *c = &input_cases[_i];
  char *dir = make_dir();
  path_t p = put_bytes(dir, "bad.md", c->data, c->len);
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  int rc = ddl_lint_file(&r, ctx, p.buf);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_msg(rc == DDL_EINPUT, "%s: rc %d (%s)", c->name, rc, e->message);
  ck_assert_ptr_null(r);
  ck_assert_int_eq(e->code, DDL_EINPUT);
  ck_assert_str_eq(e->path, p.buf);
  ck_assert_msg(e->line == c->line && e->column == c->column, "%s: at %u:%u, expected %u:%u",
                c->name, e->line, e->column, c->line, c->column);
  ck_assert_msg(strstr(e->message, c->message), "%s: message %s", c->name, e->message);
  /* The same through ddl_lint_buffer. */
  rc = ddl_lint_buffer(&r, ctx, "buf.md", c->data, c->len);
  ck_assert_int_eq(rc, DDL_EINPUT);
  ck_assert_str_eq(ddl_ctx_error(ctx)->path, "buf.md");
  ck_assert_uint_eq(ddl_ctx_error(ctx)->line, c->line);
  ck_assert_uint_eq(ddl_ctx_error(ctx)->column, c->column);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

START_TEST(test_api_lint_file_ok) {
  char *dir = make_dir();
  path_t p = put(dir, "doc.md", "# Doc\n\nTODO\n");
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_file(&r, ctx, p.buf), DDL_OK);
  ck_assert_str_eq(ddl_result_path(r), p.buf);
  ck_assert_uint_eq(count_diags(r, "api/todo", 3), 1);
  ddl_result_free(r);
  /* An empty file is a valid (empty) document. */
  path_t e = put(dir, "empty.md", "");
  ck_assert_int_eq(ddl_lint_file(&r, ctx, e.buf), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "api/todo", 0), 0);
  ck_assert_ptr_null(ddl_result_line(r, 2, &(size_t){0}));
  ddl_result_free(r);
  ddl_ctx_free(ctx);
  remove_dir(dir);
}
END_TEST

/* ---- Linting buffers and results -------------------------------------- */

START_TEST(test_api_buffer_null_name) {
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, NULL, "# Doc\n\nTODO\n", 12), DDL_OK);
  ck_assert_str_eq(ddl_result_path(r), "<stdin>");
  ck_assert_uint_eq(count_diags(r, "api/todo", 3), 1);
  ddl_result_free(r);
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "some/dir/name.md", "# Doc\n", 6), DDL_OK);
  ck_assert_str_eq(ddl_result_path(r), "some/dir/name.md");
  ddl_result_free(r);
  ddl_ctx_free(ctx);
}
END_TEST

/* The buffer is copied: changing it afterwards changes nothing. */
START_TEST(test_api_buffer_copied) {
  char text[] = "# Doc\n\nTODO here\n";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "x.md", text, strlen(text)), DDL_OK);
  memset(text, 'z', strlen(text));
  size_t len = 0;
  const char *line = ddl_result_line(r, 3, &len);
  ck_assert_ptr_nonnull(line);
  ck_assert_uint_eq(len, 9);
  ck_assert(memcmp(line, "TODO here", 9) == 0);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
}
END_TEST

/* A result stays valid after its context is freed. */
START_TEST(test_api_result_outlives_ctx) {
  static const char md[] = "# Doc\n\n## Empty\n\n## Body\n\nTODO and FIXME.\n";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  ck_assert_str_eq(ddl_result_path(r), "doc.md");
  ck_assert_uint_eq(ddl_result_diag_count(r), 4);
  const ddl_diag *d = find_diag(r, "api/security", 0);
  ck_assert_ptr_nonnull(d);
  ck_assert_ptr_nonnull(strstr(ddl_diag_message(d), "security"));
  ck_assert_uint_eq(ddl_diag_note_count(d), 1);
  ck_assert_ptr_nonnull(strstr(ddl_diag_note(d, 0), "Who can access what?"));
  ck_assert_ptr_null(ddl_diag_note(d, 1));
  ck_assert_str_eq(ddl_diag_rule(find_diag(r, "api/empty", 3)), "api/empty");
  ck_assert_ptr_nonnull(strstr(ddl_diag_message(find_diag(r, "api/fixme", 7)), "FIXME"));
  ck_assert_uint_eq(ddl_result_coverage_count(r), 1);
  const ddl_coverage *c = ddl_result_coverage(r, 0);
  ck_assert_str_eq(c->area, "security");
  ck_assert_str_eq(c->rule, "api/security");
  ck_assert_int_eq(c->status, DDL_COVERAGE_MISSING);
  ck_assert_ptr_null(ddl_result_coverage(r, 1));
  size_t len;
  const char *line = ddl_result_line(r, 7, &len);
  ck_assert_ptr_nonnull(line);
  ck_assert_uint_eq(len, 15);
  ck_assert(memcmp(line, "TODO and FIXME.", 15) == 0);
  ddl_result_free(r);
}
END_TEST

/* Diagnostics come sorted by line then column, whatever order the rules
 * report them in (empty-section and area-coverage report at the end). */
START_TEST(test_api_diags_sorted) {
  static const char md[] = "# Doc\n"
                           "\n"
                           "FIXME then TODO and NB.\n"
                           "\n"
                           "## Empty\n"
                           "\n"
                           "## Body\n"
                           "\n"
                           "NB TODO FIXME\n"
                           "\n"
                           "## Last\n";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  ck_assert_uint_eq(ddl_result_diag_count(r), 9);
  unsigned pl = 0, pc = 0;
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    unsigned l = ddl_diag_line(d), c = ddl_diag_column(d);
    ck_assert_msg(l > pl || (l == pl && c >= pc), "diagnostic %zu at %u:%u after %u:%u", i, l, c,
                  pl, pc);
    ck_assert_msg(ddl_diag_end_line(d) > l ||
                      (ddl_diag_end_line(d) == l && ddl_diag_end_column(d) >= c),
                  "diagnostic %zu ends before it starts", i);
    pl = l;
    pc = c;
  }
  ck_assert_ptr_null(ddl_result_diag(r, ddl_result_diag_count(r)));
  /* The first is the missing area at the title, the last the empty
   * section at the end. */
  ck_assert_str_eq(ddl_diag_rule(ddl_result_diag(r, 0)), "api/security");
  ck_assert_str_eq(ddl_diag_rule(ddl_result_diag(r, 8)), "api/empty");
  ck_assert_uint_eq(ddl_diag_line(ddl_result_diag(r, 8)), 11);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_api_result_counts) {
  static const char md[] = "# Doc\n\n## Security\n\nTODO TODO FIXME NB NB NB\n";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  /* The security section is thin: a partial verdict (warning). */
  ck_assert_int_eq(find_area(r, "security")->status, DDL_COVERAGE_PARTIAL);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_ERROR), 1);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_WARNING), 3);
  ck_assert_uint_eq(ddl_result_count(r, DDL_SEV_NOTE), 3);
  ck_assert_uint_eq(ddl_result_diag_count(r), 7);
  ddl_result_free(r);
}
END_TEST

START_TEST(test_api_result_line) {
  static const char md[] = "\xEF\xBB\xBF# Title\r\n\r\nSecond paragraph\nlast line without newline";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  static const char *const lines[] = {"# Title", "", "Second paragraph",
                                      "last line without newline"};
  for (unsigned i = 0; i < 4; i++) {
    size_t len = 99;
    const char *l = ddl_result_line(r, i + 1, &len);
    ck_assert_msg(l != NULL, "line %u", i + 1);
    ck_assert_msg(len == strlen(lines[i]) && memcmp(l, lines[i], len) == 0,
                  "line %u: '%.*s', expected '%s'", i + 1, (int)len, l, lines[i]);
  }
  size_t len;
  ck_assert_ptr_null(ddl_result_line(r, 0, &len));
  ck_assert_ptr_null(ddl_result_line(r, 5, &len));
  ck_assert_ptr_null(ddl_result_line(r, 1000, &len));
  ddl_result_free(r);
  /* Lone CR line endings. */
  ctx = new_ctx();
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "cr.md", "# A\rb\r\rc", 8), DDL_OK);
  ddl_ctx_free(ctx);
  static const char *const cr_lines[] = {"# A", "b", "", "c"};
  for (unsigned i = 0; i < 4; i++) {
    const char *l = ddl_result_line(r, i + 1, &len);
    ck_assert_msg(l && len == strlen(cr_lines[i]) && memcmp(l, cr_lines[i], len) == 0,
                  "lone-CR line %u", i + 1);
  }
  ck_assert_ptr_null(ddl_result_line(r, 5, &len));
  ddl_result_free(r);
}
END_TEST

/* Columns count bytes and do not count a byte-order mark. */
START_TEST(test_api_columns_bytes_and_bom) {
  static const char md[] = "\xEF\xBB\xBFTODO \xC3\xA9\xC3\xA9 TODO\n";
  ddl_ctx *ctx = new_ctx();
  ddl_ctx_select(ctx, "api/security*", false);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ddl_ctx_free(ctx);
  ck_assert_uint_eq(count_diags(r, "api/todo", 1), 2);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 0)), 1);
  ck_assert_uint_eq(ddl_diag_end_column(ddl_result_diag(r, 0)), 5);
  ck_assert_uint_eq(ddl_diag_column(ddl_result_diag(r, 1)), 11);
  ck_assert_uint_eq(ddl_diag_end_column(ddl_result_diag(r, 1)), 15);
  ddl_result_free(r);
}
END_TEST

/* ---- ddl_walk --------------------------------------------------------- */

typedef struct {
  char seen[32][1024];
  int errors[32];    /* 0, or the error's code (1 when the code is 0) */
  bool messages[32]; /* the error had a non-empty message */
  size_t n;
} walk_log;

static void visit(void *ud, const char *path, const ddl_error *err) {
  walk_log *log = ud;
  if (log->n >= 32)
    return;
  snprintf(log->seen[log->n], sizeof(log->seen[0]), "%s", path);
  log->errors[log->n] = err ? (err->code ? err->code : 1) : 0;
  log->messages[log->n] = err && err->message && *err->message;
  log->n++;
}

START_TEST(test_api_walk_order) {
  char *dir = make_dir();
  put(dir, "b.md", "# b\n");
  put(dir, "a.markdown", "# a\n");
  put(dir, "A.md", "# A\n");
  put(dir, "c.txt", "not markdown\n");
  put(dir, "md", "no extension\n");
  put(dir, "zz.md.txt", "not markdown\n");
  put(dir, ".f.md", "# hidden file\n");
  put(dir, ".hidden/x.md", "# hidden dir\n");
  put(dir, "sub/e.md", "# e\n");
  put(dir, "sub/d.md", "# d\n");
  put(dir, "sub/deeper/f.markdown", "# f\n");
  put(dir, "sub/.git/g.md", "# hidden\n");
  put(dir, "node.md/inner.md", "# a directory named like a document\n");
  mkdir(join(dir, "empty").buf, 0755);
  walk_log log = {0};
  ddl_walk(dir, visit, &log);
  static const char *const expect[] = {
      "A.md",    "a.markdown", "b.md", "node.md/inner.md", "sub/d.md", "sub/deeper/f.markdown",
      "sub/e.md"};
  size_t n = sizeof(expect) / sizeof(expect[0]);
  if (log.n != n)
    for (size_t i = 0; i < log.n; i++)
      fprintf(stderr, "visited %s%s\n", log.seen[i], log.errors[i] ? " (error)" : "");
  ck_assert_uint_eq(log.n, n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_str_eq(log.seen[i], join(dir, expect[i]).buf);
    ck_assert_int_eq(log.errors[i], 0);
  }
  remove_dir(dir);
}
END_TEST

START_TEST(test_api_walk_missing_dir) {
  char *dir = make_dir();
  path_t missing = join(dir, "no-such-dir");
  walk_log log = {0};
  ddl_walk(missing.buf, visit, &log);
  ck_assert_uint_eq(log.n, 1);
  ck_assert_str_eq(log.seen[0], missing.buf);
  ck_assert_int_ne(log.errors[0], 0);
  ck_assert(log.messages[0]);
  remove_dir(dir);
}
END_TEST

/* A subdirectory that cannot be read is reported and the walk goes on.
 * Permissions do not stop root, so as root the walk runs in a child
 * process that has switched to an unprivileged user. */
START_TEST(test_api_walk_unreadable_subdir) {
  char *dir = make_dir();
  put(dir, "a.md", "# a\n");
  put(dir, "locked/x.md", "# x\n");
  put(dir, "z.md", "# z\n");
  path_t locked = join(dir, "locked");
  ck_assert_int_eq(chmod(dir, 0755), 0);
  ck_assert_int_eq(chmod(locked.buf, 0), 0);
  walk_log *log = calloc(1, sizeof(*log));
  ck_assert_ptr_nonnull(log);
  if (geteuid() != 0) {
    ddl_walk(dir, visit, log);
  } else {
    int fd[2];
    ck_assert_int_eq(pipe(fd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
      close(fd[0]);
      if (setgid(65534) != 0 || setuid(65534) != 0)
        _exit(77);
      ddl_walk(dir, visit, log);
      ssize_t w = write(fd[1], log, sizeof(*log));
      _exit(w == (ssize_t)sizeof(*log) ? 0 : 1);
    }
    close(fd[1]);
    size_t got = 0;
    while (got < sizeof(*log)) {
      ssize_t n = read(fd[0], (char *)log + got, sizeof(*log) - got);
      if (n <= 0)
        break;
      got += (size_t)n;
    }
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
      /* Cannot drop privileges here: nothing to test. */
      chmod(locked.buf, 0755);
      free(log);
      remove_dir(dir);
      return;
    }
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == sizeof(*log),
                  "walk child failed (status %d)", status);
  }
  chmod(locked.buf, 0755);
  ck_assert_uint_eq(log->n, 3);
  ck_assert_str_eq(log->seen[0], join(dir, "a.md").buf);
  ck_assert_int_eq(log->errors[0], 0);
  ck_assert_str_eq(log->seen[1], locked.buf);
  ck_assert_int_ne(log->errors[1], 0);
  ck_assert(log->messages[1]);
  ck_assert_str_eq(log->seen[2], join(dir, "z.md").buf);
  ck_assert_int_eq(log->errors[2], 0);
  free(log);
  remove_dir(dir);
}
END_TEST

/* ---- Rulesets --------------------------------------------------------- */

START_TEST(test_api_ruleset_accessors) {
  ddl_ctx *ctx = new_ctx();
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, NULL), DDL_OK);
  ck_assert_ptr_nonnull(rs);
  static const char *const ids[] = {"api/security", "api/security.authn", "api/todo", "api/fixme",
                                    "api/note",     "api/empty",          "api/off"};
  static const char *const kinds[] = {"area-coverage", "topic-coverage", "placeholder",
                                      "placeholder",   "placeholder",    "empty-section",
                                      "placeholder"};
  static const ddl_severity sevs[] = {DDL_SEV_ERROR, DDL_SEV_WARNING, DDL_SEV_WARNING,
                                      DDL_SEV_ERROR, DDL_SEV_NOTE,    DDL_SEV_WARNING,
                                      DDL_SEV_ERROR};
  size_t n = sizeof(ids) / sizeof(ids[0]);
  ck_assert_uint_eq(ddl_ruleset_count(rs), n + ENGINE_RULES);
  for (size_t i = 0; i < n; i++) {
    const ddl_rule *rule = ddl_ruleset_rule(rs, i);
    ck_assert_ptr_nonnull(rule);
    ck_assert_str_eq(ddl_rule_id(rule), ids[i]);
    ck_assert_str_eq(ddl_rule_kind_name(rule), kinds[i]);
    ck_assert_str_eq(ddl_rule_pack(rule), "api");
    ck_assert_int_eq(ddl_ruleset_severity(rs, i), sevs[i]);
    ck_assert(ddl_ruleset_enabled(rs, i) == (strcmp(ids[i], "api/off") != 0));
    ck_assert_int_eq(ddl_ruleset_find(rs, ids[i]), (long)i);
    ck_assert_ptr_nonnull(ddl_rule_summary(rule));
    ck_assert_ptr_nonnull(ddl_rule_explain(rule));
    ck_assert_ptr_nonnull(ddl_rule_example(rule));
    ck_assert_ptr_nonnull(ddl_rule_details(rule));
  }
  /* Then the engine's own, whatever the packs: kind engine, warnings. */
  static const char *const engine[] = {"ddlint/directive", "ddlint/regex-limit"};
  for (size_t i = 0; i < ENGINE_RULES; i++) {
    const ddl_rule *rule = ddl_ruleset_rule(rs, n + i);
    ck_assert_str_eq(ddl_rule_id(rule), engine[i]);
    ck_assert_str_eq(ddl_rule_kind_name(rule), "engine");
    ck_assert_str_eq(ddl_rule_pack(rule), "ddlint");
    ck_assert_int_eq(ddl_ruleset_severity(rs, n + i), DDL_SEV_WARNING);
    ck_assert(ddl_ruleset_enabled(rs, n + i));
    ck_assert_str_ne(ddl_rule_explain(rule), "");
  }
  n += ENGINE_RULES;
  ck_assert_ptr_null(ddl_ruleset_rule(rs, n));
  ck_assert(!ddl_ruleset_enabled(rs, n));
  ck_assert_int_eq(ddl_ruleset_find(rs, "api/sec"), -1);
  ck_assert_int_eq(ddl_ruleset_find(rs, "api/*"), -1);
  ck_assert_int_eq(ddl_ruleset_find(rs, ""), -1);

  const ddl_rule *sec = ddl_ruleset_rule(rs, 0);
  ck_assert_str_eq(ddl_rule_summary(sec), "The document discusses security.");
  ck_assert_str_eq(ddl_rule_explain(sec), "Looks for a security section.");
  ck_assert_str_eq(ddl_rule_example(sec), "## Security\n");
  ck_assert_msg(strstr(ddl_rule_details(sec), "security"), "details: %s", ddl_rule_details(sec));
  ck_assert_msg(strstr(ddl_rule_details(sec), "Who can access what?"), "details: %s",
                ddl_rule_details(sec));
  const ddl_rule *topic = ddl_ruleset_rule(rs, 1);
  ck_assert_msg(strstr(ddl_rule_details(topic), "How do users sign in?"), "details: %s",
                ddl_rule_details(topic));
  const ddl_rule *todo = ddl_ruleset_rule(rs, 2);
  ck_assert_str_eq(ddl_rule_summary(todo), "");
  ck_assert_str_eq(ddl_rule_explain(todo), "");
  ck_assert_str_eq(ddl_rule_example(todo), "");
  ck_assert_str_eq(ddl_rule_details(todo), "");
  ddl_ctx_free(ctx);
}
END_TEST

/* Selections show in the ruleset. */
START_TEST(test_api_ruleset_selection) {
  ddl_ctx *ctx = new_ctx();
  ddl_ctx_select(ctx, "api/todo,api/fixme", false);
  ddl_ctx_select(ctx, "api/off", true);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_OK);
  ck_assert(!ddl_ruleset_enabled(rs, (size_t)ddl_ruleset_find(rs, "api/todo")));
  ck_assert(!ddl_ruleset_enabled(rs, (size_t)ddl_ruleset_find(rs, "api/fixme")));
  ck_assert(ddl_ruleset_enabled(rs, (size_t)ddl_ruleset_find(rs, "api/off")));
  ck_assert(ddl_ruleset_enabled(rs, (size_t)ddl_ruleset_find(rs, "api/note")));
  ddl_result *r = NULL;
  static const char md[] = "# D\n\nTODO FIXME XYZZY\n";
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
  ck_assert_uint_eq(count_diags(r, "api/todo", 0), 0);
  ck_assert_uint_eq(count_diags(r, "api/fixme", 0), 0);
  ck_assert_uint_eq(count_diags(r, "api/off", 3), 1);
  ddl_result_free(r);
  ddl_ctx_free(ctx);
}
END_TEST

START_TEST(test_api_no_rule_packs) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  int rc = ddl_ctx_prepare(ctx);
  ck_assert_int_eq(rc, DDL_EUSAGE);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EUSAGE);
  ck_assert_msg(strstr(e->message, "no rule packs"), "message: %s", e->message);
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", "# D\n", 4), DDL_EUSAGE);
  ck_assert_ptr_null(r);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, NULL), DDL_EUSAGE);
  ddl_ctx_free(ctx);
}
END_TEST

typedef struct {
  const char *globs;
  bool enable;
  const char *bad;
} select_case;

static const select_case select_cases[] = {
    {"api/nothing", false, "api/nothing"},
    {"api/nothing*", true, "api/nothing*"},
    {"api/todo,other/*", false, "other/*"},
    {"api/todo, api/fixmee", true, "api/fixmee"},
};

START_TEST(test_api_select_no_match) {
  const select_case *c = &select_cases[_i];
  ddl_ctx *ctx = new_ctx();
  ddl_ctx_select(ctx, c->globs, c->enable);
  ddl_result *r = NULL;
  int rc = ddl_lint_buffer(&r, ctx, "doc.md", "# D\n\nTODO\n", 10);
  ck_assert_int_eq(rc, DDL_EUSAGE);
  ck_assert_ptr_null(r);
  const ddl_error *e = ddl_ctx_error(ctx);
  ck_assert_int_eq(e->code, DDL_EUSAGE);
  ck_assert_msg(strstr(e->message, c->bad), "message '%s' lacks '%s'", e->message, c->bad);
  ck_assert_msg(strstr(e->message, "matches no rule"), "message: %s", e->message);
  const ddl_ruleset *rs = NULL;
  ck_assert_int_eq(ddl_ctx_ruleset(&rs, ctx, "doc.md"), DDL_EUSAGE);
  ddl_ctx_free(ctx);
}
END_TEST

/* ddl_ctx_add_rules copies its argument. */
START_TEST(test_api_add_rules_copies_path) {
  char path[1024];
  snprintf(path, sizeof(path), "%s", write_temp("copied-pack.yaml", pack));
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, false);
  ddl_ctx_add_rules(ctx, path);
  memset(path, 0, sizeof(path));
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_OK);
  ck_assert_int_eq(ddl_ctx_prepare(ctx), DDL_OK);
  ddl_ctx_free(ctx);
}
END_TEST

/* Many documents through one context give the same results as fresh
 * contexts. */
START_TEST(test_api_ctx_reuse) {
  static const char md[] = "# Doc\n\n## Empty\n\n## Body\n\nTODO and FIXME.\n";
  ddl_ctx *ctx = new_ctx();
  for (int i = 0; i < 5; i++) {
    ddl_result *r = NULL;
    ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "doc.md", md, strlen(md)), DDL_OK);
    ck_assert_uint_eq(ddl_result_diag_count(r), 4);
    ddl_result_free(r);
  }
  ddl_ctx_free(ctx);
}
END_TEST

/* cmark's source position of this inline comment is a few bytes off, so
 * the directive warning's range ended inside the zero-width joiner (the
 * document fuzzer found it): no range may start or end in a character. */
START_TEST(test_api_ranges_on_characters) {
  static const char md[] =
      "# Doc\n\nWe also need a geo-index<!-- ddlint-disable-next-line deep-dive/justification -->e "
      "x\n  \"id\": \"sd\",\n  \"areas\": {\n    \"perf\": {\"note\": \"caching on<!-- "
      "ddlint-disable no/such-rule \xE2\x80\x8D-->ly as\"}\n";
  ddl_ctx *ctx = new_ctx();
  ddl_result *r = NULL;
  ck_assert_int_eq(ddl_lint_buffer(&r, ctx, "zwj.md", md, sizeof(md) - 1), DDL_OK);
  size_t n = ddl_result_diag_count(r);
  ck_assert_uint_gt(n, 0);
  for (size_t i = 0; i < n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    unsigned ends[2][2] = {{ddl_diag_line(d), ddl_diag_column(d)},
                           {ddl_diag_end_line(d), ddl_diag_end_column(d)}};
    for (int k = 0; k < 2; k++) {
      size_t len;
      const char *line = ddl_result_line(r, ends[k][0], &len);
      ck_assert_ptr_nonnull(line);
      size_t at = ends[k][1] - 1;
      ck_assert_msg(at >= len || ((unsigned char)line[at] & 0xC0) != 0x80,
                    "%s: %u:%u is inside a character", ddl_diag_rule(d), ends[k][0], ends[k][1]);
    }
  }
  ddl_result_free(r);
  ddl_ctx_free(ctx);
}
END_TEST

/* ---- Suggested fixes --------------------------------------------------- */

/* Applies R's fix for RULE to DOC (LINE:COLUMN in bytes) and returns the
 * new document (malloc'd). */
static char *apply_fix(const char *doc, const ddl_result *r, const char *rule) {
  const ddl_diag *d = find_diag(r, rule, 0);
  ck_assert_ptr_nonnull(d);
  const ddl_fix *fix = ddl_diag_fix(d);
  ck_assert_ptr_nonnull(fix);
  ck_assert_str_ne(fix->title, "");
  size_t at = 0;
  for (unsigned line = 1; line < fix->line; line++) {
    const char *nl = strchr(doc + at, '\n');
    ck_assert_ptr_nonnull(nl);
    at = (size_t)(nl - doc) + 1;
  }
  at += fix->column - 1;
  ck_assert_uint_le(at, strlen(doc));
  size_t len = strlen(doc) + strlen(fix->text);
  char *out = malloc(len + 1);
  memcpy(out, doc, at);
  strcpy(out + at, fix->text);
  strcat(out, doc + at);
  return out;
}

START_TEST(test_api_fix_missing_area) {
  const char *doc = "# Feeds\n\n## Deep dive\n\nThe feed service fans out posts.\n\n"
                    "### Storage\n\nPosts live in one table.\n\n## Rollout\n\nIn May.\n";
  ddl_result *r = lint_str(doc);
  char *fixed = apply_fix(doc, r, "deep-dive/security");
  /* at the end of the deep dive, one level below it, before Rollout */
  const char *want = "Posts live in one table.\n\n### Security\n\n<!-- Security should answer:\n"
                     "  - How are users and services authenticated?\n";
  ck_assert_ptr_nonnull(strstr(fixed, want));
  ck_assert_ptr_nonnull(strstr(fixed, "-->\n\n## Rollout\n"));
  ddl_result_free(r);
  /* The skeleton is an empty section: the verdict moves to it. */
  r = lint_str(fixed);
  const ddl_diag *d = find_diag(r, "deep-dive/security", 0);
  ck_assert_ptr_nonnull(d);
  ck_assert_ptr_nonnull(strstr(ddl_diag_message(d), "section 'Security' is empty"));
  ddl_result_free(r);
  free(fixed);
  /* no deep-dive heading, no newline at the end: a top-level section after a blank line */
  doc = "# Feeds\n\n## Overview\n\nThe feed service fans out posts.";
  r = lint_str(doc);
  fixed = apply_fix(doc, r, "deep-dive/security");
  ck_assert_ptr_nonnull(strstr(fixed, "fans out posts.\n\n## Security\n\n<!-- Security"));
  ck_assert_uint_eq(fixed[strlen(fixed) - 1], '\n');
  ddl_result_free(r);
  free(fixed);
}
END_TEST

START_TEST(test_api_fix_empty_section) {
  const char *doc = "# Feeds\n\n## Security\n\n## Rollout\n\nIn May.\n";
  ddl_result *r = lint_str(doc);
  char *fixed = apply_fix(doc, r, "deep-dive/security");
  ck_assert_str_eq(fixed, "# Feeds\n\n## Security\n\n<!-- Security should answer:\n"
                          "  - How are users and services authenticated?\n"
                          "  - How is authorization enforced (roles, permissions, tenancy)?\n"
                          "  - Is data encrypted in transit and at rest, and how are keys managed?\n"
                          "  - How is sensitive data (credentials, personal data, payment details) "
                          "protected?\n-->\n\n## Rollout\n\nIn May.\n");
  /* rules without a fix have none */
  const ddl_diag *d = find_diag(r, "deep-dive/justification", 0);
  if (d)
    ck_assert_ptr_null(ddl_diag_fix(d));
  ddl_result_free(r);
  free(fixed);
}
END_TEST

int main(void) {
  Suite *s = suite_create("api");
  TCase *tc = tcase_create("names");
  tcase_add_test(tc, test_api_version);
  tcase_add_test(tc, test_api_severity_names);
  tcase_add_test(tc, test_api_coverage_status_names);
  tcase_add_test(tc, test_api_fresh_ctx_error);
  suite_add_tcase(s, tc);
  tc = tcase_create("lint");
  tcase_add_test(tc, test_api_lint_missing_file);
  tcase_add_test(tc, test_api_lint_directory);
  tcase_add_loop_test(tc, test_api_lint_bad_input_file, 0,
                      (int)(sizeof(input_cases) / sizeof(input_cases[0])));
  tcase_add_test(tc, test_api_lint_file_ok);
  tcase_add_test(tc, test_api_buffer_null_name);
  tcase_add_test(tc, test_api_buffer_copied);
  tcase_add_test(tc, test_api_ranges_on_characters);
  suite_add_tcase(s, tc);
  tc = tcase_create("results");
  tcase_add_test(tc, test_api_result_outlives_ctx);
  tcase_add_test(tc, test_api_diags_sorted);
  tcase_add_test(tc, test_api_result_counts);
  tcase_add_test(tc, test_api_result_line);
  tcase_add_test(tc, test_api_columns_bytes_and_bom);
  suite_add_tcase(s, tc);
  tc = tcase_create("walk");
  tcase_add_test(tc, test_api_walk_order);
  tcase_add_test(tc, test_api_walk_missing_dir);
  tcase_add_test(tc, test_api_walk_unreadable_subdir);
  suite_add_tcase(s, tc);
  tc = tcase_create("rulesets");
  tcase_add_test(tc, test_api_ruleset_accessors);
  tcase_add_test(tc, test_api_ruleset_selection);
  tcase_add_test(tc, test_api_no_rule_packs);
  tcase_add_loop_test(tc, test_api_select_no_match, 0,
                      (int)(sizeof(select_cases) / sizeof(select_cases[0])));
  tcase_add_test(tc, test_api_add_rules_copies_path);
  tcase_add_test(tc, test_api_ctx_reuse);
  tcase_add_test(tc, test_api_fix_missing_area);
  tcase_add_test(tc, test_api_fix_empty_section);
  suite_add_tcase(s, tc);  return run_suite(s);
}
