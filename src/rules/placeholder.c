/* Rule kind "placeholder": text left for later (TODO, TBD, ???). */
#include "engine/engine.h"
#include "util/utf8.h"

static const char *const keys[] = {"pattern", NULL};

static int compile(ddl_rule *rule, const ddl_rule_src *src) {
  return ddl_rule_compile_patterns(rule, src, "pattern", true);
}

static void *begin(ddl_run *run, const ddl_active *a) {
  (void)run;
  return (void *)a;
}

static void block(void *state, ddl_run *run, const ddl_block *b) {
  const ddl_active *a = state;
  const ddl_regex_list *pl = a->rule->data;
  if (b->kind != DDL_BLOCK_PARAGRAPH && b->kind != DDL_BLOCK_HEADING &&
      b->kind != DDL_BLOCK_TABLE_ROW)
    return;
  size_t pos = 0, s, e;
  ddl_regex_cues cues = DDL_REGEX_CUES_INIT;
  while (pos < b->len &&
         ddl_regex_list_search_again(run->matcher, pl, &cues, b->text, pos, b->len, &s, &e)) {
    /* An empty match is reported as the character it stands at, and the
     * scan resumes after that character, never inside it: pcre2 is told
     * the text is valid UTF-8 and must only start at a boundary. */
    if (e == s)
      e = ddl_utf8_next(b->text, b->len, s);
    if (!ddl_block_in_code(b, (uint32_t)s)) {
      int n = (int)(ddl_utf8_floor(b->text, e, e - s > 40 ? s + 40 : e) - s);
      ddl_run_report(run, a, a->severity, ddl_block_src_offset(b, (uint32_t)s),
                     ddl_block_src_offset(b, (uint32_t)e), "placeholder '%.*s' left in the text",
                     n, b->text + s);
    }
    pos = e > s ? e : ddl_utf8_next(b->text, b->len, s);
  }
}

const ddl_rule_kind ddl_kind_placeholder = {
    .name = "placeholder",
    .keys = keys,
    .compile = compile,
    .free = ddl_rule_free_patterns,
    .begin = begin,
    .block = block,
};
