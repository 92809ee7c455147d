/* Fuzz harness: the input as a rule pack and as a .ddlint.yaml.  Either
 * may be refused, with a located error, but never crash, leak or hang.
 *
 * As a pack it is loaded from memory (ddl_pack_load), merged with the
 * built-in packs into a ruleset, and when it loads, linted with: written
 * to a file and passed to ddl_ctx_add_rules, as a user's --rules would be,
 * over a sample document followed by the input itself, so that the
 * pack's own patterns meet text made for them.  As a configuration it is
 * loaded from a file (configurations are only read from files) and turned
 * into a ruleset over the built-in packs; its rule-packs are not loaded,
 * so the input cannot name files to read. */
#include "check.h"

#include "config/config.h"
#include "rules/builtin.h"
#include "rules/pack.h"
#include "rules/ruleset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ddl_ctx *ctx;       /* for errors; holds no packs of its own */
static ddl_pack **builtin; /* the packs, compiled once */
static size_t nbuiltin;
static ddl_pack *engine;   /* the one of them that is the engine's (ddlint.yaml) */
static char dir[64], pack_path[128], config_path[128];

static const char sample[] =
    "---\ntitle: Sample\n---\n"
    "# Photo service design\n\n"
    "## Overview\n\nUsers upload photos. TODO: add numbers. Lorem ipsum ???\n\n"
    "## Deep dive\n\n"
    "### Components\n\nWe use Kafka for the upload queue because it buffers bursts.\n"
    "The API gateway routes requests to the resizer.\n\n"
    "- Use Redis for the feed cache\n  - so that reads stay fast\n\n"
    "| Decision | Why |\n|---|---|\n| Store originals in S3 | cheap and durable |\n\n"
    "### Security\n\n<!-- ddlint-disable-next-line hygiene/placeholder -->\nTBD\n\n"
    "### Empty\n\n## API \xe2\x80\x94 Not applicable: no external interface\n\n"
    "```\ncode TODO\n```\n\n\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 caf\xc3\xa9\n";

static void teardown(void) {
  for (size_t i = 0; i < nbuiltin; i++)
    ddl_pack_free(builtin[i]);
  free(builtin);
  ddl_ctx_free(ctx);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ctx = ddl_ctx_new();
  for (const ddl_builtin_pack *b = ddl_builtin_packs; b->name; b++) {
    char path[256];
    snprintf(path, sizeof(path), "<built-in>/%s", b->name);
    ddl_pack *p;
    if (ddl_pack_load(&p, ddl_ctx__errsink(ctx), path, b->data, b->len) != DDL_OK) {
      fprintf(stderr, "fuzz_pack: built-in pack %s: %s\n", b->name, ddl_ctx_error(ctx)->message);
      abort();
    }
    builtin = realloc(builtin, (nbuiltin + 2) * sizeof(*builtin));
    builtin[nbuiltin++] = p;
    if (strcmp(b->name, "ddlint.yaml") == 0)
      engine = p;
  }
  if (!engine) {
    fprintf(stderr, "fuzz_pack: no built-in ddlint.yaml\n");
    abort();
  }
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof(dir), "%.40s/fuzz-pack-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    perror("fuzz_pack: mkdtemp");
    abort();
  }
  snprintf(pack_path, sizeof(pack_path), "%s/pack.yaml", dir);
  snprintf(config_path, sizeof(config_path), "%s/" DDL_CONFIG_NAME, dir);
  atexit(teardown);
  return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    fz_fail("cannot write %s", path);
}

/* A YAML error names the file and a line that exists; libyaml also
 * breaks lines at NEL, LS and PS, so those count here.  Columns are not
 * checked: libyaml counts them in characters, not bytes. */
static void check_yaml_error(const ddl_error *e, const uint8_t *data, size_t size,
                             const char *path) {
  fz_check_error(e, NULL);
  if (e->path && strcmp(e->path, path) != 0)
    fz_fail("the error names %s, not %s", e->path, path);
  size_t lines = 1;
  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')) ||
             (data[i] == 0xC2 && i + 1 < size && data[i + 1] == 0x85) ||
             (data[i] == 0xE2 && i + 2 < size && data[i + 1] == 0x80 &&
              (data[i + 2] == 0xA8 || data[i + 2] == 0xA9));
  if (e->line > lines)
    fz_fail("the error is at line %u:%u of %zu", e->line, e->column, lines);
  fz_check_error_outputs(e, path);
}

/* Lints the sample (and the input, when it is a document) with the pack
 * from PACK_PATH alone, as `ddlint --no-default-rules --rules` would. */
static void lint_with_pack(const uint8_t *data, size_t size) {
  write_file(pack_path, data, size);
  ddl_ctx *c = ddl_ctx_new();
  ddl_ctx_use_builtin_packs(c, false);
  ddl_ctx_add_rules(c, pack_path);
  ddl_ctx_set_config(c, NULL, false);
  size_t n = sizeof(sample) - 1;
  bool text = fz_utf8_valid((const char *)data, size) && !memchr(data, '\0', size);
  char *doc_text = malloc(n + (text ? size : 0) + 1);
  memcpy(doc_text, sample, n);
  if (text) {
    memcpy(doc_text + n, data, size);
    n += size;
  }
  fz_doc doc;
  fz_doc_init(&doc, doc_text, n);
  ddl_result *r = NULL;
  int rc = ddl_lint_buffer(&r, c, "sample.md", doc_text, n);
  if (rc != DDL_OK)
    fz_fail("a pack that loads from memory fails from a file: %s", ddl_ctx_error(c)->message);
  fz_check_result(r, &doc);
  fz_check_outputs(r, "sample.md");
  ddl_result_free(r);
  fz_doc_free(&doc);
  free(doc_text);
  ddl_ctx_free(c);
  unlink(pack_path);
}

static void as_pack(const uint8_t *data, size_t size) {
  ddl_pack *pack = NULL;
  int rc = ddl_pack_load(&pack, ddl_ctx__errsink(ctx), "fuzz.yaml", (const char *)data, size);
  if (rc != DDL_OK) {
    if (rc != DDL_EPACK)
      fz_fail("a pack fails with %d, not DDL_EPACK", rc);
    check_yaml_error(ddl_ctx_error(ctx), data, size, "fuzz.yaml");
    return;
  }
  /* Beside the built-in packs: same-named packs replace, same ids clash. */
  builtin[nbuiltin] = pack;
  ddl_ruleset *rs = NULL;
  rc = ddl_ruleset_build(&rs, ddl_ctx__errsink(ctx), builtin, nbuiltin + 1, NULL, NULL, NULL, 0);
  if (rc == DDL_OK) {
    ddl_ruleset_free(rs);
  } else {
    fz_check_error(ddl_ctx_error(ctx), NULL);
    fz_check_error_outputs(ddl_ctx_error(ctx), "fuzz.yaml");
  }
  /* As --no-default-rules --rules loads it: the pack, then the engine's
   * own, which a pack may not redefine under another name.  Only a pack
   * that builds so must lint from a file. */
  ddl_pack *alone[2] = {pack, engine};
  rs = NULL;
  rc = ddl_ruleset_build(&rs, ddl_ctx__errsink(ctx), alone, 2, NULL, NULL, NULL, 0);
  ddl_ruleset_free(rs);
  if (rc != DDL_OK)
    fz_check_error(ddl_ctx_error(ctx), NULL);
  ddl_pack_free(pack);
  if (rc == DDL_OK)
    lint_with_pack(data, size);
}

static void as_config(const uint8_t *data, size_t size) {
  write_file(config_path, data, size);
  ddl_config *cfg = NULL;
  int rc = ddl_config_load(&cfg, ddl_ctx__errsink(ctx), config_path);
  if (rc != DDL_OK) {
    if (rc != DDL_ECONFIG)
      fz_fail("a configuration fails with %d, not DDL_ECONFIG", rc);
    check_yaml_error(ddl_ctx_error(ctx), data, size, config_path);
  } else {
    const ddl_selection sel = {(char *)"deep-dive/api*,hygiene/*", false};
    ddl_ruleset *rs = NULL;
    /* Every override applies, so that each one's rules are checked. */
    bool *all = malloc(cfg->overrides.len + 1);
    memset(all, 1, cfg->overrides.len + 1);
    rc = ddl_ruleset_build(&rs, ddl_ctx__errsink(ctx), builtin, nbuiltin, cfg, all, &sel, 1);
    free(all);
    if (rc == DDL_OK)
      ddl_ruleset_free(rs);
    else
      fz_check_error(ddl_ctx_error(ctx), NULL);
    ddl_config_free(cfg);
  }
  unlink(config_path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  as_pack(data, size);
  as_config(data, size);
  return 0;
}
