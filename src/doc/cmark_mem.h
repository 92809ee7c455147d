/* The allocator cmark's parser is given: ddlint's, which aborts when
 * memory runs out, or, for a parse that asks, one arena. */
#ifndef DDL_DOC_CMARK_MEM_H
#define DDL_DOC_CMARK_MEM_H

#include "util/arena.h"

struct cmark_mem;

struct cmark_mem *ddl_cmark_mem(void);

/* From now on, until called again with NULL, cmark's allocations on this
 * thread come from ARENA and its frees do nothing: the tree goes when
 * the arena does.  cmark makes some hundreds of small allocations per
 * kilobyte of input, and allocating and freeing them one by one cost
 * more than a tenth of linting many small files.  cmark's allocator
 * takes no context, hence the thread's own setting. */
void ddl_cmark_mem_use(ddl_arena *arena);

#endif
