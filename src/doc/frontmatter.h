/* Front matter (YAML between --- lines, or TOML between +++ lines) at the
 * top of a document: metadata for site generators, never Markdown. */
#ifndef DDL_DOC_FRONTMATTER_H
#define DDL_DOC_FRONTMATTER_H

#include "io/source.h"

/* The offset where the Markdown body starts (the line after the closing
 * delimiter), or 0 when SRC has no closed front matter block.  An opening
 * delimiter that is never closed is not front matter: CommonMark reads it
 * as a thematic break, and so does ddlint. */
uint32_t ddl_front_matter_end(const ddl_source *src);

#endif
