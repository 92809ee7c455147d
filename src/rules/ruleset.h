/* A ruleset: the rules of a list of packs with their enabled state and
 * severity after configuration and command line, plus the lexicon of
 * their terms.  Built once per configuration file and reused. */
#ifndef DDL_RULES_RULESET_H
#define DDL_RULES_RULESET_H

#include "config/config.h"
#include "rules/rule.h"
#include "util/strmap.h"

typedef struct {
  char *globs; /* comma-separated */
  bool enable;
} ddl_selection;

typedef struct {
  char *area;
  ddl_regex_list patterns;
} ddl_synonyms;

struct ddl_ruleset {
  ddl_rule **rules;
  size_t n;
  bool *enabled;
  ddl_severity *severity;
  ddl_strmap ids; /* rule id -> index */
  ddl_lexicon *lex;
  DDL_VEC(ddl_synonyms) synonyms;
  int fail_on; /* from the configuration, -1 when unset */
  bool notes;   /* the configuration keeps notes (notes: true, the default) */
  char *config; /* the configuration file it was built from, or NULL */
  DDL_VEC(unsigned) override_lines; /* of the overrides it applies */
};

/* Later packs replace earlier packs of the same name; a rule id defined by
 * two different packs is an error.  CFG may be NULL; OVERRIDES (NULL:
 * none) says which of its overrides apply, one flag each. */
int ddl_ruleset_build(ddl_ruleset **out, ddl_errsink *errs, ddl_pack *const *packs, size_t npacks,
                      const ddl_config *cfg, const bool *overrides, const ddl_selection *sel,
                      size_t nsel);
void ddl_ruleset_free(ddl_ruleset *rs);
/* Records that RS comes from CFG with the overrides in USE (NULL: none),
 * for --print-config. */
void ddl_ruleset_set_origin(ddl_ruleset *rs, const ddl_config *cfg, const bool *use);
/* Fails as ddl_ruleset_build would on a rule id defined by two packs, in
 * linear time and without building anything. */
int ddl_ruleset_check_ids(ddl_errsink *errs, ddl_pack *const *packs, size_t npacks);
/* Whether the engine's own rule ID (DDL_DIRECTIVE_RULE ...) is enabled in
 * RS, with its severity in *SEV.  A ruleset without it, where a user's
 * pack replaced the ddlint pack, reports it as an enabled warning. */
bool ddl_ruleset_engine_rule(const ddl_ruleset *rs, const char *id, ddl_severity *sev);
/* Extra heading patterns for AREA from the configuration, or NULL. */
const ddl_regex_list *ddl_ruleset_synonyms(const ddl_ruleset *rs, const char *area);

#endif
