/* Invariants of a lint result against the document it came from. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("fuzz: invariant violated: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

bool fz_utf8_valid(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    unsigned c = u[i];
    size_t n;
    uint32_t cp, min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (len - i < n)
      return false;
    for (size_t k = 1; k < n; k++) {
      if ((u[i + k] & 0xC0) != 0x80)
        return false;
      cp = cp << 6 | (u[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

void fz_doc_init(fz_doc *doc, const char *data, size_t len) {
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3;
    len -= 3;
  }
  size_t n = 1;
  for (size_t i = 0; i < len; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n')))
      n++;
  doc->data = data;
  doc->len = len;
  doc->nlines = n;
  doc->starts = malloc((n + 1) * sizeof(size_t));
  if (!doc->starts)
    fz_fail("out of memory");
  size_t k = 0;
  doc->starts[k++] = 0;
  for (size_t i = 0; i < len; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n')))
      doc->starts[k++] = i + 1;
  doc->starts[k] = len;
}

void fz_doc_free(fz_doc *doc) {
  free(doc->starts);
  doc->starts = NULL;
}

size_t fz_doc_line_len(const fz_doc *doc, size_t line) {
  size_t start = doc->starts[line - 1], end = doc->starts[line];
  if (end > start && doc->data[end - 1] == '\n')
    end--;
  if (end > start && doc->data[end - 1] == '\r')
    end--;
  return end - start;
}

static void check_text(const char *what, const char *s) {
  if (!s)
    fz_fail("%s is NULL", what);
  if (!fz_utf8_valid(s, strlen(s)))
    fz_fail("%s is not valid UTF-8: \"%s\"", what, s);
}

/* LINE:COL is a place in DOC: a line that exists, a column inside it or
 * just past its end, and never in the middle of a character. */
static void check_position(const fz_doc *doc, const char *what, unsigned line, unsigned col,
                           bool boundary) {
  if (line < 1 || line > doc->nlines)
    fz_fail("%s line %u is outside the document's %zu lines", what, line, doc->nlines);
  size_t len = fz_doc_line_len(doc, line);
  if (col < 1 || col > len + 1)
    fz_fail("%s %u:%u is outside line %u (%zu bytes)", what, line, col, line, len);
  if (boundary && col <= len &&
      ((unsigned char)doc->data[doc->starts[line - 1] + col - 1] & 0xC0) == 0x80)
    fz_fail("%s %u:%u falls inside a UTF-8 character", what, line, col);
}

static void check_diag(const ddl_diag *d, const fz_doc *doc, size_t i) {
  char what[64];
  snprintf(what, sizeof(what), "diagnostic %zu", i);
  unsigned l = ddl_diag_line(d), c = ddl_diag_column(d);
  unsigned el = ddl_diag_end_line(d), ec = ddl_diag_end_column(d);
  check_position(doc, what, l, c, true);
  check_position(doc, what, el, ec, true);
  if (el < l || (el == l && ec < c))
    fz_fail("%s ends at %u:%u before it starts at %u:%u", what, el, ec, l, c);
  if ((unsigned)ddl_diag_severity(d) > DDL_SEV_ERROR)
    fz_fail("%s has severity %d", what, (int)ddl_diag_severity(d));
  check_text("a rule id", ddl_diag_rule(d));
  if (!*ddl_diag_rule(d))
    fz_fail("%s has an empty rule id", what);
  check_text("a message", ddl_diag_message(d));
  /* A directive warning covers its comment, as the user wrote it: a range
   * taken from cmark's inline positions, off on an indented continuation
   * line (cmark issue #296), points elsewhere. */
  if (strcmp(ddl_diag_rule(d), "ddlint/directive") == 0) {
    size_t from = doc->starts[l - 1] + c - 1, to = doc->starts[el - 1] + ec - 1;
    if (to < from + 7 || memcmp(doc->data + from, "<!--", 4) != 0 ||
        memcmp(doc->data + to - 3, "-->", 3) != 0)
      fz_fail("%s %u:%u-%u:%u of ddlint/directive is not a comment: \"%.*s\"", what, l, c, el, ec,
              (int)(to > from ? to - from : 0), doc->data + from);
  }
  for (size_t k = 0; k < ddl_diag_note_count(d); k++)
    check_text("a note", ddl_diag_note(d, k));
}

void fz_check_result(const ddl_result *r, const fz_doc *doc) {
  size_t n = ddl_result_diag_count(r), counts[3] = {0};
  for (size_t i = 0; i < n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    check_diag(d, doc, i);
    counts[ddl_diag_severity(d)]++;
    if (i > 0) {
      const ddl_diag *p = ddl_result_diag(r, i - 1);
      if (ddl_diag_line(p) > ddl_diag_line(d) ||
          (ddl_diag_line(p) == ddl_diag_line(d) && ddl_diag_column(p) > ddl_diag_column(d)))
        fz_fail("diagnostics %zu and %zu are out of order", i - 1, i);
    }
  }
  for (int sev = 0; sev < 3; sev++)
    if (ddl_result_count(r, (ddl_severity)sev) != counts[sev])
      fz_fail("ddl_result_count(%s) is %zu, the diagnostics have %zu",
              ddl_severity_name((ddl_severity)sev), ddl_result_count(r, (ddl_severity)sev),
              counts[sev]);
  for (size_t i = 0; i < ddl_result_coverage_count(r); i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    check_text("a coverage area", c->area);
    check_text("a coverage rule", c->rule);
    if ((unsigned)c->status > DDL_COVERAGE_COVERED)
      fz_fail("area %s has status %d", c->area, (int)c->status);
    if (c->line > doc->nlines)
      fz_fail("area %s has evidence at line %u of %zu", c->area, c->line, doc->nlines);
    if (c->status == DDL_COVERAGE_MISSING && c->line)
      fz_fail("missing area %s has evidence at line %u", c->area, c->line);
  }
  /* Snippets are drawn from these lines: they must be the document's. */
  for (size_t line = 1; line <= doc->nlines; line++) {
    size_t len = 0;
    const char *s = ddl_result_line(r, (unsigned)line, &len);
    size_t want = fz_doc_line_len(doc, line);
    if (!s || len != want || memcmp(s, doc->data + doc->starts[line - 1], len) != 0)
      fz_fail("ddl_result_line(%zu) differs from the document's line", line);
  }
  size_t len;
  if (ddl_result_line(r, 0, &len) || ddl_result_line(r, (unsigned)doc->nlines + 1, &len))
    fz_fail("ddl_result_line serves a line outside the document");
}

void fz_check_error(const ddl_error *e, const fz_doc *doc) {
  check_text("an error message", e->message);
  if (!*e->message)
    fz_fail("an error without a message");
  /* The position of an encoding error is the bad byte itself, which may
   * well be a stray continuation byte: no boundary check there. */
  if (doc && e->line)
    check_position(doc, "the error", e->line, e->column, false);
}
