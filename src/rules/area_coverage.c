/* Rule kind "area-coverage": does the document discuss an area (security,
 * data...)?  An area is covered by a section about it (a matching heading
 * with real content under it) or, where no heading names it, by a section
 * whose prose is substantially about it; a passing mention, or a heading
 * with next to nothing under it, is partial. */
#include "engine/engine.h"

#include "doc/proper_name.h"
#include "rules/ruleset.h"
#include "util/buf.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {
    "area",           "title",           "questions",      "partial-severity", "heading",
    "ignore-heading", "anchor",          "not-applicable", "evidence",         "min-words",
    "covered-weight", "covered-density", "covered-total", "partial-weight", "context-sections",
    "context-weight", "generic-weight", "name-weight", "heading-evidence", NULL};

typedef struct {
  char *area, *title;
  char **questions;
  size_t nquestions;
  char *questions_comment; /* the questions as the HTML comment of a fix */
  ddl_severity partial_severity;
  ddl_regex_list heading, ignore_heading, anchor, not_applicable;
  ddl_regex_list context_sections; /* requirements, background...: needs, not a design */
  ddl_term_list evidence;
  double min_words, covered_weight, covered_density, covered_total, partial_weight;
  double context_weight, generic_weight, name_weight, heading_evidence;
} area_rule;

/* Distinct terms remembered per sentence; more add nothing once a
 * sentence's score reaches 1. */
enum { SENTENCE_TERMS = 8 };

/* A term of this weight is specific to the area; lighter ones only
 * support it. */
#define SPECIFIC_WEIGHT 1.0f

enum { UNKNOWN = 0, NO = 1, YES = 2 };

/* A sentence scores the sum of the weights of the distinct terms in it,
 * at most 1: one strong term, or two weak ones, make it evidence; the
 * same word repeated does not. */
typedef struct {
  const ddl_active *a;
  ddl_run *run;
  float *weight;        /* per section: sum of sentence scores */
  float best_sentence;  /* the highest sentence score anywhere */
  uint32_t *first;      /* per section: first block with evidence */
  uint32_t cur_block, cur_sentence;
  float cur_score, cur_max;
  uint8_t *context;     /* per section: UNKNOWN, or whether it states context */
  uint32_t cur_terms[SENTENCE_TERMS];
  uint32_t ncur_terms;
  bool open;
  bool trace;
} area_state;

const char *ddl_area_rule_area(const ddl_rule *rule) {
  return rule->kind == &ddl_kind_area_coverage ? ((const area_rule *)rule->data)->area : NULL;
}

static void release(void *data) {
  area_rule *r = data;
  if (!r)
    return;
  free(r->area);
  free(r->title);
  for (size_t i = 0; i < r->nquestions; i++)
    free(r->questions[i]);
  free(r->questions);
  free(r->questions_comment);
  ddl_regex_list_free(&r->heading);
  ddl_regex_list_free(&r->ignore_heading);
  ddl_regex_list_free(&r->anchor);
  ddl_regex_list_free(&r->not_applicable);
  ddl_regex_list_free(&r->context_sections);
  ddl_term_list_free(&r->evidence);
  free(r);
}

static int add_question(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  area_rule *r = ud;
  (void)y;
  (void)n;
  r->questions = ddl_xrealloc(r->questions, (r->nquestions + 1) * sizeof(char *));
  r->questions[r->nquestions++] = ddl_xstrdup(s);
  return DDL_OK;
}

static int number(const ddl_rule_src *src, const char *key, double def, double *out) {
  const ddl_ynode *n = ddl_rule_src_get(src, key);
  *out = def;
  if (!n)
    return DDL_OK;
  char what[64];
  snprintf(what, sizeof(what), "'%s'", key);
  int rc = ddl_ydoc_number(src->y, n, what, out);
  if (rc == DDL_OK && *out < 0)
    return ddl_ydoc_fail(src->y, n, "%s must not be negative", what);
  return rc;
}

static void describe(ddl_rule *rule, const area_rule *r) {
  ddl_buf b = {0};
  ddl_buf_printf(&b, "Area: %s\nA section about it answers:\n", r->area);
  for (size_t i = 0; i < r->nquestions; i++)
    ddl_buf_printf(&b, "  - %s\n", r->questions[i]);
  rule->details = ddl_xstrdup(ddl_buf_cstr(&b));
  ddl_buf_free(&b);
}

/* The area's questions as an HTML comment, which no rule reads as prose,
 * for the author to answer and delete; made once, as every document
 * missing the area gets it. */
static char *questions_comment(const area_rule *r) {
  ddl_buf out = {0}, *b = &out;
  ddl_buf_printf(b, "<!-- %s should answer:\n", r->title);
  for (size_t i = 0; i < r->nquestions; i++) {
    ddl_buf_puts(b, "  - ");
    /* "--" inside a comment is not valid HTML */
    for (const char *q = r->questions[i]; *q; q++)
      if (q[0] == '-' && q[1] == '-')
        ddl_buf_puts(b, "- ");
      else
        ddl_buf_putc(b, *q);
    ddl_buf_putc(b, '\n');
  }
  ddl_buf_puts(b, "-->\n");
  char *text = ddl_xstrdup(ddl_buf_cstr(b));
  ddl_buf_free(b);
  return text;
}

static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  area_rule *r = ddl_xcalloc(1, sizeof(*r));
  const char *area, *title;
  const ddl_ynode *n;
  int rc;
  r->partial_severity = DDL_SEV_WARNING;
  if ((rc = ddl_rule_src_require(src, "area", &n)) ||
      (rc = ddl_ydoc_string(src->y, n, "'area'", &area)))
    goto fail;
  r->area = ddl_xstrdup(area);
  title = area;
  if ((n = ddl_rule_src_get(src, "title")) && (rc = ddl_ydoc_string(src->y, n, "'title'", &title)))
    goto fail;
  r->title = ddl_xstrdup(title);
  if ((n = ddl_rule_src_get(src, "partial-severity")) &&
      (rc = ddl_ydoc_severity(src->y, n, "'partial-severity'", &r->partial_severity)))
    goto fail;
  if ((n = ddl_rule_src_get(src, "questions")) &&
      (rc = ddl_ydoc_strings(src->y, n, "'questions'", add_question, r)))
    goto fail;
  if ((rc = ddl_rule_src_patterns(src, "heading", true, &r->heading)) ||
      (rc = ddl_rule_src_patterns(src, "ignore-heading", false, &r->ignore_heading)) ||
      (rc = ddl_rule_src_patterns(src, "anchor", false, &r->anchor)) ||
      (rc = ddl_rule_src_patterns(src, "not-applicable", false, &r->not_applicable)) ||
      (rc = ddl_rule_src_patterns(src, "context-sections", false, &r->context_sections)) ||
      (rc = ddl_rule_src_terms(src, "evidence", false, &r->evidence)) ||
      (rc = number(src, "min-words", 25, &r->min_words)) ||
      (rc = number(src, "covered-weight", 4, &r->covered_weight)) ||
      (rc = number(src, "covered-density", 0.2, &r->covered_density)) ||
      (rc = number(src, "covered-total", 10, &r->covered_total)) ||
      (rc = number(src, "partial-weight", 1, &r->partial_weight)) ||
      (rc = number(src, "context-weight", 1, &r->context_weight)) ||
      (rc = number(src, "generic-weight", 1, &r->generic_weight)) ||
      (rc = number(src, "name-weight", 1, &r->name_weight)) ||
      (rc = number(src, "heading-evidence", 0, &r->heading_evidence)))
    goto fail;
  r->questions_comment = questions_comment(r);
  describe(rule, r);
  rule->data = r;
  return DDL_OK;
fail:
  release(r);
  return rc;
}

static void terms(const ddl_rule *rule, ddl_lexicon_builder *lb, uint32_t owner) {
  const area_rule *r = rule->data;
  ddl_term_list_register(&r->evidence, lb, owner, 0);
}

static void *begin(ddl_run *run, const ddl_active *a) {
  area_state *st = ddl_run_alloc(run, sizeof(*st));
  st->a = a;
  st->run = run;
  st->trace = ddl_trace("coverage");
  st->weight = ddl_run_alloc(run, run->doc->nsections * sizeof(float));
  st->first = ddl_run_alloc(run, run->doc->nsections * sizeof(uint32_t));
  for (uint32_t i = 0; i < run->doc->nsections; i++)
    st->first[i] = UINT32_MAX;
  st->context = ddl_run_alloc(run, run->doc->nsections + 1);
  return st;
}

/* Whether section S, or one enclosing it, states context rather than the
 * design, by its title: requirements, estimates, background, motivation,
 * a glossary, an ADR's Context.  The document's title never does. */
static bool in_context(area_state *st, const area_rule *r, const ddl_doc *doc,
                       const ddl_section *s) {
  if (!s || s->level == 0 || r->context_sections.len == 0)
    return false;
  if (st->context[s->index] == UNKNOWN) {
    bool own = s != doc->title && ddl_run_section_matches(st->run, &r->context_sections, s);
    st->context[s->index] = own || in_context(st, r, doc, s->parent) ? YES : NO;
  }
  return st->context[s->index] == YES;
}

static void flush(area_state *st, const ddl_doc *doc) {
  if (!st->open)
    return;
  const area_rule *r = st->a->rule->data;
  const ddl_section *section = doc->blocks[st->cur_block].section;
  uint32_t sec = section->index;
  float score = st->cur_score > 1 ? 1 : st->cur_score;
  /* Generic words alone ("client", "request") are not a discussion. */
  if (st->cur_max < SPECIFIC_WEIGHT)
    score *= (float)r->generic_weight;
  if (in_context(st, r, doc, section))
    score *= (float)r->context_weight;
  st->weight[sec] += score;
  if (score > st->best_sentence)
    st->best_sentence = score;
  if (st->first[sec] == UINT32_MAX)
    st->first[sec] = st->cur_block;
  st->open = false;
}

static void term(void *state, ddl_run *run, const ddl_block *b, uint32_t sentence,
                 const ddl_lex_hit *hit, const ddl_lex_owner *owner) {
  area_state *st = state;
  const area_rule *r = st->a->rule->data;
  if (b->kind == DDL_BLOCK_HEADING)
    return; /* headings are judged by the heading patterns */
  float weight = owner->weight;
  bool name = r->name_weight != 1 && !ddl_lexicon_case_sensitive(run->rs->lex, hit->term) &&
              ddl_in_proper_name(b, sentence, hit->start);
  if (name)
    weight *= (float)r->name_weight;
  if (st->trace)
    ddl_trace_at(run, ddl_block_src_offset(b, hit->start),
                 "%s: term '%.*s' (%.2f%s) in block %u sentence %u of section %u", r->area,
                 (int)(hit->end - hit->start), b->text + hit->start, weight,
                 name ? ", in a name" : "", b->index, sentence, b->section->index);
  if (weight <= 0)
    return;
  if (!st->open || st->cur_block != b->index || st->cur_sentence != sentence) {
    flush(st, run->doc);
    st->open = true;
    st->cur_block = b->index;
    st->cur_sentence = sentence;
    st->cur_score = 0;
    st->cur_max = 0;
    st->ncur_terms = 0;
  }
  for (uint32_t i = 0; i < st->ncur_terms; i++)
    if (st->cur_terms[i] == hit->term)
      return;
  if (st->ncur_terms < SENTENCE_TERMS)
    st->cur_terms[st->ncur_terms++] = hit->term;
  st->cur_score += weight;
  if (weight > st->cur_max)
    st->cur_max = weight;
}

/* Whether a heading names the area.  ignore-heading excludes headings that
 * are not topics, such as a template's questions ("Will this feature add
 * API calls?"); their prose still counts as evidence. */
static bool heading_matches(const area_rule *r, ddl_run *run, const ddl_section *s) {
  if (ddl_run_section_matches(run, &r->ignore_heading, s))
    return false;
  if (ddl_run_section_matches(run, &r->heading, s))
    return true;
  const ddl_regex_list *syn = ddl_ruleset_synonyms(run->rs, r->area);
  return syn && ddl_run_section_matches(run, syn, s);
}

/* The first prose block directly in section S, or NULL. */
static const ddl_block *first_prose(const ddl_doc *doc, const ddl_section *s) {
  for (uint32_t k = s->first_block; k < s->end_block; k++)
    if (doc->blocks[k].kind == DDL_BLOCK_PARAGRAPH || doc->blocks[k].kind == DDL_BLOCK_TABLE_ROW)
      return &doc->blocks[k];
  return NULL;
}

typedef enum { NA_NONE, NA_UNREASONED, NA_REASONED } na_mark;

/* Explicit "not applicable" in the heading or at the start of the
 * section's first paragraph; reasoned when a few words follow it there or
 * in the paragraph below the heading. */
static na_mark not_applicable(ddl_matcher *m, const area_rule *r, const ddl_doc *doc,
                              const ddl_section *s) {
  size_t ms, me;
  const ddl_block *body = first_prose(doc, s);
  if (r->not_applicable.len == 0)
    return NA_NONE;
  if (ddl_regex_list_search(m, &r->not_applicable, s->title, 0, strlen(s->title), &ms, &me)) {
    if (ddl_count_words(s->title, (uint32_t)me, (uint32_t)strlen(s->title)) >= 3)
      return NA_REASONED;
    return body && ddl_count_words(body->text, 0, body->len) >= 3 ? NA_REASONED : NA_UNREASONED;
  }
  if (!body || body->nsents == 0)
    return NA_NONE;
  ddl_span first = body->sents[0];
  const char *t = body->text + first.start;
  uint32_t len = first.end - first.start;
  if (!ddl_regex_list_search(m, &r->not_applicable, t, 0, len, &ms, &me) || ms > 16)
    return NA_NONE;
  uint32_t after = ddl_count_words(t, (uint32_t)me, len);
  if (body->nsents > 1)
    after += ddl_count_words(body->text, body->sents[1].start, body->sents[1].end);
  return after >= 3 ? NA_REASONED : NA_UNREASONED;
}

typedef enum { WHY_NONE, WHY_THIN, WHY_NA, WHY_PASSING } partial_why;

typedef struct {
  ddl_coverage cov;
  ddl_span home, evidence;
  partial_why why;
  const ddl_section *section;
  uint32_t words;
} verdict;

/* Judges the sections whose headings name the area.  *EMPTY is set to the
 * first such heading over an empty section: where a "missing" verdict is
 * best reported, since the author meant to write that section. */
static void judge_headings(const area_rule *r, ddl_run *run, area_state *st, verdict *v,
                           const ddl_section **empty) {
  const ddl_doc *doc = run->doc;
  const ddl_prose_stats *ps = ddl_run_prose_stats(run);
  for (uint32_t i = 1; i < doc->nsections; i++) {
    const ddl_section *s = &doc->sections[i];
    if (s == doc->title || !heading_matches(r, run, s))
      continue;
    if (in_context(st, r, doc, s)) {
      /* "Capacity estimation" states a need; it is not a scalability design. */
      if (st->trace)
        ddl_trace_at(run, s->heading->src.start, "%s: heading '%s' matches but states context",
                     r->area, s->title);
      continue;
    }
    na_mark na = not_applicable(run->matcher, r, doc, s);
    ddl_span home = ddl_run_heading_span(run, s->heading);
    uint32_t words = ps->words_before[s->subtree_end] - ps->words_before[s->first_block];
    /* A section long enough to judge is about the area when it speaks of
     * it ("Performance Schema Tables" names a namespace, not performance),
     * or says it does not apply; a short one is a thin section either way. */
    float inside = 0;
    for (uint32_t j = i; j < doc->nsections && (j == i || doc->sections[j].level > s->level); j++)
      inside += st->weight[j];
    /* An empty section, or one long enough to judge that never speaks of
     * the area, names it without discussing it. */
    if (na == NA_NONE && (words == 0 || (words >= r->min_words && inside < r->heading_evidence))) {
      if (words == 0 && !*empty)
        *empty = s;
      if (st->trace)
        ddl_trace_at(run, s->heading->src.start,
                     "%s: heading '%s' matches but its %u words have evidence %.2f < %.2f",
                     r->area, s->title, words, inside, r->heading_evidence);
      continue;
    }
    if (st->trace)
      ddl_trace_at(run, s->heading->src.start, "%s: heading '%s' matches, %u words under it%s",
                   r->area, s->title, words, na ? " (marked not applicable)" : "");
    verdict c = {{0}, home, home, WHY_NONE, s, words};
    if (na == NA_REASONED) {
      c.cov.status = DDL_COVERAGE_COVERED;
      c.cov.not_applicable = true;
    } else if (na == NA_UNREASONED) {
      c.cov.status = DDL_COVERAGE_PARTIAL;
      c.cov.not_applicable = true;
      c.why = WHY_NA;
    } else if (words >= r->min_words) {
      c.cov.status = DDL_COVERAGE_COVERED;
    } else {
      c.cov.status = DDL_COVERAGE_PARTIAL;
      c.why = WHY_THIN;
    }
    /* Prefer covered to partial, real content to an N/A marker. */
    bool better = c.cov.status > v->cov.status ||
                  (c.cov.status == v->cov.status && v->cov.not_applicable && !c.cov.not_applicable);
    if (better || !v->section)
      *v = c;
  }
}

static void judge_prose(const area_rule *r, ddl_run *run, area_state *st, verdict *v) {
  const ddl_doc *doc = run->doc;
  const ddl_prose_stats *ps = ddl_run_prose_stats(run);
  float total = 0, best = 0;
  uint32_t best_sec = UINT32_MAX, strongest = UINT32_MAX;
  for (uint32_t i = 0; i < doc->nsections; i++) {
    float w = st->weight[i];
    total += w;
    if (w <= 0)
      continue;
    if (st->trace)
      ddl_trace_at(run, doc->sections[i].heading ? doc->sections[i].heading->src.start : 0,
                   "%s: section %u '%s' weight %.1f over %u sentences", r->area, i,
                   doc->sections[i].title ? doc->sections[i].title : "(top)", w,
                   ps->sentences[i]);
    if (strongest == UINT32_MAX || w > st->weight[strongest])
      strongest = i;
    uint32_t n = ps->sentences[i] ? ps->sentences[i] : 1;
    if (w >= r->covered_weight && w / (float)n >= r->covered_density && w > best) {
      best = w;
      best_sec = i;
    }
  }
  /* Discussed throughout without a section of its own: covered too. */
  bool throughout = total >= r->covered_total;
  if (best_sec == UINT32_MAX && throughout)
    best_sec = strongest;
  uint32_t sec = best_sec != UINT32_MAX ? best_sec : strongest;
  if (sec == UINT32_MAX)
    return;
  const ddl_section *s = &doc->sections[sec];
  ddl_span ev = doc->blocks[st->first[sec]].src;
  ddl_span home = s->heading ? ddl_run_heading_span(run, s->heading) : ev;
  if (best_sec != UINT32_MAX) {
    if (v->cov.status < DDL_COVERAGE_COVERED) {
      verdict c = {{0}, home, ev, WHY_NONE, s, 0};
      c.cov.status = DDL_COVERAGE_COVERED;
      *v = c;
    }
  } else if ((st->best_sentence >= r->partial_weight || total >= 2 * r->partial_weight) &&
             v->cov.status == DDL_COVERAGE_MISSING) {
    /* A passing mention is one sentence about the area, or scattered weak
     * mentions adding up to two: single stray words are not. */
    verdict c = {{0}, home, ev, WHY_PASSING, s, 0};
    c.cov.status = DDL_COVERAGE_PARTIAL;
    *v = c;
  }
}

static void add_questions(ddl_run *run, ddl_diag *d, const area_rule *r) {
  for (size_t i = 0; i < r->nquestions; i++)
    ddl_run_note(run, d, "%s should answer: %s", r->title, r->questions[i]);
}

/* ---- Suggested fixes: a skeleton for what is missing ---------------- */

/* Where text added at the end of section S goes: the start of the line of
 * the next heading outside it, or the end of the document. */
static uint32_t section_end(const ddl_doc *doc, const ddl_section *s) {
  if (s->subtree_end >= doc->nblocks)
    return doc->src.len;
  uint32_t at = doc->blocks[s->subtree_end].src.start;
  while (at > 0 && doc->src.data[at - 1] != '\n' && doc->src.data[at - 1] != '\r')
    at--;
  return at;
}

/* Bytes of the line ending that ends just before AT, 0 when none does. */
static uint32_t eol_before(const char *d, uint32_t at) {
  if (at >= 2 && d[at - 2] == '\r' && d[at - 1] == '\n')
    return 2;
  return at >= 1 && (d[at - 1] == '\n' || d[at - 1] == '\r') ? 1 : 0;
}



/* Suggests, at AT and as a block of its own between blank lines, a
 * heading of LEVEL for the area (none when 0) over its questions. */
static void suggest(ddl_run *run, ddl_diag *d, const area_rule *r, uint32_t at, int level,
                    const char *title) {
  const ddl_doc *doc = run->doc;
  ddl_buf b = {0};
  uint32_t eol = eol_before(doc->src.data, at);
  if (at > 0 && !eol)
    ddl_buf_puts(&b, "\n\n");
  else if (at > eol && !eol_before(doc->src.data, at - eol))
    ddl_buf_puts(&b, "\n");
  if (level)
    ddl_buf_printf(&b, "%.*s %s\n\n", level, "######", r->title);
  ddl_buf_puts(&b, r->questions_comment);
  if (at < doc->src.len)
    ddl_buf_putc(&b, '\n');
  ddl_run_fix(run, d, at, title, ddl_buf_cstr(&b));
  ddl_buf_free(&b);
}

/* A section for the area at the end of the deep-dive section, one level
 * below it; without one, at the end of the document at the level of its
 * top sections. */
static void fix_new_section(ddl_run *run, ddl_diag *d, const area_rule *r) {
  const ddl_doc *doc = run->doc;
  const ddl_section *design = ddl_run_anchor_section(run, &r->anchor);
  uint32_t at = doc->src.len;
  int level = 0;
  if (design) {
    at = section_end(doc, design);
    level = design->level + 1;
  } else {
    for (uint32_t i = 1; i < doc->nsections; i++)
      if (&doc->sections[i] != doc->title && (!level || doc->sections[i].level < level))
        level = doc->sections[i].level;
    if (!level)
      level = doc->title ? doc->title->level + 1 : 2;
  }
  if (level > 6)
    level = 6;
  ddl_buf title = {0};
  ddl_buf_printf(&title, "Add a '%s' section with the questions it should answer", r->title);
  suggest(run, d, r, at, level, ddl_buf_cstr(&title));
  ddl_buf_free(&title);
}

/* The area's questions at the end of section S, which names the area but
 * says too little. */
static void fix_questions(ddl_run *run, ddl_diag *d, const area_rule *r, const ddl_section *s) {
  ddl_buf title = {0};
  ddl_buf_printf(&title, "Add the questions '%s' should answer", s->title);
  suggest(run, d, r, section_end(run->doc, s), 0, ddl_buf_cstr(&title));
  ddl_buf_free(&title);
}

static void finish(void *state, ddl_run *run) {
  area_state *st = state;
  const ddl_active *a = st->a;
  const area_rule *r = a->rule->data;
  flush(st, run->doc);
  verdict v = {{0}, {0, 0}, {0, 0}, WHY_NONE, NULL, 0};
  const ddl_section *empty = NULL;
  judge_headings(r, run, st, &v, &empty);
  if (v.cov.status != DDL_COVERAGE_COVERED)
    judge_prose(r, run, st, &v);

  v.cov.area = r->area;
  v.cov.rule = a->rule->id;
  ddl_severity partial = r->partial_severity < a->severity ? r->partial_severity : a->severity;
  ddl_diag *d = NULL;
  switch (v.cov.status) {
  case DDL_COVERAGE_MISSING:
    if (empty) {
      v.home = ddl_run_heading_span(run, empty->heading);
      d = ddl_run_report(run, a, a->severity, v.home.start, v.home.end,
                         "the document does not cover %s: section '%s' is empty", r->title,
                         empty->title);
      fix_questions(run, d, r, empty);
    } else {
      v.home = ddl_run_anchor(run, &r->anchor);
      d = ddl_run_report(run, a, a->severity, v.home.start, v.home.end,
                         "the document does not cover %s: no section or discussion found",
                         r->title);
      fix_new_section(run, d, r);
    }
    add_questions(run, d, r);
    break;
  case DDL_COVERAGE_PARTIAL:
    if (v.why == WHY_NA) {
      ddl_run_report(run, a, partial, v.home.start, v.home.end,
                     "'%s' is marked not applicable without saying why", v.section->title);
    } else if (v.why == WHY_THIN) {
      d = ddl_run_report(run, a, partial, v.home.start, v.home.end,
                         "section '%s' has too little under it to cover %s (%u words)",
                         v.section->title, r->area, (unsigned)v.words);
      add_questions(run, d, r);
      fix_questions(run, d, r, v.section);
    } else {
      d = ddl_run_report(run, a, partial, v.evidence.start, v.evidence.start,
                         "%s is only mentioned in passing; discuss it in a section of its own",
                         r->title);
      add_questions(run, d, r);
      fix_new_section(run, d, r);
    }
    break;
  case DDL_COVERAGE_COVERED:
    break;
  }
  unsigned line = 0, col;
  if (v.cov.status != DDL_COVERAGE_MISSING)
    ddl_source_position(&run->doc->src, v.evidence.start, &line, &col);
  v.cov.line = line;
  ddl_run_set_coverage(run, &v.cov, v.home);
}

const ddl_rule_kind ddl_kind_area_coverage = {
    .name = "area-coverage",
    .keys = keys,
    .phase = 0,
    .compile = compile,
    .free = release,
    .terms = terms,
    .begin = begin,
    .term = term,
    .finish = finish,
};
