/* --list-rules and --explain. */
#include "cli/rules_info.h"

#include <stdio.h>
#include <string.h>

int cli_list_rules(ddl_ctx *ctx) {
  const ddl_ruleset *rs;
  if (ddl_ctx_ruleset(&rs, ctx, NULL))
    return -1;
  printf("%-38s %-8s %-9s %s\n", "RULE", "SEVERITY", "STATE", "SUMMARY");
  for (size_t i = 0; i < ddl_ruleset_count(rs); i++) {
    const ddl_rule *r = ddl_ruleset_rule(rs, i);
    printf("%-38s %-8s %-9s %s\n", ddl_rule_id(r), ddl_severity_name(ddl_ruleset_severity(rs, i)),
           ddl_ruleset_enabled(rs, i) ? "enabled" : "disabled", ddl_rule_summary(r));
  }
  return 0;
}

static void indented(const char *text) {
  while (*text) {
    size_t n = strcspn(text, "\n");
    printf("%s%.*s\n", n ? "    " : "", (int)n, text);
    text += n + (text[n] == '\n');
  }
}

/* Prints TEXT wrapped at 78 columns, one blank line between paragraphs
 * (packs write each paragraph as one folded line). */
static void wrapped(const char *text) {
  while (*text) {
    size_t plen = strcspn(text, "\n"), col = 0;
    const char *p = text, *end = text + plen;
    while (p < end) {
      while (p < end && *p == ' ')
        p++;
      size_t w = 0;
      while (p + w < end && p[w] != ' ')
        w++;
      if (!w)
        break;
      if (col && col + 1 + w > 78) {
        putchar('\n');
        col = 0;
      } else if (col) {
        putchar(' ');
        col++;
      }
      printf("%.*s", (int)w, p);
      col += w;
      p += w;
    }
    printf("\n\n");
    text = end + (*end == '\n');
  }
}

int cli_explain(ddl_ctx *ctx, const char *id) {
  const ddl_ruleset *rs;
  if (ddl_ctx_ruleset(&rs, ctx, NULL))
    return -1;
  long i = ddl_ruleset_find(rs, id);
  if (i < 0) {
    fprintf(stderr, "ddlint: error: unknown rule '%s' (see ddlint --list-rules)\n", id);
    return 1;
  }
  const ddl_rule *r = ddl_ruleset_rule(rs, (size_t)i);
  printf("%s: %s\n(%s, %s; pack %s, kind %s)\n\n", ddl_rule_id(r), ddl_rule_summary(r),
         ddl_severity_name(ddl_ruleset_severity(rs, (size_t)i)),
         ddl_ruleset_enabled(rs, (size_t)i) ? "enabled" : "disabled", ddl_rule_pack(r),
         ddl_rule_kind_name(r));
  if (*ddl_rule_explain(r))
    wrapped(ddl_rule_explain(r));
  if (*ddl_rule_details(r))
    printf("%s\n", ddl_rule_details(r));
  if (*ddl_rule_example(r)) {
    printf("A passage that passes:\n\n");
    indented(ddl_rule_example(r));
  }
  return 0;
}
