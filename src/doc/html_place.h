/* Where the bytes of a raw HTML literal from cmark lie in the source.
 *
 * A literal is not a copy of the source: inside a list or a block quote
 * each continuation line has lost its container prefix, a partly consumed
 * tab has become spaces, cmark's inline columns on indented continuation
 * lines leave out the stripped indentation (commonmark/cmark#296), and its
 * inline lines after a link reference definition are counted from the
 * start of the paragraph, definitions included.  So each literal line is
 * found on its source line by its text, cmark's offset only a hint.
 *
 * Queries must come in increasing order of literal offset; then each
 * literal line is split and placed once, and all queries on a literal
 * cost time linear in it and in the source lines it spans. */
#ifndef DDL_DOC_HTML_PLACE_H
#define DDL_DOC_HTML_PLACE_H

#include "io/source.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
  const ddl_source *src;
  const char *html;
  size_t len;
  unsigned first_line; /* file line of the literal's first line */
  /* The literal line of the last query. */
  unsigned index;
  size_t lstart, lend;
  bool placed;         /* whether the line's source position is known */
  int64_t at;          /* then: the source offset of the literal's byte lstart */
  uint32_t search_from; /* where the next comment on this line is looked for */
} ddl_html_place;

/* Places literal HTML[0, LEN) whose first line is on file line LINE or,
 * when it is not found there, on a later line up to LAST_LINE (the end of
 * its paragraph).  Returns the line where its first line was found, or 0
 * if nowhere (positions then fall back to the columns it has). */
unsigned ddl_html_place_init(ddl_html_place *p, const ddl_source *src, const char *html,
                             size_t len, unsigned line, unsigned last_line, uint32_t hint);

/* The source offset of the comment "<!--" at literal byte OFF, and its line. */
uint32_t ddl_html_place_comment_start(ddl_html_place *p, size_t off, unsigned *line);
/* The source offset just past the "-->" that ends at literal byte END. */
uint32_t ddl_html_place_comment_end(ddl_html_place *p, size_t end, unsigned *line);

#endif
