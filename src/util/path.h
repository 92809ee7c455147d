/* Paths as the outputs and the walk show them: relative to the working
 * directory where they can be. */
#ifndef DDL_UTIL_PATH_H
#define DDL_UTIL_PATH_H

/* The working directory with a trailing '/' (malloc'd), or NULL when it is
 * "/" or unknown: no path is then made relative to it. */
char *ddl_path_cwd_slash(void);
/* PATH without a leading CWD_SLASH (when not NULL) and without leading
 * "./" segments; a suffix of PATH. */
const char *ddl_path_relative(const char *path, const char *cwd_slash);

#endif
