/* libgit2, loaded the first time a walk asks what git ignores.
 *
 * Linked in, libgit2 and what it links (libcrypto, mbedtls, krb5, ssh2)
 * cost every run about 7 ms of dynamic loading, and initialising it reads
 * the system's CA certificates (another 10 ms or more), which is most of
 * ddlint's start-up; yet only directory walks and --force-exclude need
 * it.  So it is opened with dlopen() by the soname it was built against. */
#ifndef DDL_IO_GITLIB_H
#define DDL_IO_GITLIB_H

#include <git2.h>

/* The functions the walk calls, as libgit2 declares them. */
typedef struct {
  int (*libgit2_init)(void);
  int (*libgit2_shutdown)(void);
  int (*repository_open_ext)(git_repository **out, const char *path, unsigned int flags,
                             const char *ceiling_dirs);
  const char *(*repository_workdir)(const git_repository *repo);
  void (*repository_free)(git_repository *repo);
  int (*ignore_path_is_ignored)(int *ignored, git_repository *repo, const char *path);
} ddl_gitlib;

/* The library, loaded once per process (any thread may ask), or NULL with
 * *WHY saying why it could not be: the loader's own message, naming the
 * file it looked for.  The table and the message live until exit. */
const ddl_gitlib *ddl_gitlib_get(const char **why);

#endif
