/* Front matter detection on whole lines of the source. */
#include "doc/frontmatter.h"

#include <string.h>

/* Whether LINE is the delimiter DELIM optionally followed by blanks. */
static bool is_delimiter(const char *line, size_t len, const char *delim) {
  size_t dl = strlen(delim);
  if (len < dl || memcmp(line, delim, dl) != 0)
    return false;
  for (size_t i = dl; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return false;
  return true;
}

uint32_t ddl_front_matter_end(const ddl_source *src) {
  size_t len;
  const char *first = ddl_source_line(src, 1, &len);
  if (!first)
    return 0;
  const char *close1, *close2;
  if (is_delimiter(first, len, "---")) {
    close1 = "---";
    close2 = "...";
  } else if (is_delimiter(first, len, "+++")) {
    close1 = close2 = "+++";
  } else {
    return 0;
  }
  for (unsigned line = 2; line <= src->nlines; line++) {
    const char *l = ddl_source_line(src, line, &len);
    if (is_delimiter(l, len, close1) || is_delimiter(l, len, close2))
      return line < src->nlines ? src->lines[line] : src->len;
  }
  return 0;
}
