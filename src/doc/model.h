/* The document model the rules work on: sections, blocks and sentences,
 * each with byte spans into the source.  Built once from cmark's tree
 * (doc/build.c); everything lives in the document's arena. */
#ifndef DDL_DOC_MODEL_H
#define DDL_DOC_MODEL_H

#include "internal.h"
#include "io/source.h"
#include "util/arena.h"

typedef enum {
  DDL_BLOCK_PARAGRAPH, /* prose paragraph, also inside list items and quotes */
  DDL_BLOCK_HEADING,
  DDL_BLOCK_TABLE_ROW, /* one body row of a pipe table (the header is kept aside) */
  DDL_BLOCK_CODE,      /* fenced or indented code: never prose */
  DDL_BLOCK_HTML       /* raw HTML block: never prose */
} ddl_block_kind;

/* A run of a block's text that maps to the source: text[text..text+len)
 * came from source[src..src+len), or, when flat, from the single point
 * src (markup ddlint synthesised, such as a space for a line break). */
typedef struct {
  uint32_t text, src, len;
  bool flat;
} ddl_seg;

typedef struct ddl_section ddl_section;

typedef struct ddl_block {
  ddl_block_kind kind;
  uint32_t index;         /* position in ddl_doc.blocks */
  ddl_span src;           /* source bytes of the whole block */
  /* Plain text: inline markup removed, link targets dropped, inline code
   * kept with its backticks, soft line breaks as '\n'.  NUL-terminated.
   * Empty for code and HTML blocks. */
  const char *text;
  uint32_t len;
  const ddl_seg *segs;
  uint32_t nsegs;
  const ddl_span *code;   /* text ranges of inline code spans */
  uint32_t ncode;
  uint32_t link_chars;    /* text bytes that are link text */
  const ddl_span *sents;  /* sentences, as text ranges */
  uint32_t nsents;
  ddl_section *section;   /* innermost enclosing section */
  int32_t item;           /* enclosing list item (ddl_doc.items) or -1 */
  bool item_first;        /* first block of that item: the item's own text */
  bool in_quote;
  uint16_t quote_depth;   /* nesting of block quotes around the block */
  /* Table rows: cell text ranges and the header row's block-free cells. */
  const ddl_span *cells;
  uint32_t ncells;
  const struct ddl_table *table;
} ddl_block;

typedef struct ddl_table {
  const char *header_text;     /* the header row's text */
  const ddl_span *header_cells;
  uint32_t ncols;
  uint32_t first_row, nrows;   /* body rows: blocks [first_row, first_row+nrows) */
} ddl_table;

typedef struct {
  int32_t parent;        /* enclosing list item or -1 */
  uint32_t first_block;  /* blocks [first_block, end_block) are inside the item */
  uint32_t end_block;
  int32_t lead_in;       /* paragraph just before the item's list, or -1 */
  uint32_t depth;        /* 1 for a top-level list */
} ddl_item;

struct ddl_section {
  uint32_t index;
  int level;                 /* 0 for the part before the first heading */
  const ddl_block *heading;  /* NULL for level 0 */
  const char *title;         /* heading text without a leading number ("4.2") */
  ddl_section *parent;
  uint32_t first_block;      /* direct content: blocks [first_block, end_block) */
  uint32_t end_block;
  uint32_t subtree_end;      /* content of this and nested sections ends here */
  uint32_t nchildren;
};

typedef enum {
  DDL_DIRECTIVE_DISABLE,
  DDL_DIRECTIVE_ENABLE,
  DDL_DIRECTIVE_DISABLE_LINE,
  DDL_DIRECTIVE_DISABLE_NEXT_LINE,
  DDL_DIRECTIVE_DISABLE_FILE
} ddl_directive_kind;

/* An inline <!-- ddlint-... --> comment. */
typedef struct {
  ddl_directive_kind kind;
  unsigned line;         /* line of the comment's end */
  ddl_span src;          /* the comment in the source */
  const char *rules;     /* space-separated globs; "" means every rule */
} ddl_directive;

typedef struct ddl_doc {
  ddl_arena arena;
  ddl_source src;
  ddl_span front_matter;    /* empty when there is none */
  ddl_block *blocks;
  uint32_t nblocks;
  ddl_section *sections;    /* sections[0] is the level-0 part */
  uint32_t nsections;
  ddl_item *items;
  uint32_t nitems;
  ddl_directive *directives;
  uint32_t ndirectives;
  const ddl_section *title; /* the document's title section, or NULL */
} ddl_doc;

/* Parses SRC (ownership moves into the document) and builds the model.
 * Never fails: every byte sequence is some Markdown. Free with ddl_doc_free. */
ddl_doc *ddl_doc_build(ddl_source *src);
void ddl_doc_free(ddl_doc *doc);

/* Index of the first of SEGS[0, n) that ends after text offset OFF (n when
 * none does): the segment holding OFF, or the next one. */
uint32_t ddl_seg_find(const ddl_seg *segs, uint32_t n, uint32_t off);
/* Source offset of text offset OFF in block B. */
uint32_t ddl_block_src_offset(const ddl_block *b, uint32_t off);
/* Number of words (runs of letters or digits) in TEXT[start, end). */
uint32_t ddl_count_words(const char *text, uint32_t start, uint32_t end);
/* Whether text offset OFF lies inside an inline code span of B. */
bool ddl_block_in_code(const ddl_block *b, uint32_t off);

#endif
