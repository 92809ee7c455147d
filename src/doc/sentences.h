/* Sentence segmentation of a block's plain text. */
#ifndef DDL_DOC_SENTENCES_H
#define DDL_DOC_SENTENCES_H

#include "internal.h"
#include "util/vec.h"

typedef DDL_VEC(ddl_span) ddl_span_vec;

/* Appends to OUT the sentences of TEXT[start, end), trimmed of white space.
 * A sentence ends at . ! or ? (plus closing quotes and brackets) followed
 * by white space and a capital, digit or opening mark, or at END; common
 * abbreviations, initials and decimals do not end one.  Inline code spans
 * (CODE, sorted) are never split. */
void ddl_sentences_split(const char *text, uint32_t start, uint32_t end,
                         const ddl_span *code, uint32_t ncode, ddl_span_vec *out);

#endif
