/* Glob matching for rule IDs: iterative, so no input can make it recurse. */
#include "util/glob.h"

#include <string.h>

bool ddl_glob_match(const char *glob, const char *id) {
  if (strcmp(glob, "all") == 0)
    return true;
  /* A pack name alone ("hygiene") selects every rule of the pack. */
  size_t n = strlen(glob);
  if (n && !strpbrk(glob, "*?/") && strncmp(id, glob, n) == 0 && id[n] == '/')
    return true;
  const char *star = NULL, *resume = NULL;
  while (*id) {
    if (*glob == '*') {
      star = glob++;
      resume = id;
    } else if (*glob == '?' || *glob == *id) {
      glob++;
      id++;
    } else if (star) {
      glob = star + 1;
      id = ++resume;
    } else {
      return false;
    }
  }
  while (*glob == '*')
    glob++;
  return *glob == '\0';
}
