/* Configuration discovery, memoised by directory.  A directory's real path
 * is derived from its parent's (one lstat to rule out a symbolic link)
 * instead of calling realpath(), which resolves every component again,
 * and its nearest configuration is its own or its parent's: a chain of d
 * directories costs O(d) system calls, not O(d^2) (each of which walks
 * the whole path in the kernel). */
#include "config/discover.h"

#include "config/config.h"
#include "util/mem.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t keep(ddl_config_finder *f, char *s) {
  DDL_VEC_PUSH(f->strings, s);
  return f->strings.len - 1;
}

static char *join(const char *dir, const char *name) {
  size_t dl = strcmp(dir, "/") == 0 ? 0 : strlen(dir), nl = strlen(name);
  char *p = ddl_xmalloc(dl + nl + 2);
  memcpy(p, dir, dl);
  p[dl] = '/';
  memcpy(p + dl + 1, name, nl + 1);
  return p;
}

/* DIR's real path (owned by F), or NULL when it cannot be resolved. */
static const char *canonical(ddl_config_finder *f, const char *dir) {
  size_t at;
  if (ddl_strmap_get(&f->canonical, dir, &at))
    return at == SIZE_MAX ? NULL : f->strings.items[at];
  char *real = NULL;
  const char *slash = strrchr(dir, '/');
  const char *last = slash ? slash + 1 : dir;
  bool plain = slash && slash != dir && *last && strcmp(last, ".") != 0 && strcmp(last, "..") != 0;
  struct stat st;
  if (plain && lstat(dir, &st) == 0 && !S_ISLNK(st.st_mode)) {
    char *parent = ddl_xstrndup(dir, (size_t)(slash - dir));
    const char *up = canonical(f, parent);
    free(parent);
    if (up)
      real = join(up, last);
  }
  if (!real) {
    char buf[PATH_MAX];
    if (realpath(*dir ? dir : "/", buf))
      real = ddl_xstrdup(buf);
  }
  size_t key = keep(f, ddl_xstrdup(dir));
  size_t value = real ? keep(f, real) : SIZE_MAX;
  ddl_strmap_set(&f->canonical, f->strings.items[key], value);
  return real;
}

/* The nearest configuration of real directory DIR, as an index into
 * f->strings or SIZE_MAX. */
static size_t nearest(ddl_config_finder *f, const char *dir) {
  size_t at;
  if (ddl_strmap_get(&f->nearest, dir, &at))
    return at;
  char *cand = join(dir, DDL_CONFIG_NAME), *yml = join(dir, DDL_CONFIG_NAME_YML);
  struct stat st;
  size_t found = SIZE_MAX;
  if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
    found = keep(f, cand); /* config_entry refuses it if .ddlint.yml is there too */
    free(yml);
  } else if (stat(yml, &st) == 0 && S_ISREG(st.st_mode)) {
    found = keep(f, yml);
    free(cand);
  } else {
    free(cand);
    free(yml);
    const char *slash = strrchr(dir, '/');
    if (slash && strcmp(dir, "/") != 0) {
      char *parent = slash == dir ? ddl_xstrdup("/") : ddl_xstrndup(dir, (size_t)(slash - dir));
      found = nearest(f, parent);
      free(parent);
    }
  }
  size_t key = keep(f, ddl_xstrdup(dir));
  ddl_strmap_set(&f->nearest, f->strings.items[key], found);
  return found;
}

const char *ddl_config_finder_find(ddl_config_finder *f, const char *dir) {
  const char *real = canonical(f, dir);
  /* An unresolvable directory is searched as given, as before. */
  size_t at = nearest(f, real ? real : dir);
  return at == SIZE_MAX ? NULL : f->strings.items[at];
}

const char *ddl_config_finder_real(ddl_config_finder *f, const char *dir) {
  return canonical(f, dir);
}

void ddl_config_finder_free(ddl_config_finder *f) {
  ddl_strmap_free(&f->canonical);
  ddl_strmap_free(&f->nearest);
  for (size_t i = 0; i < f->strings.len; i++)
    free(f->strings.items[i]);
  DDL_VEC_FREE(f->strings);
}
