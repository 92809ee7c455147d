/* Recursive discovery of Markdown files in sorted order. */
#include "internal.h"

#include "util/mem.h"
#include "util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_markdown(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && dot != name && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  while (dl > 1 && dir[dl - 1] == '/')
    dl--;
  char *p = ddl_xmalloc(dl + nl + 2);
  memcpy(p, dir, dl);
  p[dl] = '/';
  memcpy(p + dl + 1, name, nl + 1);
  return p;
}

void ddl_walk(const char *dir, ddl_walk_fn visit, void *ud) {
  DIR *d = opendir(dir);
  if (!d) {
    ddl_error err = {DDL_EIO, dir, 0, 0, strerror(errno)};
    visit(ud, dir, &err);
    return;
  }
  DDL_VEC(char *) names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue; /* ".", ".." and hidden entries such as .git */
    DDL_VEC_PUSH(names, ddl_xstrdup(e->d_name));
  }
  closedir(d);
  if (names.len > 1)
    qsort(names.items, names.len, sizeof(char *), by_name);
  for (size_t i = 0; i < names.len; i++) {
    char *path = join(dir, names.items[i]);
    struct stat st;
    /* lstat: symlinked directories are not followed, so links cannot loop. */
    if (lstat(path, &st) == 0) {
      if (S_ISDIR(st.st_mode))
        ddl_walk(path, visit, ud);
      else if (is_markdown(names.items[i]) &&
               (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
                                        S_ISREG(st.st_mode))))
        visit(ud, path, NULL);
    }
    free(path);
    free(names.items[i]);
  }
  DDL_VEC_FREE(names);
}
