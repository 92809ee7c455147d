/* Rules, rule packs and the interface every rule kind implements. */
#ifndef DDL_RULES_RULE_H
#define DDL_RULES_RULE_H

#include "doc/model.h"
#include "regex/lexicon.h"
#include "regex/regex.h"
#include "util/buf.h"
#include "yaml/ydoc.h"

typedef struct ddl_rule_kind ddl_rule_kind;
typedef struct ddl_pack ddl_pack;
typedef struct ddl_run ddl_run;

struct ddl_rule {
  char *id, *summary, *explain, *example;
  char *details;               /* set by the kind for --explain, or NULL */
  const ddl_rule_kind *kind;
  ddl_severity severity;
  bool enabled;                /* unless a configuration says otherwise */
  const ddl_pack *pack;
  unsigned line, column;       /* of the rule in its pack, for errors */
  void *data;                  /* compiled by the kind, freed by kind->free */
};

struct ddl_pack {
  char *name, *description, *path;
  ddl_rule **rules;
  size_t nrules;
};

/* Where a kind reads its keys: the rule's own mapping, falling back to the
 * pack's `defaults:` for that kind. */
typedef struct {
  ddl_ydoc *y;
  const ddl_ynode *rule;
  const ddl_ynode *defaults; /* may be NULL */
} ddl_rule_src;

const ddl_ynode *ddl_rule_src_get(const ddl_rule_src *src, const char *key);
/* Helpers for kinds: a required key, and a pattern or list of patterns. */
int ddl_rule_src_require(const ddl_rule_src *src, const char *key, const ddl_ynode **out);
int ddl_rule_src_patterns(const ddl_rule_src *src, const char *key, bool required,
                          ddl_regex_list *out);
/* The same without building the list's cue index, for lists indexed
 * together (ddl_regex_lists_index_together). */
int ddl_rule_src_pattern_list(const ddl_rule_src *src, const char *key, bool required,
                              ddl_regex_list *out);
/* For kinds whose data is one pattern list: compiles KEY into a new
 * ddl_regex_list in rule->data, freed by ddl_rule_free_patterns. */
int ddl_rule_compile_patterns(ddl_rule *rule, const ddl_rule_src *src, const char *key,
                              bool required);
void ddl_rule_free_patterns(void *data);
/* A list of {weight: W, terms: [...]} groups, or a plain list of terms
 * (weight 1); stored as parallel arrays. */
typedef struct {
  size_t *at; /* where each term starts in text */
  float *weights;
  size_t len, cap;
  ddl_buf text; /* the terms, each ending in its NUL */
} ddl_term_list;
int ddl_rule_src_terms(const ddl_rule_src *src, const char *key, bool required,
                       ddl_term_list *out);
void ddl_term_list_free(ddl_term_list *t);
void ddl_term_list_register(const ddl_term_list *t, ddl_lexicon_builder *lb,
                            uint32_t owner, uint32_t tag);

/* A rule as the current ruleset runs it. */
typedef struct {
  const ddl_rule *rule;
  uint32_t index;         /* in the ruleset */
  ddl_severity severity;
} ddl_active;

struct ddl_rule_kind {
  const char *name;
  const char *const *keys;   /* the kind's own keys, NULL-terminated */
  int phase;                 /* finish() runs in ascending phase order */
  int (*compile)(ddl_rule *rule, const ddl_rule_src *src);
  void (*free)(void *data);
  /* Optional: adds the lexicon terms the rule wants term() calls for. */
  void (*terms)(const ddl_rule *rule, ddl_lexicon_builder *lb, uint32_t owner);
  /* Per document: begin returns the rule's state (allocated in the
   * document's arena); block sees every block in order, term every
   * lexicon hit of the rule outside inline code; finish reports. */
  void *(*begin)(ddl_run *run, const ddl_active *a);
  void (*block)(void *state, ddl_run *run, const ddl_block *b);
  void (*term)(void *state, ddl_run *run, const ddl_block *b, uint32_t sentence,
               const ddl_lex_hit *hit, const ddl_lex_owner *owner);
  void (*finish)(void *state, ddl_run *run);
};

/* The rules whose diagnostics the engine itself reports (kind "engine",
 * rules/ddlint.yaml): a directive naming no rule, a pattern that
 * exhausted its limits. */
#define DDL_DIRECTIVE_RULE "ddlint/directive"
#define DDL_REGEX_LIMIT_RULE "ddlint/regex-limit"

/* The table of all kinds (rules/registry.c). */
const ddl_rule_kind *ddl_rule_kind_find(const char *name);
extern const ddl_rule_kind ddl_kind_area_coverage;
extern const ddl_rule_kind ddl_kind_topic_coverage;
extern const ddl_rule_kind ddl_kind_justification;
extern const ddl_rule_kind ddl_kind_placeholder;
extern const ddl_rule_kind ddl_kind_empty_section;
extern const ddl_rule_kind ddl_kind_engine;

/* The area an area-coverage rule judges, or NULL for other kinds. */
const char *ddl_area_rule_area(const ddl_rule *rule);

#endif
