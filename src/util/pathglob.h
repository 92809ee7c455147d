/* Path globs as in .gitignore, for --exclude: '*', '?' and [classes]
 * within one path segment, '**' for any number of segments, a pattern
 * without a '/' (but a trailing one) matching a name at any depth, a
 * trailing '/' matching directories only, a leading '/' anchoring. */
#ifndef DDL_UTIL_PATHGLOB_H
#define DDL_UTIL_PATHGLOB_H

#include <stdbool.h>

/* Whether PATH (relative, '/'-separated, no "./" or trailing '/') matches
 * GLOB; IS_DIR says whether PATH is a directory. */
bool ddl_pathglob_match(const char *glob, const char *path, bool is_dir);
/* Whether the file at PATH, or a directory above it, matches GLOB: what
 * a walk pruning at GLOB would leave out. */
bool ddl_pathglob_match_file(const char *glob, const char *path);

#endif
