/* ddlint: a linter for Markdown design documents.
 *
 * The library parses a document, runs the rules of the loaded rule packs
 * over it and returns structured diagnostics plus a coverage verdict per
 * deep-dive area.  A ddl_ctx and everything obtained from it must be used
 * by one thread at a time; ddl_lint_files() lints on several threads with
 * one context.
 */
#ifndef DDLINT_H
#define DDLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of every int-returning function: 0 or a negative DDL_E*. */
typedef enum {
  DDL_OK = 0,
  DDL_EIO = -1,     /* a file or directory could not be read */
  DDL_EINPUT = -2,  /* input is not UTF-8 text: binary, invalid UTF-8, too large */
  DDL_EPACK = -3,   /* a rule pack is malformed */
  DDL_ECONFIG = -4, /* a configuration file is malformed */
  DDL_EUSAGE = -5   /* an argument is invalid: unknown rule, bad value */
} ddl_status;

/* Process exit codes of the ddlint command. */
enum { DDL_EXIT_OK = 0, DDL_EXIT_FINDINGS = 1, DDL_EXIT_ERROR = 2 };

typedef enum { DDL_SEV_NOTE = 0, DDL_SEV_WARNING = 1, DDL_SEV_ERROR = 2 } ddl_severity;

typedef enum {
  DDL_COVERAGE_MISSING = 0,
  DDL_COVERAGE_PARTIAL = 1,
  DDL_COVERAGE_COVERED = 2
} ddl_coverage_status;

typedef struct ddl_ctx ddl_ctx;
typedef struct ddl_result ddl_result;
typedef struct ddl_diag ddl_diag;
typedef struct ddl_rule ddl_rule;
typedef struct ddl_ruleset ddl_ruleset;

/* Where and why the last failing call on a context failed.  Strings are
 * owned by the context and valid until its next call.  line and column
 * are 1-based, 0 when unknown; path is NULL when no file is involved. */
typedef struct {
  int code;
  const char *path;
  unsigned line, column;
  const char *message;
} ddl_error;

/* The verdict on one deep-dive area of one document; owned by its result. */
typedef struct {
  const char *area;         /* e.g. "security" */
  const char *rule;         /* e.g. "deep-dive/security" */
  ddl_coverage_status status;
  unsigned line;            /* line of the best evidence, 0 when missing */
  /* The document marks the area not applicable: covered when it says
   * why, partial when it does not. */
  bool not_applicable;
} ddl_coverage;

const char *ddl_version(void);
const char *ddl_severity_name(ddl_severity sev);
/* Parses "error", "warning" or "note"; returns DDL_EUSAGE otherwise. */
int ddl_severity_parse(ddl_severity *out, const char *name);
/* Parses a --fail-on level, "note", "warning", "error" or "never", into
 * 0, 1, 2 or 3; returns DDL_EUSAGE otherwise. */
int ddl_fail_on_parse(int *out, const char *name);
const char *ddl_coverage_status_name(ddl_coverage_status status);

/* ---- Context ------------------------------------------------------- */

/* Creates a context with the built-in rule packs and configuration-file
 * discovery enabled.  Never returns NULL: ddlint aborts on out-of-memory.
 * Free with ddl_ctx_free(). */
ddl_ctx *ddl_ctx_new(void);
void ddl_ctx_free(ddl_ctx *ctx);
const ddl_error *ddl_ctx_error(const ddl_ctx *ctx);

/* Settings; each must be made before the first lint or ruleset call. */
void ddl_ctx_use_builtin_packs(ddl_ctx *ctx, bool use);
/* Adds a rule pack file or a directory of *.yaml packs (the path is copied). */
void ddl_ctx_add_rules(ddl_ctx *ctx, const char *path);
/* Uses FILE for every document instead of discovering .ddlint.yaml;
 * NULL with discover=false disables configuration files altogether. */
void ddl_ctx_set_config(ddl_ctx *ctx, const char *file, bool discover);
/* Enables or disables the rules matching a comma-separated list of globs
 * ("deep-dive/api*,hygiene/placeholder").  Applied after configuration files, in call
 * order.  A glob matching no rule is reported by the first lint call. */
void ddl_ctx_select(ddl_ctx *ctx, const char *globs, bool enable);

/* Loads the rule packs and validates the settings without linting. */
int ddl_ctx_prepare(ddl_ctx *ctx);

/* ---- Rules ----------------------------------------------------------- */

/* The rules that apply to a document at PATH (its .ddlint.yaml is found by
 * walking up from PATH's directory; NULL means the current directory).
 * The ruleset is owned by the context. */
int ddl_ctx_ruleset(const ddl_ruleset **out, ddl_ctx *ctx, const char *path);
size_t ddl_ruleset_count(const ddl_ruleset *rs);
const ddl_rule *ddl_ruleset_rule(const ddl_ruleset *rs, size_t i);
bool ddl_ruleset_enabled(const ddl_ruleset *rs, size_t i);
ddl_severity ddl_ruleset_severity(const ddl_ruleset *rs, size_t i);
/* Index of the rule with this exact id, or -1. */
long ddl_ruleset_find(const ddl_ruleset *rs, const char *id);
/* The configuration file the ruleset comes from, or NULL; and the lines
 * in it of the overrides it applies, in order (*LINES owned by RS). */
const char *ddl_ruleset_config(const ddl_ruleset *rs);
size_t ddl_ruleset_overrides(const ddl_ruleset *rs, const unsigned **lines);

const char *ddl_rule_id(const ddl_rule *rule);
const char *ddl_rule_kind_name(const ddl_rule *rule);
const char *ddl_rule_pack(const ddl_rule *rule);
const char *ddl_rule_summary(const ddl_rule *rule);
const char *ddl_rule_explain(const ddl_rule *rule);   /* may be "" */
const char *ddl_rule_example(const ddl_rule *rule);   /* may be "" */
/* Extra lines for --explain from the rule kind (questions, topic), or "". */
const char *ddl_rule_details(const ddl_rule *rule);

/* ---- Linting --------------------------------------------------------- */

/* Lints the file at PATH.  On success *out is a result the caller frees
 * with ddl_result_free(); it does not depend on the context.  A file that cannot be read or is not UTF-8 text
 * fails with DDL_EIO or DDL_EINPUT and ddl_ctx_error() says where. */
int ddl_lint_file(ddl_result **out, ddl_ctx *ctx, const char *path);
/* Lints LEN bytes at DATA (copied) as the document named NAME; NAME is used
 * in diagnostics and for configuration discovery (NULL: "<stdin>" and the
 * current directory). */
int ddl_lint_buffer(ddl_result **out, ddl_ctx *ctx, const char *name,
                    const char *data, size_t len);

/* Lints all that can be read from F (standard input, a pipe) as the
 * document named NAME, as ddl_lint_buffer does. */
int ddl_lint_stream(ddl_result **out, ddl_ctx *ctx, const char *name, FILE *f);

/* Called for each file of ddl_lint_files(), in the order of PATHS and on
 * the calling thread: with the file's result, which the callback owns and
 * frees, or with RESULT NULL and ERR saying why the file could not be
 * linted.  Returns false to stop: no further file is linted or reported. */
typedef bool (*ddl_lint_done_fn)(void *ud, size_t i, const char *path, ddl_result *result,
                                 const ddl_error *err);
/* Lints the N files at PATHS on up to JOBS threads (0: one per online
 * processor, 1: none but the caller's), calling DONE for each.  The
 * results are those ddl_lint_file() gives, file by file, whatever JOBS
 * is.  Fails only as ddl_ctx_prepare() does; errors of single files go to
 * DONE. */
int ddl_lint_files(ddl_ctx *ctx, const char *const *paths, size_t n, unsigned jobs,
                   ddl_lint_done_fn done, void *ud);

/* Calls VISIT for every Markdown file (*.md, *.markdown) under DIR, in
 * sorted order, skipping hidden entries and not following symbolic links
 * to directories.  Whatever cannot be read is reported, with ERR non-NULL
 * and PATH naming it: a directory that cannot be listed or entered, an
 * entry that cannot be examined, a broken or looping *.md link, a *.md
 * entry that is not a regular file.  The walk then goes on. */
typedef void (*ddl_walk_fn)(void *ud, const char *path, const ddl_error *err);
void ddl_walk(const char *dir, ddl_walk_fn visit, void *ud);

/* Which entries a walk leaves out, besides hidden ones. */
typedef struct {
  /* Walk what git ignores (.gitignore, .git/info/exclude, the global
   * excludes file) when inside a work tree, and node_modules folders. */
  bool no_ignore;
  /* Globs as in .gitignore ("drafts/", "docs/adr/", "*.draft.md"), matched
   * against paths relative to the working directory. */
  const char *const *exclude;
  size_t nexclude;
  /* When not NULL, the exclude: and include: lists of the configuration
   * files CTX finds (or is given) apply too, relative to their folders. */
  ddl_ctx *ctx;
} ddl_walk_options;

/* A walker walks as ddl_walk() does, leaving out what OPTS says (NULL:
 * the defaults; OPTS->exclude must outlive it), and keeps what it learns
 * of git work trees from one call to the next.  Free with
 * ddl_walker_free(). */
typedef struct ddl_walker ddl_walker;
ddl_walker *ddl_walker_new(const ddl_walk_options *opts);
void ddl_walker_free(ddl_walker *w);
/* A folder named here is walked even if git ignores it. */
void ddl_walker_walk(ddl_walker *w, const char *dir, ddl_walk_fn visit, void *ud);
/* Whether a walk would leave out the file at PATH (or a directory above
 * it): for files named on the command line with --force-exclude.  Sets
 * *WHY (when not NULL) to "excluded" or "ignored by git". */
bool ddl_walker_left_out(ddl_walker *w, const char *path, const char **why);
/* Reports through VISIT, as an error at PATH, that git's ignore rules
 * could not be applied (libgit2 would not load), if no walk has reported
 * it yet; whether it did.  A walk reports it itself; ddl_walker_left_out
 * has no callback, so its caller asks after it. */
bool ddl_walker_report_failure(ddl_walker *w, const char *path, ddl_walk_fn visit, void *ud);

/* ---- Results --------------------------------------------------------- */

void ddl_result_free(ddl_result *result);
const char *ddl_result_path(const ddl_result *result);
/* Diagnostics sorted by line, then column. */
size_t ddl_result_diag_count(const ddl_result *result);
const ddl_diag *ddl_result_diag(const ddl_result *result, size_t i);
size_t ddl_result_count(const ddl_result *result, ddl_severity sev);
size_t ddl_result_coverage_count(const ddl_result *result);
const ddl_coverage *ddl_result_coverage(const ddl_result *result, size_t i);
/* The --fail-on threshold set by the document's configuration file, or -1. */
int ddl_result_fail_on(const ddl_result *result);
/* Line LINE (1-based) of the document without its line ending, for
 * snippets; NULL when out of range.  Owned by the result. */
const char *ddl_result_line(const ddl_result *result, unsigned line, size_t *len);

/* Positions are 1-based; columns count bytes from the start of the line,
 * as gcc does, not counting a UTF-8 byte-order mark.  The end is
 * exclusive: end_column is the column just past the last byte. */
unsigned ddl_diag_line(const ddl_diag *d);
unsigned ddl_diag_column(const ddl_diag *d);
unsigned ddl_diag_end_line(const ddl_diag *d);
unsigned ddl_diag_end_column(const ddl_diag *d);
ddl_severity ddl_diag_severity(const ddl_diag *d);
const char *ddl_diag_rule(const ddl_diag *d);
const char *ddl_diag_message(const ddl_diag *d);
size_t ddl_diag_note_count(const ddl_diag *d);
const char *ddl_diag_note(const ddl_diag *d, size_t i);

/* An edit that would address a diagnostic: TEXT inserted at LINE:COLUMN
 * (1-based, bytes as above; the line may be one past the last when the
 * text goes at the end of a document that ends with a newline).  A
 * missing area, for one, suggests a section skeleton with its questions. */
typedef struct {
  unsigned line, column;
  const char *text;
  const char *title; /* what the edit does, for an editor's code action */
} ddl_fix;
/* The diagnostic's suggested edit, or NULL; owned by its result. */
const ddl_fix *ddl_diag_fix(const ddl_diag *d);

/* ---- Output ---------------------------------------------------------- */

/* An output format.  A document format (json, sarif, gitlab) writes one
 * document for the whole run at ddl_emitter_end(); the others write each
 * file as it is given.  Formats with errors_in_output record the files
 * that could not be linted (ddl_emitter_error); text and summary leave
 * that to the caller's standard error. */
typedef struct {
  const char *name;
  const char *description;  /* one line, for --help */
  bool document;
  bool errors_in_output;
} ddl_format;

/* The formats, in the order --help lists them; the last has a NULL name. */
const ddl_format *ddl_formats(void);

/* The unit of columns in an output: bytes (as gcc and Vim count them),
 * characters, that is code points (Emacs), or UTF-16 code units (LSP
 * clients, VS Code). */
typedef enum { DDL_COLUMN_BYTE = 0, DDL_COLUMN_CHAR = 1, DDL_COLUMN_UTF16 = 2 } ddl_column_unit;
const char *ddl_column_unit_name(ddl_column_unit unit); /* "byte", "char", "utf-16" */
/* Parses a name of ddl_column_unit_name(); DDL_EUSAGE otherwise. */
int ddl_column_unit_parse(ddl_column_unit *out, const char *name);

typedef struct {
  bool color;    /* ANSI colours: text and summary */
  bool snippet;  /* the source line and a caret under each diagnostic: text */
  bool notes;    /* the per-question notes: lines of their own in text,
                    appended to the message in sarif, github and gitlab */
  /* The rules to describe, for formats that list them (sarif), usually
   * ddl_ctx_ruleset(ctx, NULL); may be NULL.  A rule a result names that
   * is not here is listed with its id alone. */
  const ddl_ruleset *rules;
  /* Columns of text, json and github (default bytes).  SARIF counts in
   * UTF-16 code units for DDL_COLUMN_UTF16 and in code points otherwise,
   * and says which in columnKind, since it has no unit for bytes. */
  ddl_column_unit columns;
} ddl_emit_options;

typedef struct ddl_emitter ddl_emitter;

/* Creates an emitter of FORMAT writing to F, which must stay open until
 * ddl_emitter_free().  Fails with DDL_EUSAGE when FORMAT is not one of
 * ddl_formats(), and then CTX's error (CTX may be NULL) names them. */
int ddl_emitter_new(ddl_emitter **out, ddl_ctx *ctx, const char *format, FILE *f,
                    const ddl_emit_options *opts);
/* Each of these returns 0, or the errno of the first write that failed:
 * every write is checked, and after a failure the emitter writes nothing
 * more.  ddl_emitter_file() writes or records one file's result;
 * ddl_emitter_error() one file that could not be linted, ERR saying why;
 * ddl_emitter_end() writes what the format keeps for the end and flushes. */
int ddl_emitter_file(ddl_emitter *e, const ddl_result *result);
int ddl_emitter_error(ddl_emitter *e, const char *path, const ddl_error *err);
int ddl_emitter_end(ddl_emitter *e);
/* Flushes F: text formats call it after each file so that merged
 * streams (2>&1) keep their order. */
int ddl_emitter_flush(ddl_emitter *e);
/* 0, or the errno of the first write that failed. */
int ddl_emitter_status(const ddl_emitter *e);
void ddl_emitter_free(ddl_emitter *e);

#ifdef __cplusplus
}
#endif

#endif
