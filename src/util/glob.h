/* Rule-ID globs as used by --enable, --disable and configuration files. */
#ifndef DDL_UTIL_GLOB_H
#define DDL_UTIL_GLOB_H

#include <stdbool.h>

/* '*' matches any run of characters (including '/'), '?' one character;
 * everything else matches itself.  "all" and "*" match every rule; a
 * pack name alone ("hygiene") matches every rule of that pack. */
bool ddl_glob_match(const char *glob, const char *id);

#endif
