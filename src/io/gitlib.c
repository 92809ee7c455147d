#include "io/gitlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#ifndef DDL_LIBGIT2_SONAME
#error "DDL_LIBGIT2_SONAME names the libgit2 to load (set by CMakeLists.txt)"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static ddl_gitlib table;
static const ddl_gitlib *loaded;
static char failure[512];

/* ISO C has no conversion from dlsym()'s object pointer to a function
 * pointer; POSIX guarantees their representations agree, so copy it. */
static bool bind(void *lib, const char *name, void *fn, size_t size) {
  void *sym = dlsym(lib, name);
  if (!sym) {
    snprintf(failure, sizeof(failure), "%s: no symbol %s", DDL_LIBGIT2_SONAME, name);
    return false;
  }
  memcpy(fn, &sym, size);
  return true;
}

#define BIND(lib, field, name) bind(lib, name, &table.field, sizeof(table.field))

static void load(void) {
  /* RTLD_LOCAL: nothing else in the process should bind to libgit2's
   * symbols; never closed, as libgit2 keeps per-thread state until exit. */
  void *lib = dlopen(DDL_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *err = dlerror();
    snprintf(failure, sizeof(failure), "%s", err ? err : DDL_LIBGIT2_SONAME ": cannot be loaded");
    return;
  }
  if (BIND(lib, libgit2_init, "git_libgit2_init") &&
      BIND(lib, libgit2_shutdown, "git_libgit2_shutdown") &&
      BIND(lib, repository_open_ext, "git_repository_open_ext") &&
      BIND(lib, repository_workdir, "git_repository_workdir") &&
      BIND(lib, repository_free, "git_repository_free") &&
      BIND(lib, ignore_path_is_ignored, "git_ignore_path_is_ignored"))
    loaded = &table;
}

const ddl_gitlib *ddl_gitlib_get(const char **why) {
  pthread_once(&once, load);
  if (!loaded && why)
    *why = failure;
  return loaded;
}
