/* Command-line options: one table drives parsing and --help. */
#ifndef DDL_CLI_OPTS_H
#define DDL_CLI_OPTS_H

#include "ddlint.h"
#include "util/vec.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum { WHEN_AUTO, WHEN_ALWAYS, WHEN_NEVER } cli_when;

typedef struct {
  const char *globs;
  bool enable;
} cli_selection;

typedef struct {
  const char *format;       /* a name of ddl_formats() */
  bool lsp, no_notes, no_ignore, force_exclude, quiet, list_rules, help, version, no_default_rules, no_config;
  const char *explain, *config, *stdin_filename, *print_config;
  int fail_on;              /* 0 note .. 2 error, 3 never; -1 unset */
  ddl_column_unit columns;
  unsigned jobs;            /* threads; 0: one per processor */
  cli_when color, snippet;
  DDL_VEC(const char *) rules;
  DDL_VEC(cli_selection) selections;
  DDL_VEC(const char *) paths;
  DDL_VEC(const char *) excludes;
} cli_opts;

/* Parses ARGV into OPTS; on a usage error prints it and returns false.
 * Strings point into ARGV.  Free with cli_opts_free(). */
bool cli_parse(cli_opts *opts, int argc, char **argv);
void cli_opts_free(cli_opts *opts);
void cli_help(FILE *out);

#endif
