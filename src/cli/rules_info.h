/* --list-rules and --explain: what the rules are, for people. */
#ifndef DDL_CLI_RULES_INFO_H
#define DDL_CLI_RULES_INFO_H

#include "ddlint.h"

/* Both print to standard output and return 0, 1 for an unknown rule
 * (already reported), or -1 when the rules could not be loaded (the error
 * is on the context). */
int cli_list_rules(ddl_ctx *ctx);
int cli_explain(ddl_ctx *ctx, const char *id);

#endif
