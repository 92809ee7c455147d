/* The option table, getopt_long over it, and the help text from it. */
#include "cli/opts.h"

#include "ddlint.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  OPT_FORMAT = 256, OPT_SUMMARY, OPT_NO_NOTES, OPT_COLUMN_UNIT, OPT_FAIL_ON, OPT_ENABLE, OPT_DISABLE, OPT_RULES,
  OPT_NO_DEFAULT_RULES, OPT_CONFIG, OPT_NO_CONFIG, OPT_STDIN_FILENAME, OPT_COLOR,
  OPT_SNIPPET, OPT_NO_SNIPPET, OPT_EXCLUDE, OPT_FORCE_EXCLUDE, OPT_NO_IGNORE, OPT_QUIET, OPT_JOBS, OPT_LIST_RULES, OPT_PRINT_CONFIG, OPT_EXPLAIN, OPT_LSP, OPT_HELP,
  OPT_VERSION
} opt_id;

typedef struct {
  opt_id id;
  char short_name;      /* 0 when none */
  const char *name;
  const char *arg;      /* NULL for a flag */
  const char *help;
} opt_spec;

static const opt_spec specs[] = {
    {OPT_FORMAT, 'f', "format", "FORMAT", "Output format (default text; see Formats below)"},
    {OPT_SUMMARY, 0, "summary", NULL, "Print each file's coverage table: --format=summary"},
    {OPT_NO_NOTES, 0, "no-notes", NULL,
     "Leave out the notes that list each missing area's questions"},
    {OPT_COLUMN_UNIT, 0, "column-unit", "UNIT",
     "Count columns in byte (default, as gcc and Vim), char (Emacs) or utf-16 (LSP clients); "
     "SARIF counts in char unless utf-16"},
    {OPT_FAIL_ON, 0, "fail-on", "LEVEL",
     "Exit 1 when a diagnostic at or above LEVEL is found: error (default), warning, note or never"},
    {OPT_ENABLE, 'e', "enable", "RULES",
     "Enable rules: comma-separated ids or globs (deep-dive/api*); repeatable"},
    {OPT_DISABLE, 'd', "disable", "RULES", "Disable rules, as --enable; applied in order given"},
    {OPT_RULES, 'r', "rules", "PATH",
     "Load rule packs from a YAML file or a directory of them, besides the built-in ones; "
     "repeatable"},
    {OPT_NO_DEFAULT_RULES, 0, "no-default-rules", NULL, "Do not load the built-in rule packs"},
    {OPT_CONFIG, 'c', "config", "FILE",
     "Use FILE as the configuration for every document instead of the nearest .ddlint.yaml"},
    {OPT_NO_CONFIG, 0, "no-config", NULL, "Ignore .ddlint.yaml files"},
    {OPT_EXCLUDE, 0, "exclude", "GLOB",
     "Leave out of directory walks what matches GLOB, as in .gitignore (drafts/, "
     "docs/**/old-*.md), relative to the working directory; repeatable"},
    {OPT_FORCE_EXCLUDE, 0, "force-exclude", NULL,
     "Also leave out files named on the command line that --exclude or git ignores "
     "(for pre-commit)"},
    {OPT_NO_IGNORE, 0, "no-ignore", NULL,
     "Do not skip what git ignores (.gitignore, .git/info/exclude) or node_modules folders"},
    {OPT_STDIN_FILENAME, 0, "stdin-filename", "NAME",
     "Name standard input (PATH '-') NAME in diagnostics and find its configuration from there"},
    {OPT_COLOR, 0, "color", "WHEN",
     "Colour the text output: auto (default: on a terminal, unless NO_COLOR is set), always, never"},
    {OPT_SNIPPET, 0, "snippet", NULL, "Show the source line and a caret under each diagnostic"},
    {OPT_NO_SNIPPET, 0, "no-snippet", NULL,
     "Do not show source lines (they are shown by default on a terminal)"},
    {OPT_QUIET, 'q', "quiet", NULL, "Do not print the summary line on standard error"},
    {OPT_JOBS, 'j', "jobs", "N",
     "Lint on N threads (default: one per processor; 1: no threads); output is the same"},
    {OPT_LIST_RULES, 0, "list-rules", NULL,
     "List every rule with its severity and whether it is enabled here (as JSON with "
     "--format=json), then exit"},
    {OPT_PRINT_CONFIG, 0, "print-config", "FILE",
     "Show the rules, severities, configuration and overrides that apply to FILE, then exit"},
    {OPT_EXPLAIN, 0, "explain", "RULE",
     "Explain a rule: what it checks, why it matters, a passage that passes; then exit"},
    {OPT_LSP, 0, "lsp", NULL,
     "Run as a Language Server Protocol server on standard input and output, for editors; "
     "--rules, --no-default-rules, --config, --no-config, --enable and --disable apply"},
    {OPT_HELP, 'h', "help", NULL, "Show this help and exit"},
    {OPT_VERSION, 'V', "version", NULL, "Show the version and exit"},
};

enum { NSPECS = sizeof(specs) / sizeof(specs[0]) };

void cli_help(FILE *out) {
  fputs("Usage: ddlint [OPTIONS] PATH...\n"
        "\n"
        "Lint Markdown design documents: report which deep-dive areas (components,\n"
        "scalability, data, api, security, reliability, performance) a document does\n"
        "not cover, decisions that give no reason, and leftover placeholders.\n"
        "\n"
        "PATH is a file, a directory (searched recursively for *.md and *.markdown,\n"
        "skipping hidden entries, node_modules and what git ignores) or - for\n"
        "standard input.  A file named here is linted even if excluded, unless\n"
        "--force-exclude is given.\n"
        "\n"
        "Options:\n",
        out);
  for (int i = 0; i < NSPECS; i++) {
    const opt_spec *s = &specs[i];
    char left[64];
    if (s->short_name)
      snprintf(left, sizeof(left), "-%c, --%s%s%s", s->short_name, s->name, s->arg ? "=" : "",
               s->arg ? s->arg : "");
    else
      snprintf(left, sizeof(left), "    --%s%s%s", s->name, s->arg ? "=" : "", s->arg ? s->arg : "");
    fprintf(out, "  %-28s", left);
    /* Wrap the description at 80 columns under its own indentation. */
    const char *h = s->help;
    size_t col = 30;
    bool first = true;
    while (*h) {
      size_t w = strcspn(h, " ");
      if (!first && col + 1 + w > 79) {
        fprintf(out, "\n%30s", "");
        col = 30;
      } else if (!first) {
        fputc(' ', out);
        col++;
      }
      fprintf(out, "%.*s", (int)w, h);
      col += w;
      h += w;
      while (*h == ' ')
        h++;
      first = false;
    }
    fputc('\n', out);
  }
  fputs("\nFormats:\n", out);
  for (const ddl_format *f = ddl_formats(); f->name; f++)
    fprintf(out, "  %-10s%s\n", f->name, f->description);
  fputs("\n"
        "Configuration: the nearest .ddlint.yaml (or .ddlint.yml) above each document\n"
        "may set\n"
        "  disable: [GLOB...]     enable: [GLOB...]     severity: {GLOB: LEVEL}\n"
        "  rule-packs: [PATH...]  headings: {AREA: [HEADING...]}  fail-on: LEVEL\n"
        "  overrides: [{files: [PATH-GLOB...], disable: ..., enable: ..., severity: ...}]\n"
        "Overrides apply in order to the documents their files: globs match (as in\n"
        ".gitignore, relative to the file's folder); command-line --disable/--enable\n"
        "apply after all of it.\n"
        "\n"
        "In a document: <!-- ddlint-disable RULE... -->, <!-- ddlint-enable RULE... -->,\n"
        "<!-- ddlint-disable-next-line RULE... -->, <!-- ddlint-disable-line RULE... -->\n"
        "and <!-- ddlint-disable-file RULE... --> (no RULE: every rule).\n"
        "\n"
        "Output: PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE], columns in bytes as gcc\n"
        "unless --column-unit says otherwise.\n"
        "Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage, I/O,\n"
        "rule-pack or configuration error.\n",
        out);
}

static bool parse_when(cli_when *out, const char *s) {
  if (strcmp(s, "auto") == 0)
    *out = WHEN_AUTO;
  else if (strcmp(s, "always") == 0)
    *out = WHEN_ALWAYS;
  else if (strcmp(s, "never") == 0)
    *out = WHEN_NEVER;
  else
    return false;
  return true;
}

static bool bad(const char *opt, const char *value, const char *expected) {
  fprintf(stderr, "ddlint: error: invalid value '%s' for --%s (expected %s)\n", value, opt,
          expected);
  return false;
}

static bool apply(cli_opts *o, opt_id id, const char *arg) {
  cli_selection sel = {arg, id == OPT_ENABLE};
  switch (id) {
  case OPT_FORMAT: {
    const ddl_format *f = ddl_formats();
    while (f->name && strcmp(f->name, arg) != 0)
      f++;
    if (!f->name) {
      char names[256] = "";
      for (f = ddl_formats(); f->name; f++)
        snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
                 *names ? (f[1].name ? ", " : " or ") : "", f->name);
      return bad("format", arg, names);
    }
    o->format = f->name;
    break;
  }
  case OPT_SUMMARY: o->format = "summary"; break;
  case OPT_NO_NOTES: o->no_notes = true; break;
  case OPT_COLUMN_UNIT:
    if (ddl_column_unit_parse(&o->columns, arg))
      return bad("column-unit", arg, "byte, char or utf-16");
    break;
  case OPT_FAIL_ON:
    if (ddl_fail_on_parse(&o->fail_on, arg))
      return bad("fail-on", arg, "error, warning, note or never");
    break;
  case OPT_ENABLE:
  case OPT_DISABLE: DDL_VEC_PUSH(o->selections, sel); break;
  case OPT_RULES: DDL_VEC_PUSH(o->rules, arg); break;
  case OPT_NO_DEFAULT_RULES: o->no_default_rules = true; break;
  case OPT_CONFIG: o->config = arg; break;
  case OPT_NO_CONFIG: o->no_config = true; break;
  case OPT_STDIN_FILENAME: o->stdin_filename = arg; break;
  case OPT_COLOR:
    if (!parse_when(&o->color, arg))
      return bad("color", arg, "auto, always or never");
    break;
  case OPT_EXCLUDE: DDL_VEC_PUSH(o->excludes, arg); break;
  case OPT_FORCE_EXCLUDE: o->force_exclude = true; break;
  case OPT_NO_IGNORE: o->no_ignore = true; break;
  case OPT_SNIPPET: o->snippet = WHEN_ALWAYS; break;
  case OPT_NO_SNIPPET: o->snippet = WHEN_NEVER; break;
  case OPT_QUIET: o->quiet = true; break;
  case OPT_JOBS: {
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (!*arg || *end || errno || n < 1 || n > 1024)
      return bad("jobs", arg, "a number of threads from 1 to 1024");
    o->jobs = (unsigned)n;
    break;
  }
  case OPT_LIST_RULES: o->list_rules = true; break;
  case OPT_EXPLAIN: o->explain = arg; break;
  case OPT_PRINT_CONFIG: o->print_config = arg; break;
  case OPT_LSP: o->lsp = true; break;
  case OPT_HELP: o->help = true; break;
  case OPT_VERSION: o->version = true; break;
  }
  return true;
}

bool cli_parse(cli_opts *o, int argc, char **argv) {
  memset(o, 0, sizeof(*o));
  o->fail_on = -1;
  o->format = "text";
  struct option longs[NSPECS + 1];
  char shorts[2 * NSPECS + 2], *sp = shorts;
  *sp++ = ':'; /* report a missing argument as ':' */
  for (int i = 0; i < NSPECS; i++) {
    longs[i] = (struct option){specs[i].name, specs[i].arg ? required_argument : no_argument,
                               NULL, (int)specs[i].id};
    if (specs[i].short_name) {
      *sp++ = specs[i].short_name;
      if (specs[i].arg)
        *sp++ = ':';
    }
  }
  *sp = '\0';
  longs[NSPECS] = (struct option){0, 0, 0, 0};
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    if (c == '?' || c == ':') {
      const char *what = argv[optind - 1];
      fprintf(stderr, "ddlint: error: %s '%s'\nTry 'ddlint --help'.\n",
              c == ':' ? "missing value for option" : "unknown option", what);
      return false;
    }
    opt_id id = (opt_id)c;
    for (int i = 0; i < NSPECS; i++)
      if (specs[i].short_name == c)
        id = specs[i].id;
    if (!apply(o, id, optarg))
      return false;
  }
  for (int i = optind; i < argc; i++)
    DDL_VEC_PUSH(o->paths, argv[i]);
  if (o->lsp && o->paths.len) {
    fprintf(stderr, "ddlint: error: --lsp takes no paths: the editor sends the documents\n"
                    "Try 'ddlint --help'.\n");
    return false;
  }
  return true;
}

void cli_opts_free(cli_opts *o) {
  DDL_VEC_FREE(o->rules);
  DDL_VEC_FREE(o->selections);
  DDL_VEC_FREE(o->paths);
  DDL_VEC_FREE(o->excludes);
}
