/* Recursive discovery of Markdown files in sorted order.  Whatever the
 * walk cannot read is reported through the callback, naming the path, so
 * that a run never skips a file without a word. */
#include "internal.h"

#include "io/read.h"
#include "util/buf.h"
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

static void fail(ddl_walk_fn visit, void *ud, const char *path, const char *what, int err) {
  ddl_buf msg = {0};
  ddl_buf_printf(&msg, "%s%s%s", what, err ? ": " : "", err ? strerror(err) : "");
  ddl_error e = {DDL_EIO, path, 0, 0, ddl_buf_cstr(&msg)};
  visit(ud, path, &e);
  ddl_buf_free(&msg);
}

/* A *.md entry that is a symbolic link is followed to a regular file; a
 * link to a directory is not followed (so links cannot make the walk
 * loop), and a broken or looping link is an error. */
static void visit_link(const char *path, ddl_walk_fn visit, void *ud) {
  struct stat st;
  if (stat(path, &st) != 0) {
    int e = errno;
    fail(visit, ud, path,
         e == ENOENT ? "broken symbolic link" : e == ELOOP ? "symbolic link loop"
                                                            : "cannot follow symbolic link",
         e == ENOENT || e == ELOOP ? 0 : e);
  } else if (S_ISREG(st.st_mode)) {
    visit(ud, path, NULL);
  } else if (!S_ISDIR(st.st_mode)) {
    fail(visit, ud, path, ddl_file_type_refusal(st.st_mode), 0);
  }
}

void ddl_walk(const char *dir, ddl_walk_fn visit, void *ud) {
  DIR *d = opendir(dir);
  if (!d) {
    fail(visit, ud, dir, "cannot read directory", errno);
    return;
  }
  DDL_VEC(char *) names = {0};
  struct dirent *e;
  for (;;) {
    errno = 0;
    if (!(e = readdir(d)))
      break;
    if (e->d_name[0] == '.')
      continue; /* ".", ".." and hidden entries such as .git */
    DDL_VEC_PUSH(names, ddl_xstrdup(e->d_name));
  }
  if (errno) /* what was listed before the failure is still linted */
    fail(visit, ud, dir, "cannot read directory", errno);
  closedir(d);
  if (names.len > 1)
    qsort(names.items, names.len, sizeof(char *), by_name);
  bool enterable = true;
  for (size_t i = 0; i < names.len; i++) {
    char *path = join(dir, names.items[i]);
    struct stat st;
    if (!enterable) {
      /* reported once for the directory below */
    } else if (lstat(path, &st) != 0) {
      int err = errno;
      if (err == EACCES) {
        /* Listable but not searchable: every entry would fail alike. */
        fail(visit, ud, dir, "cannot enter directory", err);
        enterable = false;
      } else {
        fail(visit, ud, path, "cannot read", err);
      }
    } else if (S_ISDIR(st.st_mode)) {
      ddl_walk(path, visit, ud);
    } else if (is_markdown(names.items[i])) {
      if (S_ISREG(st.st_mode))
        visit(ud, path, NULL);
      else if (S_ISLNK(st.st_mode))
        visit_link(path, visit, ud);
      else
        fail(visit, ud, path, ddl_file_type_refusal(st.st_mode), 0);
    }
    free(path);
    free(names.items[i]);
  }
  DDL_VEC_FREE(names);
}
