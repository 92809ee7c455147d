/* Suppression works per rule: the directives are replayed once for each
 * rule that has diagnostics, giving that rule's disabled line ranges,
 * and each of its diagnostics is checked against them, rather than
 * replaying every directive for every diagnostic. */
#include "engine/suppress.h"

#include "util/glob.h"
#include "util/mem.h"
#include "util/vec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  unsigned from, to; /* lines [from, to) */
} range;

typedef struct {
  const char *rule;
  bool file;
  DDL_VEC(range) ranges;
} rule_state;

/* Whether a directive's rule list (space- or comma-separated globs; empty
 * for all rules) names RULE. */
static bool names(const char *rules, const char *rule) {
  if (!*rules)
    return true;
  char glob[256];
  const char *p = rules;
  while (*p) {
    while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    size_t n = strcspn(p, " ,\t\n\r");
    if (n == 0)
      break;
    if (n < sizeof(glob)) {
      memcpy(glob, p, n);
      glob[n] = '\0';
      if (ddl_glob_match(glob, rule))
        return true;
    }
    p += n;
  }
  return false;
}

static void replay(rule_state *st, const ddl_doc *doc) {
  bool off = false;
  unsigned from = 0;
  for (uint32_t i = 0; i < doc->ndirectives; i++) {
    const ddl_directive *d = &doc->directives[i];
    if (!names(d->rules, st->rule))
      continue;
    range r;
    switch (d->kind) {
    case DDL_DIRECTIVE_DISABLE:
      if (!off) {
        off = true;
        from = d->line;
      }
      break;
    case DDL_DIRECTIVE_ENABLE:
      if (off) {
        r = (range){from, d->line};
        DDL_VEC_PUSH(st->ranges, r);
        off = false;
      }
      break;
    case DDL_DIRECTIVE_DISABLE_LINE:
      r = (range){d->line, d->line + 1};
      DDL_VEC_PUSH(st->ranges, r);
      break;
    case DDL_DIRECTIVE_DISABLE_NEXT_LINE:
      r = (range){d->line + 1, d->line + 2};
      DDL_VEC_PUSH(st->ranges, r);
      break;
    case DDL_DIRECTIVE_DISABLE_FILE:
      st->file = true;
      break;
    }
  }
  if (off) {
    range r = {from, ~0u};
    DDL_VEC_PUSH(st->ranges, r);
  }
}

static bool in_ranges(const rule_state *st, unsigned line) {
  if (st->file)
    return true;
  /* Ranges may overlap (a next-line inside a disabled block), so a
   * binary search on their starts would not do; a rule has few ranges. */
  for (size_t i = 0; i < st->ranges.len; i++)
    if (st->ranges.items[i].from <= line && line < st->ranges.items[i].to)
      return true;
  return false;
}

static void warn(ddl_diag_list *list, const ddl_directive *d, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ddl_diag_add(list, DDL_DIRECTIVE_RULE, DDL_SEV_WARNING, d->src.start, d->src.end, fmt, ap);
  va_end(ap);
}

void ddl_check_directives(ddl_diag_list *list, const ddl_doc *doc, const ddl_ruleset *rs) {
  for (uint32_t i = 0; i < doc->ndirectives; i++) {
    const ddl_directive *d = &doc->directives[i];
    const char *p = d->rules;
    while (*p) {
      p += strspn(p, " ,\t\n\r");
      size_t n = strcspn(p, " ,\t\n\r");
      if (n == 0)
        break;
      char glob[256];
      if (n < sizeof(glob)) {
        memcpy(glob, p, n);
        glob[n] = '\0';
        bool known = strcmp(glob, DDL_DIRECTIVE_RULE) == 0;
        for (size_t k = 0; k < rs->n && !known; k++)
          known = ddl_glob_match(glob, rs->rules[k]->id);
        if (!known)
          warn(list, d, "'%s' in this ddlint comment matches no rule (see ddlint --list-rules)",
               glob);
      }
      p += n;
    }
  }
}

void ddl_suppress(ddl_diag_list *list, const ddl_doc *doc) {
  if (doc->ndirectives == 0)
    return;
  DDL_VEC(rule_state) states = {0};
  size_t kept = 0;
  for (size_t i = 0; i < list->items.len; i++) {
    ddl_diag *d = list->items.items[i];
    rule_state *st = NULL;
    for (size_t k = 0; k < states.len && !st; k++)
      if (strcmp(states.items[k].rule, d->rule) == 0)
        st = &states.items[k];
    if (!st) {
      rule_state fresh = {d->rule, false, {0}};
      DDL_VEC_PUSH(states, fresh);
      st = &states.items[states.len - 1];
      replay(st, doc);
    }
    if (!in_ranges(st, d->line))
      list->items.items[kept++] = d;
  }
  list->items.len = kept;
  for (size_t k = 0; k < states.len; k++)
    DDL_VEC_FREE(states.items[k].ranges);
  DDL_VEC_FREE(states);
}
