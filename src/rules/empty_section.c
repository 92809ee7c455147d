/* Rule kind "empty-section": a heading with nothing under it. */
#include "engine/engine.h"

#include <string.h>

static const char *const keys[] = {"ignore-heading", NULL};

/* Headings matching ignore-heading ("Security: N/A") say all there is. */
static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  return ddl_rule_compile_patterns(rule, src, "ignore-heading", false);
}

static void *begin(ddl_run *run, const ddl_active *a) {
  (void)run;
  return (void *)a;
}

static void finish(void *state, ddl_run *run) {
  const ddl_active *a = state;
  const ddl_regex_list *ignore = a->rule->data;
  const ddl_doc *doc = run->doc;
  for (uint32_t i = 1; i < doc->nsections; i++) {
    const ddl_section *s = &doc->sections[i];
    if (ddl_regex_list_any(run->matcher, ignore, s->title, 0, strlen(s->title)))
      continue;
    bool content = false;
    /* A comment is not content: "<!-- TODO -->" under a heading is empty. */
    for (uint32_t k = s->first_block; k < s->subtree_end && !content; k++)
      content = doc->blocks[k].kind != DDL_BLOCK_HTML;
    if (!content)
      ddl_run_report(run, a, a->severity, s->heading->src.start, s->heading->src.end,
                     "section '%s' is empty", s->title);
  }
}

const ddl_rule_kind ddl_kind_empty_section = {
    .name = "empty-section",
    .keys = keys,
    .compile = compile,
    .free = ddl_rule_free_patterns,
    .begin = begin,
    .finish = finish,
};
