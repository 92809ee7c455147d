/* --format=gitlab: a GitLab Code Quality report, one JSON array of
 *   {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}
 * (plus Code Climate's type and categories).
 * The fingerprint must stay the same while a finding stays, so that merge
 * requests show what is new: it hashes the path, the rule, the message and
 * how many identical findings came before in the file, never the line,
 * which moves whenever text is added above. */
#include "emit/emit.h"

#include "util/mem.h"
#include "util/path.h"
#include "util/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  json_t *issues;
  bool failed;
} gitlab_state;

static const char *severity(ddl_severity sev) {
  return sev == DDL_SEV_ERROR ? "major" : sev == DDL_SEV_WARNING ? "minor" : "info";
}

/* FNV-1a over the fields, each ended by a NUL so that ("ab", "c") and
 * ("a", "bc") differ; two seeds give 128 bits. */
static void hash(uint64_t h[2], const char *s) {
  static const uint64_t prime = 0x100000001b3ULL;
  size_t n = strlen(s) + 1;
  for (size_t i = 0; i < n; i++) {
    h[0] = (h[0] ^ (unsigned char)s[i]) * prime;
    h[1] = (h[1] ^ (unsigned char)s[i]) * prime;
  }
}

static void *begin(ddl_emitter *e) {
  (void)e;
  gitlab_state *st = ddl_xcalloc(1, sizeof(*st));
  st->issues = json_array();
  st->failed = !st->issues;
  return st;
}

static void file(ddl_emitter *e, const ddl_result *r) {
  gitlab_state *st = e->state;
  const char *path = ddl_path_relative(ddl_result_path(r), NULL);
  size_t n = ddl_result_diag_count(r);
  /* rule and message -> how many identical findings came before */
  ddl_strmap seen = DDL_STRMAP_INIT;
  char **keys = ddl_xcalloc(n ? n : 1, sizeof(char *));
  for (size_t i = 0; i < n; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    const char *rule = ddl_diag_rule(d), *msg = ddl_diag_message(d);
    size_t rlen = strlen(rule), mlen = strlen(msg), repeat = 0;
    keys[i] = ddl_xmalloc(rlen + mlen + 2);
    memcpy(keys[i], rule, rlen);
    keys[i][rlen] = '\n'; /* rule ids hold no line break */
    memcpy(keys[i] + rlen + 1, msg, mlen + 1);
    if (ddl_strmap_get(&seen, keys[i], &repeat))
      repeat++;
    ddl_strmap_set(&seen, keys[i], repeat);
    uint64_t h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    char count[32], fingerprint[33];
    snprintf(count, sizeof(count), "%zu", repeat);
    hash(h, path);
    hash(h, rule);
    hash(h, msg);
    hash(h, count);
    snprintf(fingerprint, sizeof(fingerprint), "%016llx%016llx", (unsigned long long)h[0],
             (unsigned long long)h[1]);
    json_t *issue = json_object(), *loc = json_object(), *lines = json_object();
    char *text = emit_message_with_notes(&e->o, d);
    /* type and categories make each entry a Code Climate issue too, the
     * format GitLab's is a subset of. */
    emit_json_set(&st->failed, issue, "type", json_string("issue"));
    emit_json_set(&st->failed, issue, "description", emit_json_text(text));
    free(text);
    emit_json_set(&st->failed, issue, "check_name", emit_json_text(rule));
    emit_json_set(&st->failed, issue, "fingerprint", json_string(fingerprint));
    emit_json_set(&st->failed, issue, "severity", json_string(severity(ddl_diag_severity(d))));
    json_t *categories = json_array();
    emit_json_append(&st->failed, categories, json_string("Clarity"));
    emit_json_set(&st->failed, issue, "categories", categories);
    emit_json_set(&st->failed, lines, "begin", json_integer(ddl_diag_line(d)));
    if (ddl_diag_end_line(d) != ddl_diag_line(d))
      emit_json_set(&st->failed, lines, "end", json_integer(ddl_diag_end_line(d)));
    emit_json_set(&st->failed, loc, "path", emit_json_text(path));
    emit_json_set(&st->failed, loc, "lines", lines);
    emit_json_set(&st->failed, issue, "location", loc);
    emit_json_append(&st->failed, st->issues, issue);
  }
  ddl_strmap_free(&seen);
  for (size_t i = 0; i < n; i++)
    free(keys[i]);
  free(keys);
}

static void end(ddl_emitter *e) {
  gitlab_state *st = e->state;
  emit_json_dump(&e->o, st->issues, st->failed);
}

static void free_state(void *state) {
  gitlab_state *st = state;
  json_decref(st->issues);
  free(st);
}

const emit_format emit_format_gitlab = {.begin = begin, .file = file, .end = end, .free = free_state};
