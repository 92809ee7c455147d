/* Helpers shared by the Check suites. */
#include "helpers.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *make_dir(void) {
  char *dir = strdup("/tmp/ddlint-test-XXXXXX");
  ck_assert_ptr_nonnull(dir);
  ck_assert_ptr_nonnull(mkdtemp(dir));
  return dir;
}

path_t join(const char *dir, const char *rel) {
  path_t p;
  snprintf(p.buf, sizeof(p.buf), "%s/%s", dir, rel);
  return p;
}

path_t put_bytes(const char *dir, const char *rel, const char *data, size_t len) {
  path_t p = join(dir, rel);
  for (char *s = p.buf + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
    *s = '\0';
    mkdir(p.buf, 0755);
    *s = '/';
  }
  FILE *f = fopen(p.buf, "wb");
  ck_assert_msg(f != NULL, "cannot write %s", p.buf);
  fwrite(data, 1, len, f);
  fclose(f);
  return p;
}

path_t put(const char *dir, const char *rel, const char *text) {
  return put_bytes(dir, rel, text, strlen(text));
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)ftw;
  if (flag == FTW_DNR || flag == FTW_DP)
    chmod(path, 0755); /* a test may have made it unreadable */
  remove(path);
  return 0;
}

void remove_dir(char *dir) {
  nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(dir);
}

static char tmpdir[256];

const char *write_temp(const char *name, const char *text) {
  static char path[512];
  if (!tmpdir[0]) {
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/ddlint-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
  }
  snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(text, 1, strlen(text), f);
  fclose(f);
  return path;
}

ddl_result *lint_with(const char *markdown, const char *pack_yaml, bool builtin,
                      const char *disable, const char *enable) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_ctx_use_builtin_packs(ctx, builtin);
  if (pack_yaml)
    ddl_ctx_add_rules(ctx, write_temp("pack.yaml", pack_yaml));
  if (disable)
    ddl_ctx_select(ctx, disable, false);
  if (enable)
    ddl_ctx_select(ctx, enable, true);
  ddl_result *r = NULL;
  int rc = ddl_lint_buffer(&r, ctx, "test.md", markdown, strlen(markdown));
  if (rc != DDL_OK) {
    const ddl_error *e = ddl_ctx_error(ctx);
    ck_abort_msg("lint failed (%d): %s:%u:%u: %s", rc, e->path ? e->path : "-", e->line,
                 e->column, e->message);
  }
  ddl_ctx_free(ctx);
  return r;
}

ddl_result *lint_str(const char *markdown) { return lint_with(markdown, NULL, true, NULL, NULL); }

size_t count_diags(const ddl_result *r, const char *rule, unsigned line) {
  size_t n = 0;
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    if ((!rule || strcmp(ddl_diag_rule(d), rule) == 0) && (!line || ddl_diag_line(d) == line))
      n++;
  }
  return n;
}

const ddl_diag *find_diag(const ddl_result *r, const char *rule, unsigned line) {
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    if ((!rule || strcmp(ddl_diag_rule(d), rule) == 0) && (!line || ddl_diag_line(d) == line))
      return d;
  }
  return NULL;
}

const ddl_coverage *find_area(const ddl_result *r, const char *area) {
  for (size_t i = 0; i < ddl_result_coverage_count(r); i++)
    if (strcmp(ddl_result_coverage(r, i)->area, area) == 0)
      return ddl_result_coverage(r, i);
  return NULL;
}

int run_suite(Suite *s) {
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

void dump_result(const ddl_result *r) {
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    fprintf(stderr, "%u:%u-%u:%u %s %s [%s]\n", ddl_diag_line(d), ddl_diag_column(d),
            ddl_diag_end_line(d), ddl_diag_end_column(d), ddl_severity_name(ddl_diag_severity(d)),
            ddl_diag_message(d), ddl_diag_rule(d));
  }
}
