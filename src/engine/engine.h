/* The rule engine: one pass over a document's blocks, dispatching to the
 * hooks of every enabled rule, then the rules' verdicts. */
#ifndef DDL_ENGINE_ENGINE_H
#define DDL_ENGINE_ENGINE_H

#include "diag/diag.h"
#include "rules/rule.h"
#include "rules/ruleset.h"

/* Prose words of the blocks of a document, for weighing how much of a
 * section is about something. */
typedef struct {
  uint32_t *words_before;   /* prose words in blocks [0, i), nblocks + 1 entries */
  uint32_t *sentences;      /* prose sentences (and rows) in each section's own blocks */
} ddl_prose_stats;

struct ddl_run {
  const ddl_doc *doc;
  ddl_matcher *matcher;     /* every pattern search of the run goes through it */
  const ddl_ruleset *rs;
  ddl_diag_list *diags;
  ddl_arena arena;          /* rule states; freed after the run */
  ddl_coverage *coverage;   /* one slot per area rule that ran */
  ddl_span *homes;          /* where each area lives, for topic diagnostics */
  size_t ncoverage;
  ddl_prose_stats stats;    /* computed on first use */
  bool have_stats;
  ddl_lex_hits hits;        /* the lexicon hits of block hits_block */
  uint32_t hits_block;
  ddl_lex_hits other_hits;  /* the hits of block other_block, for ddl_run_term_in */
  uint32_t other_block;     /* UINT32_MAX: none yet */
  /* ddl_run_section_matches's answers, a byte per section for each list
   * asked about; lists of the same patterns share one array. */
  struct ddl_run_titles {
    const ddl_regex_list *list;
    unsigned char *answers; /* 0: not asked yet, 1: no, 2: yes */
    bool anchor_known;      /* ddl_run_anchor_section's answer for the list */
    const ddl_section *anchor;
  } titles[64];
  size_t ntitles;
};

/* Whether DDLINT_TRACE (a comma-separated list) names WHAT: rule kinds
 * then explain their verdicts on stderr, for pack authors. */
bool ddl_trace(const char *what);
void ddl_trace_at(const ddl_run *run, uint32_t offset, const char *fmt, ...) DDL_PRINTF(3, 4);

/* Runs the enabled rules of RS over DOC; diagnostics go to DIAGS (not yet
 * suppressed or sorted), coverage verdicts to *coverage (malloc'd). */
void ddl_engine_run(const ddl_doc *doc, const ddl_ruleset *rs, ddl_diag_list *diags,
                    ddl_coverage **coverage, size_t *ncoverage);

/* Whether a lexicon term of any rule, with a weight above 0, occurs in
 * text range [start, end) of B outside inline code.  Block hooks run after
 * their block's terms are found, so for the block being visited this costs
 * no scan; of other blocks, the last one asked about is remembered. */
bool ddl_run_term_in(ddl_run *run, const ddl_block *b, uint32_t start, uint32_t end);

/* Reports a diagnostic of rule A over source bytes [start, end). */
ddl_diag *ddl_run_report(ddl_run *run, const ddl_active *a, ddl_severity sev,
                         uint32_t start, uint32_t end, const char *fmt, ...) DDL_PRINTF(6, 7);
void ddl_run_note(ddl_run *run, ddl_diag *d, const char *fmt, ...) DDL_PRINTF(3, 4);
/* Suggests inserting TEXT at source offset AT as the fix for D. */
void ddl_run_fix(ddl_run *run, ddl_diag *d, uint32_t at, const char *title, const char *text);
/* Memory for a rule's per-document state, zeroed, freed after the run. */
void *ddl_run_alloc(ddl_run *run, size_t size);
/* Records the verdict on an area and the span of the heading it lives
 * under (or where it should go); the strings must outlive the run. */
void ddl_run_set_coverage(ddl_run *run, const ddl_coverage *cov, ddl_span home);
const ddl_coverage *ddl_run_coverage(const ddl_run *run, const char *area);
/* Where AREA's diagnostics go: its home, else the document's title. */
ddl_span ddl_run_area_home(ddl_run *run, const char *area);
const ddl_prose_stats *ddl_run_prose_stats(ddl_run *run);
/* The first line of heading H. */
ddl_span ddl_run_heading_span(const ddl_run *run, const ddl_block *h);
/* Where a missing area belongs: the deep-dive section's heading when one
 * matches ANCHOR, else the title, else the start of the document. */
ddl_span ddl_run_anchor(ddl_run *run, const ddl_regex_list *anchor);
/* The section a heading matching ANCHOR starts (the outermost one), or NULL. */
const ddl_section *ddl_run_anchor_section(ddl_run *run, const ddl_regex_list *anchor);
/* Whether a pattern of LIST matches the title of section S.  Rules ask
 * this of every section, often with lists of the same patterns (the area
 * rules' ignore-heading and context-sections): each answer is found once
 * per document. */
bool ddl_run_section_matches(ddl_run *run, const ddl_regex_list *list, const ddl_section *s);

#endif
