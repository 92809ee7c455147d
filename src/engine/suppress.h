/* Inline suppression by <!-- ddlint-... --> comments. */
#ifndef DDL_ENGINE_SUPPRESS_H
#define DDL_ENGINE_SUPPRESS_H

#include "diag/diag.h"
#include "doc/model.h"

/* Drops from LIST (finalized: positions known) every diagnostic that a
 * directive of DOC disables. */
void ddl_suppress(ddl_diag_list *list, const ddl_doc *doc);

#endif
