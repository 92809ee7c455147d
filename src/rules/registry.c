/* The table of rule kinds: add a kind here and in rules/rule.h. */
#include "rules/rule.h"

#include <string.h>

static const ddl_rule_kind *const kinds[] = {
    &ddl_kind_area_coverage, &ddl_kind_topic_coverage, &ddl_kind_justification,
    &ddl_kind_placeholder,   &ddl_kind_empty_section, &ddl_kind_engine,
};

const ddl_rule_kind *ddl_rule_kind_find(const char *name) {
  for (size_t i = 0; i < DDL_ARRAY_LEN(kinds); i++)
    if (strcmp(kinds[i]->name, name) == 0)
      return kinds[i];
  return NULL;
}
