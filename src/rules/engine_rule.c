/* Rule kind "engine": the engine's own diagnostics as rules, so that they
 * are listed, explained, configured and described like any other.  Such a
 * rule has no hooks; the engine looks it up to learn whether it is
 * enabled and at which severity (ddl_engine_rule). */
#include "rules/rule.h"

#include <string.h>

static const char *const keys[] = {NULL};

static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  if (strcmp(rule->id, DDL_DIRECTIVE_RULE) != 0 && strcmp(rule->id, DDL_REGEX_LIMIT_RULE) != 0)
    return ddl_ydoc_fail(src->y, src->rule,
                         "rule '%s': kind engine is only for the rules the engine reports (%s, %s)",
                         rule->id, DDL_DIRECTIVE_RULE, DDL_REGEX_LIMIT_RULE);
  return 0;
}

const ddl_rule_kind ddl_kind_engine = {.name = "engine", .keys = keys, .compile = compile};
