/* --list-rules and --explain. */
#include "cli/rules_info.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static int list_json(const ddl_ruleset *rs, const char *path) {
  json_t *doc = json_object(), *rules = json_array(), *lines = json_array();
  const unsigned *at;
  size_t n = ddl_ruleset_overrides(rs, &at);
  for (size_t i = 0; i < n; i++)
    json_array_append_new(lines, json_integer(at[i]));
  for (size_t i = 0; i < ddl_ruleset_count(rs); i++) {
    const ddl_rule *r = ddl_ruleset_rule(rs, i);
    json_t *e = json_object();
    json_object_set_new(e, "id", json_string(ddl_rule_id(r)));
    json_object_set_new(e, "pack", json_string(ddl_rule_pack(r)));
    json_object_set_new(e, "kind", json_string(ddl_rule_kind_name(r)));
    json_object_set_new(e, "severity", json_string(ddl_severity_name(ddl_ruleset_severity(rs, i))));
    json_object_set_new(e, "enabled", json_boolean(ddl_ruleset_enabled(rs, i)));
    json_object_set_new(e, "summary", json_string(ddl_rule_summary(r)));
    json_array_append_new(rules, e);
  }
  const char *config = ddl_ruleset_config(rs);
  if (path)
    json_object_set_new(doc, "path", json_string(path));
  json_object_set_new(doc, "config", config ? json_string(config) : json_null());
  json_object_set_new(doc, "overrides", lines);
  json_object_set_new(doc, "rules", rules);
  /* Strings from packs and paths are UTF-8 (or the pack would not have
   * loaded); a value jansson refused would be missing, so check them all. */
  int rc = json_array_size(rules) == ddl_ruleset_count(rs) ? json_dumpf(doc, stdout, JSON_INDENT(2))
                                                            : -1;
  json_decref(doc);
  if (rc == 0)
    putchar('\n');
  return rc == 0 ? 0 : 1;
}

int cli_list_rules(ddl_ctx *ctx, const char *path, bool json) {
  const ddl_ruleset *rs;
  if (ddl_ctx_ruleset(&rs, ctx, path))
    return -1;
  if (json)
    return list_json(rs, path);
  if (path) {
    const char *config = ddl_ruleset_config(rs);
    const unsigned *at;
    size_t n = ddl_ruleset_overrides(rs, &at);
    printf("%s: configuration %s", path, config ? config : "(none)");
    for (size_t i = 0; i < n; i++)
      printf("%s%u", i ? ", " : ", overrides at line ", at[i]);
    printf("\n\n");
  }
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
