/* The bounded YAML composer (yaml/compose.c): it builds the same document
 * as libyaml's yaml_parser_load for every pack and configuration we have,
 * and refuses what would stall or exhaust ddlint (deep nesting, alias
 * bombs, cycles, a second document, oversized files) with an error at the
 * place of the problem.  Also the reader errors' positions, which libyaml
 * gives only as a byte offset. */
#include "helpers.h"
#include "yaml/compose.h"
#include "yaml/ydoc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ddl_yaml_limits limits = {(size_t)4 << 20, DDL_YAML_MAX_DEPTH,
                                       DDL_YAML_MAX_ALIAS_NODES, "a configuration file"};

/* ---- The same document as libyaml's loader ---------------------------- */

static void same_mark(yaml_mark_t a, yaml_mark_t b, const char *what, const char *name, int id) {
  ck_assert_msg(a.index == b.index && a.line == b.line && a.column == b.column,
                "%s: node %d: %s mark %zu:%zu, libyaml %zu:%zu", name, id, what, a.line, a.column,
                b.line, b.column);
}

/* Node by node: libyaml numbers nodes in event order, and so do we. */
static void same_document(const char *name, const char *data, size_t len) {
  yaml_parser_t parser;
  yaml_document_t want, got;
  ck_assert(yaml_parser_initialize(&parser));
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  ck_assert_msg(yaml_parser_load(&parser, &want), "%s: libyaml refuses it", name);
  yaml_parser_delete(&parser);
  ddl_ctx *ctx = ddl_ctx_new();
  int rc = ddl_yaml_compose(&got, ddl_ctx__errsink(ctx), DDL_EPACK, name, data, len, &limits);
  ck_assert_msg(rc == DDL_OK, "%s: %u:%u: %s", name, ddl_ctx_error(ctx)->line,
                ddl_ctx_error(ctx)->column, ddl_ctx_error(ctx)->message);
  ddl_ctx_free(ctx);
  size_t n = (size_t)(want.nodes.top - want.nodes.start);
  ck_assert_msg((size_t)(got.nodes.top - got.nodes.start) == n, "%s: %zu nodes, libyaml %zu", name,
                (size_t)(got.nodes.top - got.nodes.start), n);
  ck_assert_int_eq(got.start_implicit, want.start_implicit);
  for (size_t i = 0; i < n; i++) {
    const yaml_node_t *a = &got.nodes.start[i], *b = &want.nodes.start[i];
    int id = (int)i + 1;
    ck_assert_msg(a->type == b->type, "%s: node %d: type %d, libyaml %d", name, id, a->type,
                  b->type);
    ck_assert_msg(strcmp((const char *)a->tag, (const char *)b->tag) == 0,
                  "%s: node %d: tag %s, libyaml %s", name, id, a->tag, b->tag);
    same_mark(a->start_mark, b->start_mark, "start", name, id);
    same_mark(a->end_mark, b->end_mark, "end", name, id);
    switch (a->type) {
    case YAML_SCALAR_NODE:
      ck_assert_uint_eq(a->data.scalar.length, b->data.scalar.length);
      ck_assert(memcmp(a->data.scalar.value, b->data.scalar.value, a->data.scalar.length) == 0);
      ck_assert_int_eq(a->data.scalar.style, b->data.scalar.style);
      break;
    case YAML_SEQUENCE_NODE: {
      size_t k = (size_t)(a->data.sequence.items.top - a->data.sequence.items.start);
      ck_assert_uint_eq(k, (size_t)(b->data.sequence.items.top - b->data.sequence.items.start));
      ck_assert(!k || memcmp(a->data.sequence.items.start, b->data.sequence.items.start,
                             k * sizeof(yaml_node_item_t)) == 0);
      ck_assert_int_eq(a->data.sequence.style, b->data.sequence.style);
      break;
    }
    case YAML_MAPPING_NODE: {
      size_t k = (size_t)(a->data.mapping.pairs.top - a->data.mapping.pairs.start);
      ck_assert_uint_eq(k, (size_t)(b->data.mapping.pairs.top - b->data.mapping.pairs.start));
      ck_assert(!k || memcmp(a->data.mapping.pairs.start, b->data.mapping.pairs.start,
                             k * sizeof(yaml_node_pair_t)) == 0);
      ck_assert_int_eq(a->data.mapping.style, b->data.mapping.style);
      break;
    }
    default: ck_abort_msg("%s: node %d has no type", name, id);
    }
  }
  yaml_document_delete(&want);
  yaml_document_delete(&got);
}

static const struct {
  const char *name, *yaml;
} same_cases[] = {
    {"empty", ""},
    {"comment only", "# nothing\n"},
    {"explicit empty document", "---\n...\n"},
    {"scalar root", "just text\n"},
    {"block mapping", "a: 1\nb:\n  - x\n  - y: z\n"},
    {"flow collections", "{a: [1, 2, {b: c}], d: []}\n"},
    {"scalar styles", "a: 'q''s'\nb: \"d\\t\\u00e9\"\nc: |\n  lit\n  eral\nd: >-\n  fold\n  ed\n"},
    {"anchors and aliases",
     "base: &b {x: 1, y: [2, 3]}\nuse: *b\nagain: [*b, *b]\ns: &s v\nt: *s\n"},
    {"alias as a key", "k: &k key\n? *k\n: value\n"},
    {"complex key", "? [a, b]\n: c\n"},
    {"tags", "a: !!str 1\nb: !custom x\nc: ! y\nd: !!seq [1]\n"},
    {"directives", "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n"},
    {"CRLF and a BOM", "\xEF\xBB\xBF"
                       "a: 1\r\nb:\r\n  - c\r\n"},
    {"multi-byte text", "title: caf\xC3\xA9 \xE2\x82\xAC\nlist: [\xC3\xA9t\xC3\xA9]\n"},
    {"null values", "a:\nb: ~\nc: [~, null, ]\n"},
};

START_TEST(test_same_as_libyaml) {
  same_document(same_cases[_i].name, same_cases[_i].yaml, strlen(same_cases[_i].yaml));
}
END_TEST

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = malloc((size_t)n + 1);
  ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return data;
}

/* The golden cases that exist to be refused. */
static const char *const refused[] = {"alias-bomb.yaml",          "alias-cycle.yaml",
                                      "deep-nesting.yaml",        "alias-bomb.ddlint.yaml",
                                      "deep-nesting.ddlint.yaml", "two-documents.ddlint.yaml",
                                      "reader-error.ddlint.yaml", NULL};

static bool is_refused(const char *name) {
  for (const char *const *r = refused; *r; r++)
    if (strcmp(*r, name) == 0)
      return true;
  return false;
}

/* Every YAML file of a directory of the source tree. */
static size_t same_in_dir(const char *rel, const char *suffix) {
  char dir[1024];
  snprintf(dir, sizeof(dir), "%s/%s", DDLINT_SOURCE_DIR, rel);
  DIR *d = opendir(dir);
  ck_assert_msg(d != NULL, "cannot list %s", dir);
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name), s = strlen(suffix);
    if (l <= s || strcmp(e->d_name + l - s, suffix) != 0)
      continue;
    char path[2048];
    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
    size_t len;
    char *data = slurp(path, &len);
    if (is_refused(e->d_name)) {
      ddl_ctx *ctx = ddl_ctx_new();
      yaml_document_t doc;
      ck_assert_msg(ddl_yaml_compose(&doc, ddl_ctx__errsink(ctx), DDL_EPACK, path, data, len, &limits) != DDL_OK,
                    "%s is accepted", path);
      ddl_ctx_free(ctx);
    } else {
      same_document(path, data, len);
    }
    free(data);
    n++;
  }
  closedir(d);
  return n;
}

/* The built-in packs (which are composed at every start) and the test
 * packs and configurations. */
START_TEST(test_same_as_libyaml_files) {
  ck_assert_uint_ge(same_in_dir("rules", ".yaml"), 2);
  same_in_dir("tests/cases/packs", ".yaml");
  same_in_dir("tests/cases/packs/team-rules", ".yaml");
  same_in_dir("tests/cases/config", ".yaml");
}
END_TEST

/* ---- Limits and errors ------------------------------------------------ */

typedef struct {
  const char *name;
  const char *yaml;
  unsigned line, column;
  const char *message;
} error_case;

static const error_case error_cases[] = {
    {"alias inside its own anchor (sequence)", "a: &x [1, *x]\n", 1, 11,
     "inside the node it repeats"},
    {"alias inside its own anchor (mapping)", "a: &x\n  b: *x\n", 2, 6,
     "inside the node it repeats"},
    {"alias before its anchor", "a: *x\nb: &x 1\n", 1, 4, "alias '*x' has no anchor before it"},
    {"anchor defined twice", "a: &x 1\nb: &x 2\n", 2, 4,
     "anchor '&x' is defined twice (first at line 1)"},
    {"second document", "a: 1\n---\nb: 2\n", 2, 1, "a second YAML document starts here"},
    {"second document after an end marker", "a: 1\n...\n---\nb: 2\n", 3, 1, "second YAML document"},
    /* libyaml's loader ignored everything after the first document. */
    {"content after an end marker", "a: 1\n...\nb: 2\n", 3, 1,
     "invalid YAML: did not find expected <document start>"},
    {"a trailing document marker", "a: 1\n--- \n", 2, 1, "second YAML document"},
    /* libyaml decodes ahead of the parser: a bad byte is found first. */
    {"a reader error in a second document", "a: 1\n---\nb: \x01\n", 3, 4, "control characters"},
    /* At the end of a file without a final newline libyaml's mark is a
     * line past the text: the error goes after the last character. */
    {"error at the end, no final newline", "pack: x\nrules:\n  - ide)rp\n\"a\"", 4, 4,
     "could not find expected ':'"},
    {"error at the end after a final newline", "a: [1,\n", 2, 1,
     "did not find expected node content"},
    /* Reader errors: libyaml gives only the byte offset. */
    {"control character", "a: 1\nbb: x\x01y\n", 2, 6,
     "invalid YAML: control characters are not allowed (0x01)"},
    {"invalid UTF-8", "a: 1\nb: caf\xE9\n", 2, 7, "invalid YAML: incomplete UTF-8 octet sequence"},
    {"invalid UTF-8 after CRLF lines", "a: 1\r\nb: 2\r\nc: \xFF\r\n", 3, 4, "invalid YAML"},
    {"invalid UTF-8 after a lone CR", "a: 1\rb: \xFF\r", 2, 4, "invalid YAML"},
    {"invalid UTF-8 after a BOM",
     "\xEF\xBB\xBF"
     "a: \xFF\n",
     1, 4, "invalid YAML"},
    {"invalid UTF-8 after multi-byte text", "a: \xC3\xA9\xC3\xA9 \xFF\n", 1, 9, "invalid YAML"},
    {"truncated UTF-8 at the end", "a: b\xC3", 1, 5,
     "invalid YAML: incomplete UTF-8 octet sequence"},
};

static int compose_err(const char *data, size_t len, const ddl_yaml_limits *lim, ddl_error *out,
                       char *msg, size_t msgsize) {
  ddl_ctx *ctx = ddl_ctx_new();
  yaml_document_t doc;
  int rc = ddl_yaml_compose(&doc, ddl_ctx__errsink(ctx), DDL_ECONFIG, "x.yaml", data, len, lim);
  if (rc == DDL_OK)
    yaml_document_delete(&doc);
  *out = *ddl_ctx_error(ctx);
  snprintf(msg, msgsize, "%s", out->message);
  out->message = msg;
  out->path = NULL;
  ddl_ctx_free(ctx);
  return rc;
}

static void expect_error(const char *name, const char *data, size_t len, const ddl_yaml_limits *lim,
                         unsigned line, unsigned column, const char *message) {
  ddl_error e;
  char msg[512];
  int rc = compose_err(data, len, lim, &e, msg, sizeof(msg));
  ck_assert_msg(rc == DDL_ECONFIG, "%s: composed (%d)", name, rc);
  ck_assert_msg(e.line == line && e.column == column, "%s: error at %u:%u, expected %u:%u (%s)",
                name, e.line, e.column, line, column, e.message);
  ck_assert_msg(strstr(e.message, message), "%s: message '%s' lacks '%s'", name, e.message,
                message);
}

START_TEST(test_compose_error) {
  const error_case *c = &error_cases[_i];
  expect_error(c->name, c->yaml, strlen(c->yaml), &limits, c->line, c->column, c->message);
}
END_TEST

/* "a: " and N nested flow sequences around a scalar. */
static char *nested(int n) {
  char *s = malloc(3 + 2 * (size_t)n + 3);
  memcpy(s, "a: ", 3);
  memset(s + 3, '[', (size_t)n);
  s[3 + n] = 'x';
  memset(s + 4 + n, ']', (size_t)n);
  strcpy(s + 4 + 2 * n, "\n");
  return s;
}

/* The root mapping is the first level: 63 sequences in it are fine, the
 * 64th is level 65. */
START_TEST(test_depth_boundary) {
  char *s = nested(63);
  same_document("depth 64", s, strlen(s));
  free(s);
  s = nested(64);
  expect_error("depth 65", s, strlen(s), &limits, 1, 3 + 64,
               "YAML nests deeper than 64 levels; ddlint refuses it");
  free(s);
}
END_TEST

/* 80 KB of '[' took libyaml's loader about 10 s (and 100k nested flow
 * mappings 95 s); parsing stops at the 65th level. */
START_TEST(test_deep_flow_nesting) {
  size_t n = 80000;
  char *s = malloc(n + 16);
  strcpy(s, "disable: ");
  memset(s + 9, '[', n);
  s[9 + n] = '\0';
  /* The root mapping is level 1, so the 64th '[' opens level 65. */
  expect_error("80 KB of [", s, strlen(s), &limits, 1, 9 + 64, "nests deeper than 64 levels");
  free(s);
  size_t maps = 100000;
  s = malloc(9 + 4 * maps + 1);
  strcpy(s, "disable: ");
  for (size_t i = 0; i < maps; i++)
    memcpy(s + 9 + 4 * i, "{a: ", 4);
  s[9 + 4 * maps] = '\0';
  expect_error("100k nested {", s, strlen(s), &limits, 1, 9 + 4 * 63 + 1, "nests deeper");
  free(s);
}
END_TEST

START_TEST(test_deep_block_nesting) {
  char s[8192] = "";
  size_t len = 0;
  for (int i = 0; i < 70; i++)
    len += (size_t)snprintf(s + len, sizeof(s) - len, "%*sk%d:\n", i, "", i);
  /* The 65th mapping starts at its first key, on line 65. */
  expect_error("70 block levels", s, len, &limits, 65, 65, "nests deeper than 64 levels");
}
END_TEST

/* An anchor of 1,000 terms repeated by aliases: every alias counts as the
 * 1,001 nodes it expands to, so 99 aliases pass and the 100th fails. */
static char *alias_doc(size_t aliases, size_t *len) {
  size_t cap = 16 + 8 * 1000 + 8 * aliases + 64;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, "a: &t [");
  for (int i = 0; i < 1000; i++)
    n += (size_t)snprintf(s + n, cap - n, "%sw%d", i ? "," : "", i);
  n += (size_t)snprintf(s + n, cap - n, "]\nb:\n");
  for (size_t i = 0; i < aliases; i++)
    n += (size_t)snprintf(s + n, cap - n, "- *t\n");
  *len = n;
  return s;
}

START_TEST(test_alias_budget) {
  size_t len;
  char *s = alias_doc(99, &len);
  ddl_ctx *ctx = ddl_ctx_new();
  yaml_document_t doc;
  ck_assert_int_eq(ddl_yaml_compose(&doc, ddl_ctx__errsink(ctx), DDL_ECONFIG, "x.yaml", s, len, &limits), DDL_OK);
  yaml_document_delete(&doc);
  ddl_ctx_free(ctx);
  free(s);
  s = alias_doc(100, &len);
  expect_error("100 aliases of 1001 nodes", s, len, &limits, 102, 3,
               "YAML aliases expand to more than 100000 nodes; ddlint refuses it");
  free(s);
}
END_TEST

/* Aliases inside an anchor count again each time the anchor is repeated:
 * nine levels of ten aliases each would be 10^9 nodes. */
START_TEST(test_alias_bomb_nested) {
  char s[4096];
  size_t n = (size_t)snprintf(s, sizeof(s), "l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
  for (int i = 1; i < 10; i++) {
    n += (size_t)snprintf(s + n, sizeof(s) - n, "l%d: &a%d [", i, i);
    for (int k = 0; k < 10; k++)
      n += (size_t)snprintf(s + n, sizeof(s) - n, "%s*a%d", k ? ", " : "", i - 1);
    n += (size_t)snprintf(s + n, sizeof(s) - n, "]\n");
  }
  /* a_k expands to 1 + 10 a_(k-1) nodes: 11, 111, 1111, 11111.  Lines 2
   * to 4 repeat 12,330 nodes; on line 5 each *a3 adds 11,111, and the
   * eighth (column 10 + 7 * 5) passes 100,000. */
  expect_error("nested alias bomb", s, n, &limits, 5, 45, "expand to more than 100000 nodes");
}
END_TEST

START_TEST(test_size_limit) {
  ddl_yaml_limits small = limits;
  small.max_bytes = (size_t)1 << 20;
  size_t n = small.max_bytes;
  char *s = malloc(n + 2);
  /* "a: 1" then comment lines of 99 '#': byte 1 MiB is on a known line. */
  memcpy(s, "a: 1\n", 5);
  for (size_t i = 5; i < n + 1; i++)
    s[i] = (i - 5) % 100 == 99 ? '\n' : '#';
  ddl_ctx *ctx = ddl_ctx_new();
  yaml_document_t doc;
  ck_assert_int_eq(ddl_yaml_compose(&doc, ddl_ctx__errsink(ctx), DDL_ECONFIG, "x.yaml", s, n, &small), DDL_OK);
  yaml_document_delete(&doc);
  ddl_ctx_free(ctx);
  size_t off = n - 5; /* offset of byte 1 MiB past the first line */
  expect_error(
      "1 byte too many", s, n + 1, &small, 2 + (unsigned)(off / 100), (unsigned)(off % 100) + 1,
      "the file is larger than 1 MiB, the limit for a configuration file; ddlint refuses it");
  free(s);
}
END_TEST

/* What ddl_ydoc_load applies to configurations (4 MiB) and packs (16 MiB). */
START_TEST(test_ydoc_size_limits) {
  size_t n = ((size_t)4 << 20) + 1;
  char *s = malloc(n);
  memset(s, '#', n);
  s[0] = 'a', s[1] = ':', s[2] = ' ', s[3] = '1', s[4] = '\n';
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ydoc y;
  ck_assert_int_eq(ddl_ydoc_load(&y, ddl_ctx__errsink(ctx), DDL_ECONFIG, "c.yaml", s, n), DDL_ECONFIG);
  ck_assert_ptr_nonnull(strstr(ddl_ctx_error(ctx)->message, "larger than 4 MiB"));
  ck_assert_uint_eq(ddl_ctx_error(ctx)->line, 2);
  ck_assert_uint_eq(ddl_ctx_error(ctx)->column, (unsigned)(n - 1 - 5) + 1);
  ddl_ydoc_free(&y);
  ck_assert_int_eq(ddl_ydoc_load(&y, ddl_ctx__errsink(ctx), DDL_EPACK, "p.yaml", s, n), DDL_OK);
  ddl_ydoc_free(&y);
  ddl_ctx_free(ctx);
  free(s);
}
END_TEST

static const struct {
  const char *text;
  size_t offset;
  unsigned line, column;
} position_cases[] = {
    {"", 0, 1, 1},
    {"abc", 2, 1, 3},
    {"abc", 99, 1, 4},
    {"a\nb\nc", 4, 3, 1},
    {"a\r\nb", 3, 2, 1},
    {"a\r\nb", 2, 1, 3}, /* between CR and LF: still the first line */
    {"a\rb\rc", 4, 3, 1},
    {"\xEF\xBB\xBFxy", 4, 1, 2},
    {"a\xC2\x85"
     "b",
     3, 2, 1},
    {"a\xE2\x80\xA8"
     "b",
     4, 2, 1},
    {"\xC3\xA9\xC3\xA9x", 4, 1, 5},
};

START_TEST(test_offset_position) {
  unsigned line, column;
  const char *t = position_cases[_i].text;
  ddl_yaml_offset_position(t, strlen(t), position_cases[_i].offset, &line, &column);
  ck_assert_msg(line == position_cases[_i].line && column == position_cases[_i].column,
                "case %d: %u:%u, expected %u:%u", _i, line, column, position_cases[_i].line,
                position_cases[_i].column);
}
END_TEST

int main(void) {
  Suite *s = suite_create("ydoc");
  TCase *tc = tcase_create("same");
  tcase_add_loop_test(tc, test_same_as_libyaml, 0, (int)DDL_ARRAY_LEN(same_cases));
  tcase_add_test(tc, test_same_as_libyaml_files);
  suite_add_tcase(s, tc);
  tc = tcase_create("limits");
  tcase_set_timeout(tc, 120); /* megabytes of generated YAML, under the sanitizers */
  tcase_add_loop_test(tc, test_compose_error, 0, (int)DDL_ARRAY_LEN(error_cases));
  tcase_add_test(tc, test_depth_boundary);
  tcase_add_test(tc, test_deep_flow_nesting);
  tcase_add_test(tc, test_deep_block_nesting);
  tcase_add_test(tc, test_alias_budget);
  tcase_add_test(tc, test_alias_bomb_nested);
  tcase_add_test(tc, test_size_limit);
  tcase_add_test(tc, test_ydoc_size_limits);
  tcase_add_loop_test(tc, test_offset_position, 0, (int)DDL_ARRAY_LEN(position_cases));
  suite_add_tcase(s, tc);
  return run_suite(s);
}
