/* Invariants of the output formats: every emitter writes into memory and
 * what it wrote is read back and compared with the result. */
#include "check.h"

#include "ddlint.h"
#include "emit/emit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *buf;
  size_t len;
  FILE *f;
  ddl_emitter *e;
} sink;

static void sink_open_with(sink *s, const char *format, const ddl_emit_options *opts) {
  s->buf = NULL;
  s->len = 0;
  s->f = open_memstream(&s->buf, &s->len);
  if (!s->f)
    fz_fail("open_memstream failed");
  if (ddl_emitter_new(&s->e, NULL, format, s->f, opts) != DDL_OK)
    fz_fail("there is no %s format", format);
}

static void sink_open(sink *s, const char *format, bool color, bool snippet) {
  ddl_emit_options opts = {.color = color, .snippet = snippet, .notes = true};
  sink_open_with(s, format, &opts);
}

/* Ends the output and closes the stream; the emitter must not have seen
 * a write error. */
static void sink_close(sink *s, const char *format) {
  int error = ddl_emitter_end(s->e);
  if (error)
    fz_fail("the %s emitter reports error %d writing to memory", format, error);
  ddl_emitter_free(s->e);
  if (fclose(s->f) != 0)
    fz_fail("closing the %s output failed", format);
}

static void sink_file(sink *s, const ddl_result *r, const char *format) {
  if (ddl_emitter_file(s->e, r))
    fz_fail("the %s emitter reports an error writing to memory", format);
}

/* C1 controls are U+0080..U+009F: C2 80..C2 9F in UTF-8. */
static bool is_c1(const unsigned char *u, size_t i, size_t len) {
  return u[i] == 0xC2 && i + 1 < len && u[i + 1] <= 0x9F;
}

/* Text meant for a terminal: UTF-8, no control character but the line
 * breaks, no line of unbounded length.  Returns the number of lines. */
static size_t check_terminal_text(const char *format, const char *s, size_t len, size_t max_line) {
  if (!fz_utf8_valid(s, len))
    fz_fail("%s output is not valid UTF-8", format);
  const unsigned char *u = (const unsigned char *)s;
  size_t lines = 0, line_start = 0;
  for (size_t i = 0; i < len; i++) {
    if (u[i] == '\n') {
      if (i - line_start > max_line)
        fz_fail("%s output has a line of %zu bytes (at most %zu expected)", format, i - line_start,
                max_line);
      lines++;
      line_start = i + 1;
    } else if (u[i] < 0x20 || u[i] == 0x7F || is_c1(u, i, len)) {
      fz_fail("%s output holds control byte 0x%02x at offset %zu", format, u[i], i);
    }
  }
  if (line_start != len)
    fz_fail("%s output does not end with a newline", format);
  return lines;
}

/* A message line holds the escaped path, a message cut to
 * EMIT_MESSAGE_MAX bytes and a rule id, each byte escaped at most as
 * "\xHH"; a snippet line at most a window of tabs expanded to 8 cells. */
static size_t max_line_len(const char *name) {
  return 4 * strlen(name) + 4 * EMIT_MESSAGE_MAX + 2048;
}

static void check_text_output(const ddl_result *r, const char *name) {
  size_t want = 0;
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    size_t len;
    want += 1 + ddl_diag_note_count(d) + (ddl_result_line(r, ddl_diag_line(d), &len) ? 2 : 0);
  }
  sink s;
  sink_open(&s, "text", false, true);
  sink_file(&s, r, "text");
  sink_close(&s, "text");
  size_t lines = check_terminal_text("text", s.buf, s.len, max_line_len(name));
  if (lines != want)
    fz_fail("text output has %zu lines for %zu expected (a line lost or a newline let through)",
            lines, want);
  free(s.buf);

  /* Without notes: one line per diagnostic. */
  ddl_emit_options plain = {.notes = false};
  sink_open_with(&s, "text", &plain);
  sink_file(&s, r, "text");
  sink_close(&s, "text without notes");
  if (check_terminal_text("text", s.buf, s.len, max_line_len(name)) != ddl_result_diag_count(r))
    fz_fail("text output without notes is not one line per diagnostic");
  free(s.buf);

  /* Colour and no snippets: only that it writes without error. */
  sink_open(&s, "text", true, false);
  sink_file(&s, r, "text");
  sink_close(&s, "colour text");
  if (!fz_utf8_valid(s.buf, s.len))
    fz_fail("colour text output is not valid UTF-8");
  free(s.buf);
  sink_open(&s, "summary", true, false);
  sink_file(&s, r, "summary");
  sink_close(&s, "colour summary");
  if (!fz_utf8_valid(s.buf, s.len))
    fz_fail("colour summary output is not valid UTF-8");
  free(s.buf);

  sink_open(&s, "summary", false, false);
  sink_file(&s, r, "summary");
  sink_close(&s, "summary");
  check_terminal_text("summary", s.buf, s.len, max_line_len(name));
  free(s.buf);
}

static json_t *parse_json(const char *buf, size_t len) {
  json_error_t err;
  json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
  if (!doc)
    fz_fail("JSON output does not parse back: %s at %d:%d", err.text, err.line, err.column);
  if (json_integer_value(json_object_get(doc, "version")) != 1)
    fz_fail("JSON output has no \"version\": 1");
  json_t *files = json_object_get(doc, "files");
  if (!json_is_array(files) || json_array_size(files) != 1)
    fz_fail("JSON output does not have exactly one entry in \"files\"");
  return doc;
}

static const char *json_str(json_t *obj, const char *key) {
  const char *s = json_string_value(json_object_get(obj, key));
  if (!s)
    fz_fail("JSON entry has no string \"%s\"", key);
  return s;
}

static long long json_int(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_integer(v))
    fz_fail("JSON entry has no integer \"%s\"", key);
  return json_integer_value(v);
}

static size_t base64_decode(const char *in, unsigned char *out) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t n = 0;
  unsigned acc = 0, bits = 0;
  for (const char *p = in; *p && *p != '='; p++) {
    const char *d = strchr(digits, *p);
    if (!d)
      fz_fail("\"path_bytes\" is not base64: %s", in);
    acc = acc << 6 | (unsigned)(d - digits);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (unsigned char)(acc >> bits);
    }
  }
  return n;
}

/* A file name that is not UTF-8 keeps its bytes in "path_bytes". */
static void check_json_path(json_t *file, const char *name) {
  const char *path = json_str(file, "path");
  json_t *bytes = json_object_get(file, "path_bytes");
  if (fz_utf8_valid(name, strlen(name))) {
    if (strcmp(path, name) != 0)
      fz_fail("JSON \"path\" %s is not the name %s", path, name);
    return;
  }
  if (!json_is_string(bytes))
    fz_fail("JSON loses the bytes of a file name that is not UTF-8");
  unsigned char *raw = malloc(strlen(json_string_value(bytes)) + 1);
  size_t n = base64_decode(json_string_value(bytes), raw);
  if (n != strlen(name) || memcmp(raw, name, n) != 0)
    fz_fail("JSON \"path_bytes\" does not decode to the file name");
  free(raw);
}

static void check_json_diag(json_t *e, const ddl_diag *d, size_t i) {
  if (json_int(e, "line") != ddl_diag_line(d) || json_int(e, "column") != ddl_diag_column(d) ||
      json_int(e, "end_line") != ddl_diag_end_line(d) ||
      json_int(e, "end_column") != ddl_diag_end_column(d))
    fz_fail("JSON diagnostic %zu has another position", i);
  if (strcmp(json_str(e, "severity"), ddl_severity_name(ddl_diag_severity(d))) != 0 ||
      strcmp(json_str(e, "rule"), ddl_diag_rule(d)) != 0)
    fz_fail("JSON diagnostic %zu has another severity or rule", i);
  /* Messages are UTF-8 (checked before), so JSON must carry them intact. */
  if (strcmp(json_str(e, "message"), ddl_diag_message(d)) != 0)
    fz_fail("JSON diagnostic %zu has another message", i);
  json_t *notes = json_object_get(e, "notes");
  if (!json_is_array(notes) || json_array_size(notes) != ddl_diag_note_count(d))
    fz_fail("JSON diagnostic %zu has %zu notes instead of %zu", i, json_array_size(notes),
            ddl_diag_note_count(d));
  for (size_t k = 0; k < ddl_diag_note_count(d); k++)
    if (!json_string_value(json_array_get(notes, k)) ||
        strcmp(json_string_value(json_array_get(notes, k)), ddl_diag_note(d, k)) != 0)
      fz_fail("JSON diagnostic %zu has another note %zu", i, k);
}

static void check_json_coverage(json_t *file, const ddl_result *r) {
  json_t *cov = json_object_get(file, "coverage");
  if (!json_is_object(cov))
    fz_fail("JSON entry has no \"coverage\" object");
  size_t n = ddl_result_coverage_count(r), distinct = 0;
  for (size_t i = 0; i < n; i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    bool later = false; /* JSON keys coverage by area: the last verdict stands */
    for (size_t k = i + 1; k < n && !later; k++)
      later = strcmp(ddl_result_coverage(r, k)->area, c->area) == 0;
    if (later)
      continue;
    distinct++;
    json_t *e = json_object_get(cov, c->area);
    if (!json_is_object(e))
      fz_fail("JSON coverage has no entry for area %s", c->area);
    if (strcmp(json_str(e, "status"), ddl_coverage_status_name(c->status)) != 0)
      fz_fail("JSON coverage of %s has another status", c->area);
    json_t *line = json_object_get(e, "line");
    if (c->line ? json_integer_value(line) != c->line : !json_is_null(line))
      fz_fail("JSON coverage of %s has another line", c->area);
    if (json_is_true(json_object_get(e, "not_applicable")) != c->not_applicable)
      fz_fail("JSON coverage of %s has another not_applicable", c->area);
  }
  if (json_object_size(cov) != distinct)
    fz_fail("JSON coverage has %zu areas, the result %zu", json_object_size(cov), distinct);
}

static void check_json_output(const ddl_result *r, const char *name) {
  sink s;
  sink_open(&s, "json", false, false);
  sink_file(&s, r, "json");
  sink_close(&s, "JSON");
  json_t *doc = parse_json(s.buf, s.len);
  json_t *file = json_array_get(json_object_get(doc, "files"), 0);
  check_json_path(file, name);
  json_t *diags = json_object_get(file, "diagnostics");
  size_t n = ddl_result_diag_count(r);
  if (!json_is_array(diags) || json_array_size(diags) != n)
    fz_fail("JSON has %zu diagnostics, the result %zu", json_array_size(diags), n);
  for (size_t i = 0; i < n; i++)
    check_json_diag(json_array_get(diags, i), ddl_result_diag(r, i), i);
  check_json_coverage(file, r);
  json_decref(doc);
  free(s.buf);
}

/* A byte column as a code-point column of LINE, counted here apart from
 * the SARIF emitter: past the line's end each byte counts one. */
static long long code_points(const ddl_result *r, unsigned line, unsigned column) {
  size_t len;
  const char *text = ddl_result_line(r, line, &len);
  if (!text)
    return column;
  long long n = 1;
  for (size_t i = 0; i + 1 < column; i++)
    n += i >= len || ((unsigned char)text[i] & 0xC0) != 0x80;
  return n;
}

static int hex_value(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decodes a SARIF artifact URI; it must hold nothing else that
 * RFC 3986 reserves. */
static char *uri_decode(const char *uri) {
  char *out = malloc(strlen(uri) + 1), *o = out;
  for (const char *p = uri; *p; p++) {
    if (*p == '%') {
      int hi = hex_value(p[1]), lo = hi < 0 ? -1 : hex_value(p[2]);
      if (lo < 0)
        fz_fail("SARIF URI %s has a bad percent escape", uri);
      *o++ = (char)(hi << 4 | lo);
      p += 2;
    } else if (strchr(" ,:;?#[]@!$&'()*+=\\\"<>", *p) || (unsigned char)*p < 0x21 ||
               (unsigned char)*p >= 0x7F) {
      fz_fail("SARIF URI %s holds an unescaped '%c'", uri, *p);
    } else {
      *o++ = *p;
    }
  }
  *o = '\0';
  return out;
}

static json_t *json_get(json_t *obj, const char *key, const char *what) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    fz_fail("SARIF %s has no \"%s\"", what, key);
  return v;
}

static void check_sarif_output(const ddl_result *r, const char *name) {
  sink s;
  sink_open(&s, "sarif", false, false);
  sink_file(&s, r, "sarif");
  sink_close(&s, "SARIF");
  json_error_t err;
  json_t *doc = json_loadb(s.buf, s.len, JSON_REJECT_DUPLICATES, &err);
  if (!doc)
    fz_fail("SARIF output does not parse back: %s at %d:%d", err.text, err.line, err.column);
  if (strcmp(json_str(doc, "version"), "2.1.0") != 0)
    fz_fail("SARIF output is not version 2.1.0");
  json_t *run = json_array_get(json_get(doc, "runs", "log"), 0);
  json_t *rules = json_get(json_get(json_get(run, "tool", "run"), "driver", "tool"), "rules",
                           "driver");
  json_t *results = json_get(run, "results", "run");
  if (strcmp(json_str(run, "columnKind"), "unicodeCodePoints") != 0)
    fz_fail("SARIF run does not declare its columns as code points");
  size_t n = ddl_result_diag_count(r);
  if (json_array_size(results) != n)
    fz_fail("SARIF has %zu results, the result %zu", json_array_size(results), n);
  for (size_t i = 0; i < n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    json_t *res = json_array_get(results, i);
    const char *rule = json_str(res, "ruleId");
    json_t *described = json_array_get(rules, (size_t)json_int(res, "ruleIndex"));
    if (strcmp(rule, ddl_diag_rule(d)) != 0 || !described ||
        strcmp(json_str(described, "id"), rule) != 0)
      fz_fail("SARIF result %zu has another rule, or a ruleIndex that is not its rule", i);
    json_t *phys = json_get(json_array_get(json_get(res, "locations", "result"), 0),
                            "physicalLocation", "location");
    char *path = uri_decode(json_str(json_get(phys, "artifactLocation", "location"), "uri"));
    if (strcmp(path, name) != 0)
      fz_fail("SARIF URI decodes to %s, not the name %s", path, name);
    free(path);
    json_t *region = json_get(phys, "region", "location");
    if (json_int(region, "startLine") != ddl_diag_line(d) ||
        json_int(region, "endLine") != ddl_diag_end_line(d) ||
        json_int(region, "startColumn") != code_points(r, ddl_diag_line(d), ddl_diag_column(d)) ||
        json_int(region, "endColumn") !=
            code_points(r, ddl_diag_end_line(d), ddl_diag_end_column(d)))
      fz_fail("SARIF result %zu has another region", i);
    const char *text = json_str(json_get(res, "message", "result"), "text");
    if (strncmp(text, ddl_diag_message(d), strlen(ddl_diag_message(d))) != 0 && *ddl_diag_message(d))
      fz_fail("SARIF result %zu has another message", i);
  }
  json_decref(doc);
  free(s.buf);
}

/* One workflow command per diagnostic, each a single line with nothing
 * the runner would take for a control character. */
static void check_github_output(const ddl_result *r, const char *name) {
  sink s;
  sink_open(&s, "github", false, false);
  sink_file(&s, r, "github");
  sink_close(&s, "github");
  size_t n = ddl_result_diag_count(r);
  /* Lines are unbounded: notes and messages are not cut here. */
  if (check_terminal_text("github", s.buf, s.len, s.len + 1) != n)
    fz_fail("github output is not one line per diagnostic");
  const char *line = s.buf;
  for (size_t i = 0; i < n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    char want[96];
    snprintf(want, sizeof(want), ",line=%u,col=%u,endLine=%u,endColumn=%u,title=",
             ddl_diag_line(d), ddl_diag_column(d), ddl_diag_end_line(d), ddl_diag_end_column(d));
    const char *eol = strchr(line, '\n');
    const char *props = strstr(line, ",line=");
    if (strncmp(line, "::", 2) != 0 || !props || props > eol || strncmp(props, want, strlen(want)))
      fz_fail("github line %zu does not give the diagnostic's position %s", i, want);
    /* The file property is escaped: no ',' or ':' before ",line=". */
    const char *file = line + strcspn(line, " ") + 1;
    if (strncmp(file, "file=", 5) != 0 || memchr(file + 5, ',', (size_t)(props - file - 5)) ||
        memchr(file + 5, ':', (size_t)(props - file - 5)))
      fz_fail("github line %zu has an unescaped file name (%s)", i, name);
    line = eol + 1;
  }
  free(s.buf);
}

static void check_gitlab_output(const ddl_result *r) {
  sink s;
  sink_open(&s, "gitlab", false, false);
  sink_file(&s, r, "gitlab");
  sink_close(&s, "gitlab");
  json_error_t err;
  json_t *doc = json_loadb(s.buf, s.len, JSON_REJECT_DUPLICATES, &err);
  size_t n = ddl_result_diag_count(r);
  if (!json_is_array(doc) || json_array_size(doc) != n)
    fz_fail("gitlab output is not an array of one issue per diagnostic");
  json_t *seen = json_object();
  for (size_t i = 0; i < n; i++) {
    json_t *issue = json_array_get(doc, i);
    const char *fp = json_str(issue, "fingerprint");
    if (json_object_get(seen, fp))
      fz_fail("gitlab fingerprint %s is not unique", fp);
    json_object_set_new(seen, fp, json_true());
    json_t *lines = json_object_get(json_object_get(issue, "location"), "lines");
    if (json_int(lines, "begin") != ddl_diag_line(ddl_result_diag(r, i)))
      fz_fail("gitlab issue %zu begins on another line", i);
  }
  json_decref(seen);
  json_decref(doc);
  free(s.buf);
}

void fz_check_outputs(const ddl_result *r, const char *name) {
  check_text_output(r, name);
  check_json_output(r, name);
  check_sarif_output(r, name);
  check_github_output(r, name);
  check_gitlab_output(r);
}

void fz_check_error_outputs(const ddl_error *e, const char *name) {
  sink s;
  sink_open(&s, "text", false, false);
  ddl_emitter_error(s.e, name, e);
  sink_close(&s, "text error");
  if (check_terminal_text("text error", s.buf, s.len, max_line_len(name)) != 1)
    fz_fail("a text error is not exactly one line");
  free(s.buf);

  sink_open(&s, "json", false, false);
  ddl_emitter_error(s.e, name, e);
  sink_close(&s, "JSON error");
  json_t *doc = parse_json(s.buf, s.len);
  json_t *file = json_array_get(json_object_get(doc, "files"), 0);
  check_json_path(file, name);
  if (fz_utf8_valid(e->message, strlen(e->message)) &&
      strcmp(json_str(file, "error"), e->message) != 0)
    fz_fail("JSON error has another message");
  json_decref(doc);
  free(s.buf);

  sink_open(&s, "sarif", false, false);
  ddl_emitter_error(s.e, name, e);
  sink_close(&s, "SARIF error");
  json_error_t err;
  doc = json_loadb(s.buf, s.len, JSON_REJECT_DUPLICATES, &err);
  json_t *inv = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0),
                                               "invocations"), 0);
  if (!json_is_false(json_object_get(inv, "executionSuccessful")) ||
      json_array_size(json_object_get(inv, "toolExecutionNotifications")) != 1)
    fz_fail("a SARIF log with a failed file does not say so in its invocation");
  json_decref(doc);
  free(s.buf);

  sink_open(&s, "github", false, false);
  ddl_emitter_error(s.e, name, e);
  sink_close(&s, "github error");
  if (check_terminal_text("github error", s.buf, s.len, s.len + 1) != 1 ||
      strncmp(s.buf, "::error file=", 13) != 0)
    fz_fail("a github error is not one ::error command");
  free(s.buf);
}

void fz_run_outputs(const ddl_result *r) {
  static FILE *null;
  if (!null && !(null = fopen("/dev/null", "w")))
    fz_fail("cannot open /dev/null");
  ddl_emit_options opts = {.snippet = true, .notes = true};
  for (const ddl_format *f = ddl_formats(); f->name; f++) {
    ddl_emitter *e;
    if (ddl_emitter_new(&e, NULL, f->name, null, &opts) != DDL_OK)
      fz_fail("ddl_formats() lists %s, which ddl_emitter_new() refuses", f->name);
    if (ddl_emitter_file(e, r) || ddl_emitter_end(e))
      fz_fail("the %s emitter reports an error writing to /dev/null", f->name);
    ddl_emitter_free(e);
  }
}
