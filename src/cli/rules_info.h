/* --list-rules and --explain: what the rules are, for people. */
#ifndef DDL_CLI_RULES_INFO_H
#define DDL_CLI_RULES_INFO_H

#include "ddlint.h"

/* Both print to standard output and return 0, 1 for an unknown rule
 * (already reported), or -1 when the rules could not be loaded (the error
 * is on the context). */
/* --list-rules, or with PATH --print-config PATH: the rules that apply to
 * a document there, with the configuration and overrides they come from;
 * as a table, or with JSON as one JSON document. */
int cli_list_rules(ddl_ctx *ctx, const char *path, bool json);
int cli_explain(ddl_ctx *ctx, const char *id);

#endif
