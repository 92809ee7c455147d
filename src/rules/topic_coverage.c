/* Rule kind "topic-coverage": a sub-topic of an area (horizontal scaling,
 * failover...) that the document never mentions. */
#include "engine/engine.h"

#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"area", "topic", "question", "terms", NULL};

typedef struct {
  char *area, *topic, *question;
  ddl_term_list terms;
} topic_rule;

typedef struct {
  const ddl_active *a;
  bool found;
} topic_state;

static void release(void *data) {
  topic_rule *t = data;
  if (!t)
    return;
  free(t->area);
  free(t->topic);
  free(t->question);
  ddl_term_list_free(&t->terms);
  free(t);
}

static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  topic_rule *t = ddl_xcalloc(1, sizeof(*t));
  const char *area, *topic, *question = "";
  const ddl_ynode *n;
  int rc;
  if ((rc = ddl_rule_src_require(src, "area", &n)) ||
      (rc = ddl_ydoc_string(src->y, n, "'area'", &area)) ||
      (rc = ddl_rule_src_require(src, "topic", &n)) ||
      (rc = ddl_ydoc_string(src->y, n, "'topic'", &topic)))
    goto fail;
  if ((n = ddl_rule_src_get(src, "question")) &&
      (rc = ddl_ydoc_string(src->y, n, "'question'", &question)))
    goto fail;
  t->area = ddl_xstrdup(area);
  t->topic = ddl_xstrdup(topic);
  t->question = ddl_xstrdup(question);
  if ((rc = ddl_rule_src_terms(src, "terms", true, &t->terms)))
    goto fail;
  if (*question) {
    size_t len = strlen(question) + 32;
    rule->details = ddl_xmalloc(len);
    snprintf(rule->details, len, "Question: %s", question);
  }
  rule->data = t;
  return DDL_OK;
fail:
  release(t);
  return rc;
}

static void terms(const ddl_rule *rule, ddl_lexicon_builder *lb, uint32_t owner) {
  const topic_rule *t = rule->data;
  ddl_term_list_register(&t->terms, lb, owner, 0);
}

static void *begin(ddl_run *run, const ddl_active *a) {
  topic_state *st = ddl_run_alloc(run, sizeof(*st));
  st->a = a;
  return st;
}

static void term(void *state, ddl_run *run, const ddl_block *b, uint32_t sentence,
                 const ddl_lex_hit *hit, const ddl_lex_owner *owner) {
  (void)run;
  (void)b;
  (void)sentence;
  (void)hit;
  (void)owner;
  ((topic_state *)state)->found = true;
}

static void finish(void *state, ddl_run *run) {
  topic_state *st = state;
  const topic_rule *t = st->a->rule->data;
  if (st->found)
    return;
  const ddl_coverage *cov = ddl_run_coverage(run, t->area);
  /* A missing or thin area already has a diagnostic listing its
   * questions; one marked not applicable has no topics to discuss. */
  if (cov && (cov->status != DDL_COVERAGE_COVERED || cov->not_applicable))
    return;
  ddl_span at = ddl_run_area_home(run, t->area);
  ddl_diag *d = ddl_run_report(run, st->a, st->a->severity, at.start, at.end,
                               "%s: no discussion of %s", t->area, t->topic);
  if (*t->question)
    ddl_run_note(run, d, "answer: %s", t->question);
}

const ddl_rule_kind ddl_kind_topic_coverage = {
    .name = "topic-coverage",
    .keys = keys,
    .phase = 1,
    .compile = compile,
    .free = release,
    .terms = terms,
    .begin = begin,
    .term = term,
    .finish = finish,
};
