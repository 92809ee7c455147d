/* Inline suppression comments: <!-- ddlint-disable RULE... --> and kin. */
#ifndef DDL_DOC_DIRECTIVES_H
#define DDL_DOC_DIRECTIVES_H

#include "doc/model.h"

typedef void (*ddl_directive_fn)(void *ud, ddl_directive_kind kind,
                                 const char *rules, size_t rules_len,
                                 size_t comment_start, size_t comment_end);

/* Calls FN for every ddlint directive comment in the raw HTML at HTML. */
void ddl_directives_scan(const char *html, size_t len, ddl_directive_fn fn, void *ud);

#endif
