/* Paths relative to the working directory. */
#include "util/path.h"

#include "util/mem.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *ddl_path_cwd_slash(void) {
  char *cwd = getcwd(NULL, 0), *slashed = NULL;
  if (cwd && strcmp(cwd, "/") != 0) {
    slashed = ddl_xmalloc(strlen(cwd) + 2);
    strcpy(slashed, cwd);
    strcat(slashed, "/");
  }
  free(cwd);
  return slashed;
}

const char *ddl_path_relative(const char *path, const char *cwd_slash) {
  size_t n = cwd_slash ? strlen(cwd_slash) : 0;
  if (path[0] == '/' && n && strncmp(path, cwd_slash, n) == 0)
    path += n;
  while (path[0] == '.' && path[1] == '/')
    path += 2 + strspn(path + 2, "/");
  return path;
}
