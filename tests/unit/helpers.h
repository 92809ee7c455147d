/* Shared helpers for the Check suites: lint a string with the built-in
 * packs or with a pack given as YAML text, and find diagnostics. */
#ifndef DDL_TEST_HELPERS_H
#define DDL_TEST_HELPERS_H

#include "ddlint.h"

#include <check.h>
#include <stddef.h>

/* Lints MARKDOWN with the built-in packs, configuration files ignored.
 * The result must be freed with ddl_result_free(); fails the test on error. */
/* The engine's own rules (rules/ddlint.yaml), in every ruleset after the
 * rules of the other packs. */
#define ENGINE_RULES 2

ddl_result *lint_str(const char *markdown);
/* The same with extra arguments: PACK_YAML (NULL: built-in packs only) is
 * written to a temporary file and added with ddl_ctx_add_rules; DISABLE and
 * ENABLE (NULL: none) are glob lists as for --disable/--enable. */
ddl_result *lint_with(const char *markdown, const char *pack_yaml, bool builtin,
                      const char *disable, const char *enable);
/* Number of diagnostics of RULE (NULL: any), at LINE (0: any line). */
size_t count_diags(const ddl_result *r, const char *rule, unsigned line);
/* The first diagnostic of RULE at LINE (0: any), or NULL. */
const ddl_diag *find_diag(const ddl_result *r, const char *rule, unsigned line);
/* The coverage entry for AREA, or NULL. */
const ddl_coverage *find_area(const ddl_result *r, const char *area);
/* Writes TEXT to a fresh file under a temporary directory and returns its
 * path (static storage; valid until the next call with the same slot). */
const char *write_temp(const char *name, const char *text);
/* Temporary directory trees for tests that need real files. */
typedef struct {
  char buf[1024];
} path_t;

/* A fresh directory under /tmp (malloc'd path; free with remove_dir). */
char *make_dir(void);
path_t join(const char *dir, const char *rel);
/* Writes DATA to DIR/REL, creating the directories between. */
path_t put_bytes(const char *dir, const char *rel, const char *data, size_t len);
path_t put(const char *dir, const char *rel, const char *text);
/* Removes the tree (even unreadable subdirectories) and frees DIR. */
void remove_dir(char *dir);

/* Runs suite S (taking ownership) and returns main()'s exit status. */
int run_suite(Suite *s);

/* Prints R's diagnostics to stderr, for debugging a failing test. */
void dump_result(const ddl_result *r);

#endif
