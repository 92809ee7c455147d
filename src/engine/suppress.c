/* Suppression works per rule: the directives are replayed once for each
 * rule that has diagnostics, giving that rule's disabled line ranges,
 * which are sorted and merged so that each of its diagnostics is one
 * binary search.  The cost is O(d x r + n log n) for d directives, n
 * diagnostics and r rules with diagnostics, never O(d x n). */
#include "engine/suppress.h"

#include "engine/engine.h"

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

static int by_from(const void *a, const void *b) {
  const range *x = a, *y = b;
  return x->from < y->from ? -1 : x->from > y->from;
}

/* Sorts and merges the ranges: a next-line inside a disabled block
 * overlaps it, and disjoint ranges can be searched by their starts. */
static void normalize(rule_state *st) {
  range *r = st->ranges.items;
  size_t n = st->ranges.len, kept = 0;
  if (n > 1)
    qsort(r, n, sizeof(range), by_from);
  for (size_t i = 0; i < n; i++) {
    if (kept && r[i].from <= r[kept - 1].to) {
      if (r[i].to > r[kept - 1].to)
        r[kept - 1].to = r[i].to;
    } else {
      r[kept++] = r[i];
    }
  }
  st->ranges.len = kept;
}

static bool in_ranges(const rule_state *st, unsigned line) {
  if (st->file)
    return true;
  size_t lo = 0, hi = st->ranges.len; /* the last range starting at or before LINE */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (st->ranges.items[mid].from <= line)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && line < st->ranges.items[lo - 1].to;
}

static void warn(ddl_diag_list *list, const ddl_ruleset *rs, const ddl_directive *d,
                 const char *fmt, ...) {
  ddl_severity sev;
  if (!ddl_ruleset_engine_rule(rs, DDL_DIRECTIVE_RULE, &sev))
    return;
  va_list ap;
  va_start(ap, fmt);
  ddl_diag_add(list, DDL_DIRECTIVE_RULE, sev, d->src.start, d->src.end, fmt, ap);
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
        bool known = ddl_glob_match(glob, DDL_DIRECTIVE_RULE) ||
                     ddl_glob_match(glob, DDL_REGEX_LIMIT_RULE);
        for (size_t k = 0; k < rs->n && !known; k++)
          known = ddl_glob_match(glob, rs->rules[k]->id);
        if (!known)
          warn(list, rs, d, "'%s' in this ddlint comment matches no rule (see ddlint --list-rules)",
               glob);
      }
      p += n;
    }
  }
}

typedef struct {
  ddl_diag *d;
  size_t pos; /* index in the list */
} entry;

static int by_rule(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->d->rule, y->d->rule);
  return c ? c : x->pos < y->pos ? -1 : x->pos > y->pos;
}

void ddl_suppress(ddl_diag_list *list, const ddl_doc *doc) {
  size_t n = list->items.len;
  if (doc->ndirectives == 0 || n == 0)
    return;
  entry *order = ddl_xmalloc(n * sizeof(entry));
  bool *drop = ddl_xcalloc(n, sizeof(bool));
  for (size_t i = 0; i < n; i++)
    order[i] = (entry){list->items.items[i], i};
  qsort(order, n, sizeof(entry), by_rule);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && strcmp(order[j].d->rule, order[i].d->rule) == 0)
      j++;
    rule_state st = {order[i].d->rule, false, {0}};
    replay(&st, doc);
    normalize(&st);
    for (size_t k = i; k < j; k++)
      drop[order[k].pos] = in_ranges(&st, order[k].d->line);
    DDL_VEC_FREE(st.ranges);
    i = j;
  }
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    if (!drop[i])
      list->items.items[kept++] = list->items.items[i];
  list->items.len = kept;
  free(order);
  free(drop);
}
