/* Proper names in prose: a common word spelt with a capital in the middle
 * of a sentence names a product, a component or a project ("Performance
 * Schema", "GOV.UK Publishing", "Security Enhanced Mode"), so it is not
 * evidence that the document discusses performance or security. */
#ifndef DDL_DOC_PROPER_NAME_H
#define DDL_DOC_PROPER_NAME_H

#include "doc/model.h"

/* Whether the word at text offset START of block B modifies a name of two
 * or more capitalised words: it is Capitalised (not all capitals: an
 * acronym is a term of its own), it does not open its sentence, table
 * cell, or what follows a colon, a dash or a full stop inside the
 * sentence, and the word after it is capitalised too.  The last word of a
 * name is its head and not counted: "Memory Cache" is a cache,
 * "Performance Schema" is not performance.  SENTENCE is the index of the
 * sentence holding START. */
bool ddl_in_proper_name(const ddl_block *b, uint32_t sentence, uint32_t start);

#endif
