/* The one pass: every block goes to every enabled rule's block hook, and
 * one lexicon scan per block feeds all term hooks. */
#include "engine/engine.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ddl_trace(const char *what) {
  const char *t = getenv("DDLINT_TRACE");
  size_t n = strlen(what);
  for (const char *p = t; p && *p;) {
    size_t len = strcspn(p, ",");
    if (len == n && strncmp(p, what, n) == 0)
      return true;
    p += len + (p[len] == ',');
  }
  return false;
}

void ddl_trace_at(const ddl_run *run, uint32_t offset, const char *fmt, ...) {
  unsigned line, col;
  ddl_source_position(&run->doc->src, offset, &line, &col);
  fprintf(stderr, "trace: %s:%u: ", run->doc->src.name, line);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static bool is_prose(const ddl_block *b) {
  return b->kind == DDL_BLOCK_PARAGRAPH || b->kind == DDL_BLOCK_HEADING ||
         b->kind == DDL_BLOCK_TABLE_ROW;
}

/* Hands the lexicon hits of block B to the rules that asked for them. */
static void dispatch_terms(ddl_run *run, const ddl_block *b, const ddl_active *act,
                           void **state, const int32_t *active_of) {
  const ddl_lexicon *lex = run->rs->lex;
  ddl_lexicon_scan(lex, b->text, b->len, &run->hits);
  uint32_t si = 0, ci = 0;
  for (size_t h = 0; h < run->hits.len; h++) {
    const ddl_lex_hit *hit = &run->hits.items[h];
    while (ci < b->ncode && b->code[ci].end <= hit->start)
      ci++;
    if (ci < b->ncode && b->code[ci].start < hit->end)
      continue; /* inline code is not prose */
    while (si < b->nsents && b->sents[si].end <= hit->start)
      si++;
    uint32_t sentence = si < b->nsents ? si : (b->nsents ? b->nsents - 1 : 0);
    const ddl_lex_owner *owner = ddl_lexicon_owner(lex, hit->owner);
    int32_t a = active_of[owner->owner];
    if (a >= 0 && act[a].rule->kind->term)
      act[a].rule->kind->term(state[a], run, b, sentence, hit, owner);
  }
}

/* DDLINT_TRACE=model: the blocks and sentences the rules see, one line
 * each, so a pack author can tell a pattern that fails from text that was
 * never there (code, a link target, a sentence split elsewhere). */
static void trace_model(const ddl_run *run) {
  static const char *const kinds[] = {"paragraph", "heading", "row", "code", "html"};
  const ddl_doc *doc = run->doc;
  for (uint32_t si = 1; si < doc->nsections; si++) {
    const ddl_section *s = &doc->sections[si];
    ddl_trace_at(run, s->heading->src.start, "section %u level %d parent %d%s '%s'", si, s->level,
                 s->parent ? (int)s->parent->index : -1, s == doc->title ? " title" : "",
                 s->title);
  }
  for (uint32_t bi = 0; bi < doc->nblocks; bi++) {
    const ddl_block *b = &doc->blocks[bi];
    const ddl_section *s = b->section;
    int depth = b->item >= 0 ? (int)doc->items[b->item].depth : 0;
    ddl_trace_at(run, b->src.start, "block %u %s section %u '%s' item %d depth %d%s", bi,
                 kinds[b->kind], s->index, s->title ? s->title : "", b->item, depth,
                 b->item_first ? " first" : "");
    for (uint32_t i = 0; i < b->nsents; i++) {
      ddl_span t = b->sents[i];
      ddl_buf one_line = {0};
      for (uint32_t k = t.start; k < t.end; k++)
        ddl_buf_putc(&one_line, b->text[k] == '\n' ? ' ' : b->text[k]);
      ddl_trace_at(run, ddl_block_src_offset(b, t.start), "sentence %u.%u: %s", bi, i,
                   ddl_buf_cstr(&one_line));
      ddl_buf_free(&one_line);
    }
  }
}

/* A warning of the engine's own, not of a rule. */
static ddl_diag *engine_report(ddl_run *run, const char *rule, uint32_t at, const char *fmt, ...)
    DDL_PRINTF(4, 5);
static ddl_diag *engine_report(ddl_run *run, const char *rule, uint32_t at, const char *fmt,
                               ...) {
  ddl_severity sev;
  if (!ddl_ruleset_engine_rule(run->rs, rule, &sev))
    return NULL;
  va_list ap;
  va_start(ap, fmt);
  ddl_diag *d = ddl_diag_add(run->diags, rule, sev, at, at, fmt, ap);
  va_end(ap);
  return d;
}

/* One warning per pattern that exhausted its limits: its answers were
 * "no match" without being so, and the user should know which pattern,
 * of which rule, where in its pack. */
static void report_limits(ddl_run *run) {
  ddl_matcher *m = run->matcher;
  for (size_t i = 0; i < ddl_matcher_limit_count(m); i++) {
    uint32_t where;
    const ddl_regex *re = ddl_matcher_limit(m, i, &where);
    const char *pattern = ddl_regex_pattern(re), *rule = ddl_regex_rule(re), *path;
    unsigned line, column;
    size_t len = strlen(pattern), cut = len > 60 ? ddl_utf8_floor(pattern, len, 60) : len;
    ddl_buf what = {0};
    if (rule)
      ddl_buf_printf(&what, " of rule %s", rule);
    if (ddl_regex_origin(re, &path, &line, &column))
      ddl_buf_printf(&what, " (%s:%u:%u)", path, line, column);
    ddl_diag *d = engine_report(run, DDL_REGEX_LIMIT_RULE, where,
                                "pattern '%.*s%s'%s exceeded its match limit; results may be "
                                "incomplete",
                                (int)cut, pattern, cut < len ? "..." : "", ddl_buf_cstr(&what));
    if (d && i + 1 == ddl_matcher_limit_count(m) && ddl_matcher_stopped(m))
      ddl_run_note(run, d, "too many limits were hit: no pattern was tried on the rest of "
                           "the document");
    ddl_buf_free(&what);
  }
}

void ddl_engine_run(const ddl_doc *doc, const ddl_ruleset *rs, ddl_diag_list *diags,
                    ddl_coverage **coverage, size_t *ncoverage) {
  ddl_run run = {0};
  run.doc = doc;
  run.rs = rs;
  run.diags = diags;
  run.other_block = UINT32_MAX;
  run.matcher = ddl_matcher_new();
  ddl_active *act = ddl_xcalloc(rs->n + 1, sizeof(ddl_active));
  void **state = ddl_xcalloc(rs->n + 1, sizeof(void *));
  int32_t *active_of = ddl_xcalloc(rs->n + 1, sizeof(int32_t));
  size_t na = 0;
  int max_phase = 0;
  for (size_t i = 0; i < rs->n; i++) {
    active_of[i] = -1;
    if (!rs->enabled[i])
      continue;
    act[na] = (ddl_active){rs->rules[i], (uint32_t)i, rs->severity[i]};
    active_of[i] = (int32_t)na;
    const ddl_rule_kind *k = rs->rules[i]->kind;
    if (k->phase > max_phase)
      max_phase = k->phase;
    state[na] = k->begin ? k->begin(&run, &act[na]) : NULL;
    na++;
  }
  if (ddl_trace("model"))
    trace_model(&run);
  bool terms = ddl_lexicon_term_count(rs->lex) > 0;
  for (uint32_t bi = 0; bi < doc->nblocks; bi++) {
    const ddl_block *b = &doc->blocks[bi];
    /* Terms first, so that a block hook can ask which terms its block holds. */
    run.hits.len = 0;
    run.hits_block = bi;
    ddl_matcher_at(run.matcher, ddl_block_src_offset(b, 0));
    if (terms && b->len && is_prose(b))
      dispatch_terms(&run, b, act, state, active_of);
    for (size_t a = 0; a < na; a++)
      if (act[a].rule->kind->block)
        act[a].rule->kind->block(state[a], &run, b);
  }
  ddl_matcher_at(run.matcher, 0); /* verdicts are about the whole document */
  /* Coverage verdicts come first so that topic rules can read them. */
  for (int phase = 0; phase <= max_phase; phase++)
    for (size_t a = 0; a < na; a++)
      if (act[a].rule->kind->phase == phase && act[a].rule->kind->finish)
        act[a].rule->kind->finish(state[a], &run);
  report_limits(&run);
  ddl_matcher_free(run.matcher);
  DDL_VEC_FREE(run.hits);
  DDL_VEC_FREE(run.other_hits);
  ddl_arena_free(&run.arena);
  free(run.homes);
  free(run.stats.words_before);
  free(run.stats.sentences);
  free(act);
  free(state);
  free(active_of);
  *coverage = run.coverage;
  *ncoverage = run.ncoverage;
}

ddl_diag *ddl_run_report(ddl_run *run, const ddl_active *a, ddl_severity sev,
                         uint32_t start, uint32_t end, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ddl_diag *d = ddl_diag_add(run->diags, a->rule->id, sev, start, end, fmt, ap);
  va_end(ap);
  return d;
}

void ddl_run_note(ddl_run *run, ddl_diag *d, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ddl_diag_add_note(run->diags, d, fmt, ap);
  va_end(ap);
}

void ddl_run_fix(ddl_run *run, ddl_diag *d, uint32_t at, const char *title, const char *text) {
  ddl_diag_set_fix(run->diags, d, at, title, text);
}

void *ddl_run_alloc(ddl_run *run, size_t size) { return ddl_arena_alloc(&run->arena, size); }

void ddl_run_set_coverage(ddl_run *run, const ddl_coverage *cov, ddl_span home) {
  run->coverage = ddl_xrealloc(run->coverage, (run->ncoverage + 1) * sizeof(ddl_coverage));
  run->homes = ddl_xrealloc(run->homes, (run->ncoverage + 1) * sizeof(ddl_span));
  run->homes[run->ncoverage] = home;
  run->coverage[run->ncoverage++] = *cov;
}

ddl_span ddl_run_area_home(ddl_run *run, const char *area) {
  for (size_t i = 0; i < run->ncoverage; i++)
    if (strcmp(run->coverage[i].area, area) == 0)
      return run->homes[i];
  return ddl_run_anchor(run, NULL);
}

const ddl_prose_stats *ddl_run_prose_stats(ddl_run *run) {
  if (run->have_stats)
    return &run->stats;
  const ddl_doc *doc = run->doc;
  run->stats.words_before = ddl_xcalloc(doc->nblocks + 1, sizeof(uint32_t));
  run->stats.sentences = ddl_xcalloc(doc->nsections + 1, sizeof(uint32_t));
  uint32_t total = 0;
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    const ddl_block *b = &doc->blocks[i];
    run->stats.words_before[i] = total;
    if (b->kind != DDL_BLOCK_PARAGRAPH && b->kind != DDL_BLOCK_TABLE_ROW)
      continue;
    uint32_t w = ddl_count_words(b->text, 0, b->len);
    /* Link text ("see the security section") is a pointer, not discussion. */
    if (b->len)
      w -= (uint32_t)((uint64_t)w * b->link_chars / b->len);
    total += w;
    run->stats.sentences[b->section->index] += b->nsents;
  }
  run->stats.words_before[doc->nblocks] = total;
  run->have_stats = true;
  return &run->stats;
}

const ddl_coverage *ddl_run_coverage(const ddl_run *run, const char *area) {
  for (size_t i = 0; i < run->ncoverage; i++)
    if (strcmp(run->coverage[i].area, area) == 0)
      return &run->coverage[i];
  return NULL;
}

ddl_span ddl_run_heading_span(const ddl_run *run, const ddl_block *h) {
  const ddl_doc *doc = run->doc;
  ddl_span s = h->src;
  for (uint32_t i = s.start; i < s.end; i++)
    if (doc->src.data[i] == '\n' || doc->src.data[i] == '\r') {
      s.end = i;
      break;
    }
  return s;
}

/* The answers kept for LIST, found by the list itself or, the first time
 * it is asked about, by its patterns; NULL when there is no room. */
static struct ddl_run_titles *titles_of(ddl_run *run, const ddl_regex_list *list) {
  for (size_t i = 0; i < run->ntitles; i++)
    if (run->titles[i].list == list)
      return &run->titles[i];
  if (run->ntitles == DDL_ARRAY_LEN(run->titles))
    return NULL;
  unsigned char *answers = NULL;
  for (size_t i = 0; i < run->ntitles && !answers; i++)
    if (ddl_regex_list_same(run->titles[i].list, list))
      answers = run->titles[i].answers;
  if (!answers)
    answers = ddl_run_alloc(run, run->doc->nsections + 1);
  struct ddl_run_titles *t = &run->titles[run->ntitles++];
  *t = (struct ddl_run_titles){list, answers, false, NULL};
  return t;
}

static bool title_matches(ddl_run *run, struct ddl_run_titles *t, const ddl_regex_list *list,
                          const ddl_section *s) {
  if (t && t->answers[s->index])
    return t->answers[s->index] == 2;
  bool yes = ddl_regex_list_any(run->matcher, list, s->title, 0, strlen(s->title));
  if (t)
    t->answers[s->index] = yes ? 2 : 1;
  return yes;
}

bool ddl_run_section_matches(ddl_run *run, const ddl_regex_list *list, const ddl_section *s) {
  return title_matches(run, titles_of(run, list), list, s);
}

/* Asked by every area rule of the pack, and again for a missing area's
 * fix: kept with the list's answers. */
const ddl_section *ddl_run_anchor_section(ddl_run *run, const ddl_regex_list *anchor) {
  if (!anchor)
    return NULL;
  struct ddl_run_titles *t = titles_of(run, anchor);
  if (t && t->anchor_known)
    return t->anchor;
  const ddl_doc *doc = run->doc;
  const ddl_section *best = NULL;
  for (uint32_t i = 1; i < doc->nsections; i++) {
    const ddl_section *s = &doc->sections[i];
    if (s == doc->title || (best && s->level >= best->level))
      continue;
    if (title_matches(run, t, anchor, s))
      best = s;
  }
  if (t) {
    t->anchor_known = true;
    t->anchor = best;
  }
  return best;
}

ddl_span ddl_run_anchor(ddl_run *run, const ddl_regex_list *anchor) {
  const ddl_doc *doc = run->doc;
  const ddl_section *best = ddl_run_anchor_section(run, anchor);
  if (!best)
    best = doc->title;
  if (!best && doc->nsections > 1)
    best = &doc->sections[1];
  if (best)
    return ddl_run_heading_span(run, best->heading);
  ddl_span start = {(uint32_t)doc->front_matter.end, (uint32_t)doc->front_matter.end};
  return start;
}

bool ddl_run_term_in(ddl_run *run, const ddl_block *b, uint32_t start, uint32_t end) {
  const ddl_lex_hits *hits = &run->hits;
  if (b->index != run->hits_block) {
    /* A block's sub-items and next paragraph are asked about sentence by
     * sentence: scan each once. */
    if (b->index != run->other_block) {
      run->other_hits.len = 0;
      if (is_prose(b))
        ddl_lexicon_scan(run->rs->lex, b->text, b->len, &run->other_hits);
      run->other_block = b->index;
    }
    hits = &run->other_hits;
  }
  for (size_t h = 0; h < hits->len; h++) {
    const ddl_lex_hit *hit = &hits->items[h];
    if (hit->start >= end)
      break; /* hits come in text order */
    if (hit->start >= start && !ddl_block_in_code(b, hit->start) &&
        ddl_lexicon_owner(run->rs->lex, hit->owner)->weight > 0)
      return true;
  }
  return false;
}
