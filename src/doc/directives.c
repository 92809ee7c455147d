/* Recognises ddlint's directive comments inside raw HTML. */
#include "doc/directives.h"

#include "util/bytes.h"

#include <string.h>

static const struct {
  const char *word;
  ddl_directive_kind kind;
} commands[] = {
    /* Longest first: "disable" is a prefix of the others. */
    {"disable-next-line", DDL_DIRECTIVE_DISABLE_NEXT_LINE},
    {"disable-line", DDL_DIRECTIVE_DISABLE_LINE},
    {"disable-file", DDL_DIRECTIVE_DISABLE_FILE},
    {"disable", DDL_DIRECTIVE_DISABLE},
    {"enable", DDL_DIRECTIVE_ENABLE},
};

static const char *find(const char *s, const char *end, const char *needle) {
  return ddl_find_bytes(s, (size_t)(end - s), needle, strlen(needle));
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void ddl_directives_scan(const char *html, size_t len, ddl_directive_fn fn, void *ud) {
  const char *p = html, *end = html + len;
  while ((p = find(p, end, "<!--")) != NULL) {
    const char *body = p + 4;
    const char *close = find(body, end, "-->");
    if (!close)
      return;
    while (body < close && is_space(*body))
      body++;
    if ((size_t)(close - body) > 7 && memcmp(body, "ddlint-", 7) == 0) {
      const char *word = body + 7;
      for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        size_t wl = strlen(commands[i].word);
        if ((size_t)(close - word) >= wl && memcmp(word, commands[i].word, wl) == 0 &&
            (word + wl == close || is_space(word[wl]))) {
          const char *r = word + wl, *re = close;
          while (r < re && is_space(*r))
            r++;
          while (re > r && is_space(re[-1]))
            re--;
          fn(ud, commands[i].kind, r, (size_t)(re - r), (size_t)(p - html),
             (size_t)(close + 3 - html));
          break;
        }
      }
    }
    p = close + 3;
  }
}
