/* --format=github: GitHub Actions workflow commands, which the runner
 * turns into annotations on the commit and the pull request:
 *   ::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * Escaped as the Actions toolkit escapes them (%, CR and LF everywhere;
 * also ':' and ',' in properties).  The runner decodes nothing else, so
 * other control characters, which would reach the log as they are, are
 * written as \xHH, and bytes that are not UTF-8 become U+FFFD. */
#include "emit/emit.h"

#include "util/buf.h"
#include "util/path.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static void escaped(emit_opts *o, const char *s, bool property) {
  ddl_buf fixed = {0};
  size_t len = strlen(s);
  if (!ddl_utf8_valid(s, len)) {
    ddl_utf8_repair(&fixed, s, len);
    s = ddl_buf_cstr(&fixed);
  }
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0, i = 0;
  for (; u[i]; i++) {
    const char *esc = NULL;
    char hex[8];
    if (u[i] == '%')
      esc = "%25";
    else if (u[i] == '\r')
      esc = "%0D";
    else if (u[i] == '\n')
      esc = "%0A";
    else if (property && u[i] == ':')
      esc = "%3A";
    else if (property && u[i] == ',')
      esc = "%2C";
    else if (u[i] < 0x20 || u[i] == 0x7F || (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)) {
      /* C0, DEL and C1 (two bytes in UTF-8) */
      size_t n = u[i] == 0xC2 ? 2 : 1;
      emit_write(o, s + run, i - run);
      for (size_t k = 0; k < n; k++) {
        snprintf(hex, sizeof(hex), "\\x%02x", u[i + k]);
        emit_write(o, hex, 4);
      }
      i += n - 1;
      run = i + 1;
      continue;
    }
    if (esc) {
      emit_write(o, s + run, i - run);
      emit_write(o, esc, 3);
      run = i + 1;
    }
  }
  emit_write(o, s + run, i - run);
  ddl_buf_free(&fixed);
}

static const char *command(ddl_severity sev) {
  return sev == DDL_SEV_ERROR ? "error" : sev == DDL_SEV_WARNING ? "warning" : "notice";
}

/* Paths relative to the workspace, as the runner resolves them. */
static const char *workspace_path(const char *path) { return ddl_path_relative(path, NULL); }

static void file(ddl_emitter *e, const ddl_result *r) {
  emit_opts *o = &e->o;
  const char *path = workspace_path(ddl_result_path(r));
  emit_column_cursor starts = {0}, ends = {0};
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    unsigned line = ddl_diag_line(d), end_line = ddl_diag_end_line(d);
    emit_printf(o, "::%s file=", command(ddl_diag_severity(d)));
    escaped(o, path, true);
    emit_printf(o, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", line,
                emit_column(&starts, o->columns, r, line, ddl_diag_column(d)), end_line,
                emit_column(&ends, o->columns, r, end_line, ddl_diag_end_column(d)));
    escaped(o, ddl_diag_rule(d), true);
    emit_write(o, "::", 2);
    char *text = emit_message_with_notes(o, d);
    escaped(o, text, false);
    free(text);
    emit_write(o, "\n", 1);
  }
}

static void error(ddl_emitter *e, const char *path, const ddl_error *err) {
  emit_opts *o = &e->o;
  emit_write(o, "::error file=", 13);
  escaped(o, workspace_path(err->path ? err->path : path), true);
  if (err->line)
    emit_printf(o, ",line=%u,col=%u", err->line, err->column ? err->column : 1);
  emit_write(o, ",title=ddlint::", 15);
  escaped(o, err->message, false);
  emit_write(o, "\n", 1);
}

const emit_format emit_format_github = {.file = file, .error = error};
