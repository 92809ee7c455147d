/* Pipe tables.  libcmark has no table extension, so a table reaches ddlint
 * as a paragraph whose second line is a delimiter row. */
#ifndef DDL_DOC_TABLE_H
#define DDL_DOC_TABLE_H

#include "doc/sentences.h"

/* Whether the lines of TEXT (separated by '\n') form a pipe table. */
bool ddl_table_detect(const char *text, uint32_t len);
/* Whether the pipe at text offset OFF was escaped in the source. */
typedef bool (*ddl_pipe_escaped_fn)(void *ud, uint32_t off);

/* Appends the trimmed cells of the row TEXT[start, end) to OUT; pipes
 * inside inline code (CODE, sorted) or for which ESCAPED (may be NULL)
 * says true do not separate cells. */
void ddl_table_cells(const char *text, uint32_t start, uint32_t end,
                     const ddl_span *code, uint32_t ncode, ddl_pipe_escaped_fn escaped,
                     void *ud, ddl_span_vec *out);

#endif
