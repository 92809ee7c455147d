/* ddlint: the command-line front end, a thin layer over the library. */
#include "ddlint.h"

#include "cli/opts.h"
#include "cli/rules_info.h"
#include "lsp/lsp.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/vec.h"

#include <errno.h>
#include <jansson.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  char *path, *message;
} walk_failure;

typedef struct {
  DDL_VEC(char *) files;
  DDL_VEC(char *) shown;   /* configuration and pack errors already printed */
  ddl_strmap shown_index;  /* the same, to find one at once */
  DDL_VEC(walk_failure) path_errors; /* paths the walk reported: unreadable, empty, ... */
  ddl_emitter *err;         /* text on standard error */
  ddl_emitter *out;         /* the chosen format on standard output */
  bool errors_in_output;    /* the format records files that failed */
  int status;
  size_t failed;           /* files that could not be linted */
} run_state;

/* Prints an error once: a broken .ddlint.yaml fails every file below it.
 * Errors are the same when file, position and message are: two broken
 * configurations with the same message are two errors. */
static void report_error(run_state *rs, const ddl_error *e) {
  if (e->code == DDL_ECONFIG || e->code == DDL_EPACK) {
    const char *path = e->path ? e->path : "";
    int n = snprintf(NULL, 0, "%s:%u:%u:%s", path, e->line, e->column, e->message);
    char *key = ddl_xmalloc((size_t)(n > 0 ? n : 0) + 1);
    snprintf(key, (size_t)(n > 0 ? n : 0) + 1, "%s:%u:%u:%s", path, e->line, e->column,
             e->message);
    if (!ddl_strmap_add(&rs->shown_index, key, rs->shown.len, NULL)) {
      free(key);
      goto done;
    }
    DDL_VEC_PUSH(rs->shown, key);
  }
  ddl_emitter_error(rs->err, NULL, e);
done:
  rs->status = DDL_EXIT_ERROR;
}

/* A path the walk could not read is reported at once and, in JSON, kept
 * for the document: nothing the run skipped may go unmentioned. */
static void on_walk(void *ud, const char *path, const ddl_error *err) {
  run_state *rs = ud;
  if (err) {
    report_error(rs, err);
    if (rs->errors_in_output)
      ddl_emitter_error(rs->out, path, err);
    walk_failure w = {ddl_xstrdup(path), ddl_xstrdup(err->message)};
    DDL_VEC_PUSH(rs->path_errors, w);
  } else {
    DDL_VEC_PUSH(rs->files, ddl_xstrdup(path));
  }
}

static int by_path(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(run_state *rs, const cli_opts *o, ddl_ctx *ctx) {
  ddl_walk_options wopts = {o->no_ignore, o->excludes.items, o->excludes.len, ctx};
  ddl_walker *walker = ddl_walker_new(&wopts);
  for (size_t i = 0; i < o->paths.len; i++) {
    const char *p = o->paths.items[i];
    struct stat st;
    if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      size_t before = rs->files.len + rs->path_errors.len;
      ddl_walker_walk(walker, p, on_walk, rs);
      if (rs->files.len + rs->path_errors.len == before) {
        /* A CI step pointed at the wrong folder must not pass. */
        ddl_error e = {DDL_EIO, p, 0, 0,
                       "no Markdown files (*.md, *.markdown) to lint in this directory"};
        on_walk(rs, p, &e);
      }
    } else if (!(o->force_exclude && strcmp(p, "-") != 0 && ddl_walker_left_out(walker, p, NULL))) {
      DDL_VEC_PUSH(rs->files, ddl_xstrdup(p));
      if (o->force_exclude)
        ddl_walker_report_failure(walker, p, on_walk, rs);
    }
  }
  ddl_walker_free(walker);
  /* Output is sorted by file; the same file named twice is linted once. */
  if (rs->files.len > 1)
    qsort(rs->files.items, rs->files.len, sizeof(char *), by_path);
  size_t kept = 0;
  for (size_t i = 0; i < rs->files.len; i++) {
    if (kept && strcmp(rs->files.items[kept - 1], rs->files.items[i]) == 0)
      free(rs->files.items[i]);
    else
      rs->files.items[kept++] = rs->files.items[i];
  }
  rs->files.len = kept;
}

static bool enabled(cli_when w, int fd) {
  if (w != WHEN_AUTO)
    return w == WHEN_ALWAYS;
  const char *term = getenv("TERM");
  return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}

/* One file's outcome, whichever way it was linted. */
typedef struct {
  run_state *rs;
  const cli_opts *o;
  bool document;            /* the format writes everything at the end */
  size_t counts[3];
} lint_run;

static void take(lint_run *lr, const char *path, ddl_result *r, const ddl_error *err) {
  run_state *rs = lr->rs;
  if (!r) {
    report_error(rs, err);
    rs->failed++;
    if (rs->errors_in_output)
      ddl_emitter_error(rs->out, path, err);
    return;
  }
  const cli_opts *o = lr->o;
  int fail_on = o->fail_on >= 0 ? o->fail_on : ddl_result_fail_on(r) >= 0 ? ddl_result_fail_on(r) : 2;
  for (int sev = 0; sev < 3; sev++) {
    lr->counts[sev] += ddl_result_count(r, (ddl_severity)sev);
    if (sev >= fail_on && ddl_result_count(r, (ddl_severity)sev) && rs->status == DDL_EXIT_OK)
      rs->status = DDL_EXIT_FINDINGS;
  }
  ddl_emitter_file(rs->out, r);
  ddl_result_free(r);
  /* Text goes out file by file: flushing after each one keeps the order
   * of merged streams and stops the run at the first failed write
   * instead of linting on into a full disk or a closed pipe. */
  if (!lr->document)
    ddl_emitter_flush(rs->out);
}

static bool on_linted(void *ud, size_t i, const char *path, ddl_result *r, const ddl_error *err) {
  (void)i;
  lint_run *lr = ud;
  take(lr, path, r, err);
  return !ddl_emitter_status(lr->rs->out);
}

/* The files in order; standard input ("-", at most once) where it sorts. */
static void lint_all(lint_run *lr, ddl_ctx *ctx) {
  char **files = lr->rs->files.items;
  size_t n = lr->rs->files.len, i = 0;
  while (i < n && !ddl_emitter_status(lr->rs->out)) {
    if (strcmp(files[i], "-") == 0) {
      ddl_result *r = NULL;
      int rc = ddl_lint_stream(&r, ctx, lr->o->stdin_filename, stdin);
      take(lr, lr->o->stdin_filename ? lr->o->stdin_filename : "<stdin>", rc ? NULL : r,
           ddl_ctx_error(ctx));
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && strcmp(files[j], "-") != 0)
      j++;
    if (ddl_lint_files(ctx, (const char *const *)files + i, j - i, lr->o->jobs, on_linted, lr))
      report_error(lr->rs, ddl_ctx_error(ctx));
    i = j;
  }
}

static void summary_line(size_t counts[3], size_t files, size_t failed, size_t path_errors) {
  static const char *const names[] = {"note", "warning", "error"};
  char buf[160] = "";
  for (int sev = 2; sev >= 0; sev--)
    if (counts[sev])
      snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%zu %s%s", *buf ? ", " : "",
               counts[sev], names[sev], counts[sev] == 1 ? "" : "s");
  size_t linted = files - failed;
  fprintf(stderr, "%s in %zu file%s", *buf ? buf : "no problems", linted, linted == 1 ? "" : "s");
  if (failed)
    fprintf(stderr, "; %zu file%s could not be linted", failed, failed == 1 ? "" : "s");
  /* Not "could not be read": a folder without Markdown files is one too. */
  if (path_errors)
    fprintf(stderr, "; %zu path%s", path_errors,
            path_errors == 1 ? " had an error" : "s had errors");
  fputc('\n', stderr);
}

/* Standard output is flushed and closed here, as gnulib's close_stdout
 * does, so that a full disk is an error and not a silent exit 0.  A closed
 * pipe (EPIPE with SIGPIPE ignored) ends the run quietly, as grep does.
 * ERROR is the errno of a write that already failed, or 0. */
static int finish_output(int error, int status) {
  errno = 0;
  if (fflush(stdout) != 0 || ferror(stdout))
    error = error ? error : errno ? errno : EIO;
  errno = 0;
  if (fclose(stdout) != 0 && !error)
    error = errno ? errno : EIO;
  if (error) {
    if (error != EPIPE)
      fprintf(stderr, "ddlint: error: cannot write output: %s\n", strerror(error));
    status = DDL_EXIT_ERROR;
  }
  if (fflush(stderr) != 0 || ferror(stderr))
    status = DDL_EXIT_ERROR;
  return status;
}

/* The error of what was printed to standard output directly (help, rule
 * lists), with errno cleared before printing: stdio keeps only a flag. */
static int printed_error(void) { return ferror(stdout) ? (errno ? errno : EIO) : 0; }

static void free_state(run_state *rs) {
  for (size_t i = 0; i < rs->files.len; i++)
    free(rs->files.items[i]);
  for (size_t i = 0; i < rs->shown.len; i++)
    free(rs->shown.items[i]);
  for (size_t i = 0; i < rs->path_errors.len; i++) {
    free(rs->path_errors.items[i].path);
    free(rs->path_errors.items[i].message);
  }
  DDL_VEC_FREE(rs->files);
  DDL_VEC_FREE(rs->shown);
  ddl_strmap_free(&rs->shown_index);
  DDL_VEC_FREE(rs->path_errors);
  ddl_emitter_free(rs->out);
  ddl_emitter_free(rs->err);
}

static const ddl_format *format_info(const char *name) {
  for (const ddl_format *f = ddl_formats(); f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  return NULL;
}

static void lint_paths(run_state *rs, const cli_opts *o, ddl_ctx *ctx) {
  collect(rs, o, ctx);
  lint_run lr = {rs, o, format_info(o->format)->document, {0, 0, 0}};
  lint_all(&lr, ctx);
  int error = ddl_emitter_end(rs->out);
  if (!o->quiet && !error)
    summary_line(lr.counts, rs->files.len, rs->failed, rs->path_errors.len);
}

/* A context with the command line's rule and configuration settings. */
static ddl_ctx *make_ctx(void *ud) {
  const cli_opts *o = ud;
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(ctx, !o->no_default_rules);
  for (size_t i = 0; i < o->rules.len; i++)
    ddl_ctx_add_rules(ctx, o->rules.items[i]);
  ddl_ctx_set_config(ctx, o->config, !o->no_config);
  for (size_t i = 0; i < o->selections.len; i++)
    ddl_ctx_select(ctx, o->selections.items[i].globs, o->selections.items[i].enable);
  return ctx;
}

int main(int argc, char **argv) {
  /* jansson allocates through ddlint's allocator, which aborts with a
   * message on exhaustion, so JSON output fails like everything else. */
  json_set_alloc_funcs(ddl_xmalloc, free);
#ifdef __GLIBC__
  /* glibc hands the top of the heap back to the kernel whenever 128 KiB
   * of it is free, which is after every document, and then faults the
   * same pages in again for the next one: two brk calls per file and a
   * fifth of the time on small files.  A linter's heap is small; keep it. */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
#endif
  cli_opts o;
  if (!cli_parse(&o, argc, argv))
    return DDL_EXIT_ERROR;
  if (o.help || o.version) {
    errno = 0;
    if (o.help)
      cli_help(stdout);
    else
      printf("ddlint %s\n", ddl_version());
    cli_opts_free(&o);
    return finish_output(printed_error(), DDL_EXIT_OK);
  }
  if (o.lsp) {
    /* the client going away is an end like EOF, not a signal */
    signal(SIGPIPE, SIG_IGN);
    lsp_options lo = {.make_ctx = make_ctx, .ud = &o};
    int rc = lsp_serve(stdin, stdout, &lo);
    cli_opts_free(&o);
    return rc;
  }
  ddl_ctx *ctx = make_ctx(&o);

  const char *no_color = getenv("NO_COLOR"); /* no-color.org: set and not empty */
  bool color = !(no_color && *no_color) || o.color == WHEN_ALWAYS;
  run_state rs = {0};
  ddl_emit_options err_opts = {.color = color && enabled(o.color, 2), .notes = true};
  if (ddl_emitter_new(&rs.err, ctx, "text", stderr, &err_opts))
    abort(); /* "text" is always a format */
  const ddl_ruleset *rules = NULL;
  int list_error = 0;
  if (ddl_ctx_prepare(ctx)) {
    report_error(&rs, ddl_ctx_error(ctx));
  } else {
    /* The rules the output describes (SARIF's rules[]): those of the
     * working directory.  A broken configuration here is reported by the
     * files it governs, and an output without descriptions is still right. */
    if (ddl_ctx_ruleset(&rules, ctx, NULL))
      rules = NULL;
    ddl_emit_options out_opts = {
        .color = color && enabled(o.color, 1),
        .snippet = strcmp(o.format, "text") == 0 && enabled(o.snippet, 1),
        .notes = !o.no_notes,
        .columns = o.columns,
        .rules = rules,
    };
    if (ddl_emitter_new(&rs.out, ctx, o.format, stdout, &out_opts))
      abort(); /* cli_parse accepted only a name of ddl_formats() */
    rs.errors_in_output = format_info(o.format)->errors_in_output;
    if (o.list_rules || o.print_config || o.explain) {
      bool json = strcmp(o.format, "json") == 0;
      errno = 0;
      int rc = o.explain ? cli_explain(ctx, o.explain) : cli_list_rules(ctx, o.print_config, json);
      if (rc < 0)
        report_error(&rs, ddl_ctx_error(ctx));
      else if (rc > 0)
        rs.status = DDL_EXIT_ERROR;
      list_error = printed_error();
    } else if (o.paths.len == 0) {
      fprintf(stderr, "ddlint: error: no input files (give a file, a directory, or - for "
                      "standard input)\nTry 'ddlint --help'.\n");
      rs.status = DDL_EXIT_ERROR;
    } else {
      lint_paths(&rs, &o, ctx);
    }
  }
  int error = list_error ? list_error : rs.out ? ddl_emitter_status(rs.out) : 0;
  int status = rs.status;
  free_state(&rs);
  cli_opts_free(&o);
  ddl_ctx_free(ctx);
  return finish_output(error, status);
}
