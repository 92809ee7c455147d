/* A main() for the fuzz harnesses without libFuzzer (libgit2's
 * fuzzers/standalone_driver.c): every file named, or found under a
 * directory named, is fed once to LLVMFuzzerTestOneInput, in sorted
 * order.  So each harness is an ordinary program that any compiler builds,
 * ctest runs over the seed corpus, and a saved crash input replays with
 *   fuzz_doc crash-1234
 * Usage: HARNESS [-n MAX] PATH...   (-n: at most MAX inputs, spread evenly
 * over the sorted list, to bound the time of a slow build). */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a harness, as with libFuzzer. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

typedef struct {
  char **items;
  size_t len, cap;
} path_list;

static void push(path_list *l, const char *path) {
  if (l->len == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 64;
    l->items = realloc(l->items, l->cap * sizeof(char *));
  }
  if (!l->items || !(l->items[l->len] = strdup(path))) {
    fprintf(stderr, "standalone driver: out of memory\n");
    exit(2);
  }
  l->len++;
}

/* Regular files under PATH; hidden entries are skipped as ddlint does. */
static int collect(path_list *l, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "standalone driver: %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (S_ISREG(st.st_mode))
      push(l, path);
    return 0;
  }
  DIR *dir = opendir(path);
  if (!dir) {
    fprintf(stderr, "standalone driver: %s: %s\n", path, strerror(errno));
    return -1;
  }
  int rc = 0;
  struct dirent *e;
  while (rc == 0 && (e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *child = malloc(n);
    if (!child) {
      rc = -1;
      break;
    }
    snprintf(child, n, "%s/%s", path, e->d_name);
    rc = collect(l, child);
    free(child);
  }
  closedir(dir);
  return rc;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "standalone driver: %s: %s\n", path, strerror(errno));
    return -1;
  }
  size_t len = 0, cap = 4096;
  char *data = malloc(cap);
  size_t got;
  while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap)
      data = realloc(data, cap *= 2);
  }
  int rc = data && !ferror(f) ? 0 : -1;
  fclose(f);
  if (rc == 0)
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
  else
    fprintf(stderr, "standalone driver: cannot read %s\n", path);
  free(data);
  return rc;
}

int main(int argc, char **argv) {
  size_t max = 0;
  int first = 1;
  if (argc > 2 && strcmp(argv[1], "-n") == 0) {
    max = strtoul(argv[2], NULL, 10);
    first = 3;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [-n MAX] FILE-OR-DIRECTORY...\n", argv[0]);
    return 2;
  }
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);
  path_list inputs = {0};
  int rc = 0;
  for (int i = first; i < argc && rc == 0; i++)
    rc = collect(&inputs, argv[i]);
  if (rc == 0 && inputs.len == 0) {
    fprintf(stderr, "standalone driver: no inputs found: is the corpus there?\n");
    rc = -1;
  }
  qsort(inputs.items, inputs.len, sizeof(char *), by_name);
  size_t step = max && inputs.len > max ? (inputs.len + max - 1) / max : 1, ran = 0;
  for (size_t i = 0; rc == 0 && i < inputs.len; i += step, ran++)
    rc = run_file(inputs.items[i]);
  for (size_t i = 0; i < inputs.len; i++)
    free(inputs.items[i]);
  free(inputs.items);
  if (rc == 0)
    fprintf(stderr, "%s: %zu inputs passed\n", argv[0], ran);
  return rc == 0 ? 0 : 1;
}
