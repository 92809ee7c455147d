/* Collects a block's plain text from cmark's inline nodes while keeping a
 * map from every text byte back to the source. */
#ifndef DDL_DOC_INLINE_TEXT_H
#define DDL_DOC_INLINE_TEXT_H

#include "doc/model.h"
#include "util/buf.h"
#include "util/vec.h"

typedef struct {
  ddl_buf text;
  DDL_VEC(ddl_seg) segs;
  DDL_VEC(ddl_span) code;
  uint32_t link_chars;
  int link_depth;
  uint32_t cursor;  /* source offset just past the last mapped byte */
} ddl_textbuf;

void ddl_textbuf_begin(ddl_textbuf *tb, uint32_t src_start);
/* Appends LIT, the literal of an inline node cmark says starts at source
 * offset NODE_START (UINT32_MAX when unknown; only trusted where the bytes
 * match).  Where the literal differs from the source (resolved escapes
 * and entities) its bytes are aligned to the source greedily. */
void ddl_textbuf_text(ddl_textbuf *tb, const ddl_source *src, const char *lit,
                      size_t len, uint32_t node_start);
/* Appends bytes ddlint made up (a line break), mapped to the cursor. */
void ddl_textbuf_synth(ddl_textbuf *tb, const char *s, size_t len);
/* Appends an inline code span as `literal` and records its range. */
void ddl_textbuf_code(ddl_textbuf *tb, const ddl_source *src, const char *lit,
                      size_t len, uint32_t node_start);
void ddl_textbuf_free(ddl_textbuf *tb);

#endif
