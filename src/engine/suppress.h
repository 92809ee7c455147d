/* Inline suppression by <!-- ddlint-... --> comments. */
#ifndef DDL_ENGINE_SUPPRESS_H
#define DDL_ENGINE_SUPPRESS_H

#include "diag/diag.h"
#include "doc/model.h"
#include "rules/ruleset.h"

/* Warns (before finalizing LIST) about each rule name in DOC's directives
 * that matches no rule of RS: a typo would otherwise suppress nothing,
 * silently. */
void ddl_check_directives(ddl_diag_list *list, const ddl_doc *doc, const ddl_ruleset *rs);

/* Drops from LIST (finalized: positions known) every diagnostic that a
 * directive of DOC disables. */
void ddl_suppress(ddl_diag_list *list, const ddl_doc *doc);

#endif
