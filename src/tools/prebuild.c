/* Build tool: writes the C data that spares ddlint's start-up the work of
 * parsing and compiling its default packs.
 *
 *   ddlint-prebuild PATTERNS.c IMAGES.c
 *
 * It is linked with the library's objects but with its own lookups: the
 * patterns one answers "not compiled yet" and remembers each pattern
 * asked for, and the cue tries one likewise each list of patterns, so
 * that preparing a context with the default packs and linting an empty
 * document lists exactly what the library compiles at start-up; the
 * images one answers "parse the YAML". */
#include "tools/prebuild.h"

#include "ddlint.h"
#include "regex/cues.h"
#include "regex/precompiled.h"
#include "rules/builtin.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

static char **patterns;
static size_t npatterns, cap;

const ddl_precompiled *ddl_precompiled_find(const char *pattern) {
  if (npatterns == cap) {
    cap = cap ? 2 * cap : 256;
    patterns = ddl_xrealloc(patterns, cap * sizeof(*patterns));
  }
  patterns[npatterns++] = ddl_xstrdup(pattern);
  return NULL;
}

pcre2_code *ddl_precompiled_decode(const ddl_precompiled *entry) {
  (void)entry;
  return NULL;
}

static prebuild_list *lists;
static size_t nlists, lists_cap;
const ddl_cue_trie *ddl_precompiled_cues(const char *const *list, size_t n) {
  lists = ddl_xgrow(lists, &lists_cap, nlists + 1, sizeof(*lists));
  prebuild_list *l = &lists[nlists++];
  memset(l, 0, sizeof(*l));
  l->patterns = ddl_xcalloc(n + 1, sizeof(char *));
  l->n = n;
  for (size_t i = 0; i < n; i++)
    l->patterns[i] = ddl_xstrdup(list[i]);
  return NULL;
}

static prebuild_lexicon *lexicons;
static size_t nlexicons, lexicons_cap;

const ddl_lex_image *ddl_precompiled_lexicon(const ddl_lexicon_builder *lb) {
  const char **borrowed;
  ddl_lex_owner *owners;
  size_t n = ddl_lexicon_builder_terms(lb, &borrowed, &owners);
  char **terms = ddl_xcalloc(n + 1, sizeof(char *));
  for (size_t i = 0; i < n; i++)
    terms[i] = ddl_xstrdup(borrowed[i]);
  free(borrowed);
  lexicons = ddl_xgrow(lexicons, &lexicons_cap, nlexicons + 1, sizeof(*lexicons));
  lexicons[nlexicons++] = (prebuild_lexicon){terms, owners, n};
  return NULL;
}

static void free_lexicon(prebuild_lexicon *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->terms[i]);
  free(l->terms);
  free(l->owners);
}

static void free_list(prebuild_list *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->patterns[i]);
  free(l->patterns);
}

/* As ddl_precompiled_cues() searches them. */
static int by_list(const void *a, const void *b) {
  const prebuild_list *la = a, *lb = b;
  return ddl_precompiled_list_order((const char *const *)la->patterns, la->n,
                                    (const char *const *)lb->patterns, lb->n);
}

const ddl_ydoc_image *ddl_builtin_image(const char *name) {
  (void)name;
  return NULL;
}

void prebuild_literal(FILE *out, const char *s, size_t len) {
  /* Octal escapes are always three digits, so that no digit after one
   * can join it; '?' is escaped against trigraphs. */
  fputc('"', out);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f || c == '?')
      fprintf(out, "\\%03o", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes PATH through a temporary file and a rename. */
static int write_file(const char *path, int (*write)(FILE *, void *), void *ud) {
  char tmp[4096];
  if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
    fprintf(stderr, "ddlint-prebuild: output path too long: %s\n", path);
    return 1;
  }
  FILE *out = fopen(tmp, "w");
  if (!out) {
    perror(tmp);
    return 1;
  }
  int rc = write(out, ud);
  if ((ferror(out) | fclose(out)) != 0 && rc == 0) {
    perror(tmp);
    rc = 1;
  }
  if (rc == 0 && rename(tmp, path) != 0) {
    perror(path);
    rc = 1;
  }
  if (rc != 0)
    remove(tmp);
  return rc;
}

static int write_patterns(FILE *out, void *ud) {
  (void)ud;
  int rc = prebuild_patterns(out, patterns, npatterns);
  if (!rc)
    rc = prebuild_tries(out, lists, nlists);
  return rc ? rc : prebuild_lexicons(out, lexicons, nlexicons);
}

static int write_images(FILE *out, void *ud) {
  (void)ud;
  return prebuild_images(out);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: ddlint-prebuild PATTERNS.c IMAGES.c\n");
    return 2;
  }
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_ctx_set_config(ctx, NULL, false);
  ddl_result *r = NULL;
  if (ddl_ctx_prepare(ctx) != DDL_OK || ddl_lint_buffer(&r, ctx, "empty.md", "", 0) != DDL_OK) {
    fprintf(stderr, "ddlint-prebuild: %s\n", ddl_ctx_error(ctx)->message);
    return 1;
  }
  ddl_result_free(r);
  ddl_ctx_free(ctx);

  qsort(patterns, npatterns, sizeof(*patterns), by_text);
  size_t n = 0;
  for (size_t i = 0; i < npatterns; i++)
    if (n == 0 || strcmp(patterns[n - 1], patterns[i]) != 0)
      patterns[n++] = patterns[i];
    else
      free(patterns[i]);
  npatterns = n;
  if (nlists > 1)
    qsort(lists, nlists, sizeof(*lists), by_list);
  n = 0;
  for (size_t i = 0; i < nlists; i++)
    if (n == 0 || by_list(&lists[n - 1], &lists[i]) != 0)
      lists[n++] = lists[i];
    else
      free_list(&lists[i]);
  nlists = n;

  int rc = write_file(argv[1], write_patterns, NULL);
  if (rc == 0)
    rc = write_file(argv[2], write_images, NULL);
  for (size_t i = 0; i < npatterns; i++)
    free(patterns[i]);
  free(patterns);
  for (size_t i = 0; i < nlists; i++)
    free_list(&lists[i]);
  free(lists);
  for (size_t i = 0; i < nlexicons; i++)
    free_lexicon(&lexicons[i]);
  free(lexicons);
  return rc;
}
