/* Path globs as in .gitignore.  Segments are matched with fnmatch(3),
 * which gives '*', '?' and bracket classes exactly as the shell has them;
 * '**' is matched by dynamic programming over (pattern segment, path
 * segment), so no pattern can make the match exponential or recurse. */
#include "util/pathglob.h"

#include "util/mem.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char **seg;
  size_t n;
  char *copy;
} segments;

static void split(segments *s, const char *text) {
  s->copy = ddl_xstrdup(text);
  size_t cap = 1;
  for (const char *p = text; *p; p++)
    cap += *p == '/';
  s->seg = ddl_xmalloc(cap * sizeof(char *));
  s->n = 0;
  for (char *p = s->copy, *next; p; p = next) {
    next = strchr(p, '/');
    if (next)
      *next++ = '\0';
    if (*p)
      s->seg[s->n++] = p;
  }
}

static void segments_free(segments *s) {
  free(s->seg);
  free(s->copy);
}

/* Whether segments PAT match segments PATH exactly, '**' standing for any
 * number of segments.  can[j]: pattern prefix i matches path prefix j. */
static bool match_segments(const segments *pat, const segments *path) {
  size_t n = path->n;
  bool *can = ddl_xcalloc(n + 1, sizeof(bool)), *next = ddl_xcalloc(n + 1, sizeof(bool));
  can[0] = true;
  for (size_t i = 0; i < pat->n; i++) {
    const char *p = pat->seg[i];
    bool any = strcmp(p, "**") == 0;
    for (size_t j = 0; j <= n; j++) {
      if (any)
        next[j] = can[j] || (j > 0 && next[j - 1]);
      else
        next[j] = j > 0 && can[j - 1] && fnmatch(p, path->seg[j - 1], FNM_PERIOD) == 0;
    }
    bool *t = can;
    can = next;
    next = t;
  }
  bool ok = can[n];
  free(can);
  free(next);
  return ok;
}

bool ddl_pathglob_match(const char *glob, const char *path, bool is_dir) {
  size_t len = strlen(glob);
  bool dir_only = len && glob[len - 1] == '/';
  if (dir_only && !is_dir)
    return false;
  char *g = ddl_xstrdup(glob);
  while (len && g[len - 1] == '/')
    g[--len] = '\0';
  /* Without a '/' before its end, a pattern names an entry at any depth,
   * as in .gitignore: "drafts" is "**" + "/drafts". */
  bool anchored = strchr(g, '/') != NULL;
  segments pat, segs;
  split(&pat, g);
  split(&segs, path);
  bool ok;
  if (pat.n == 0)
    ok = false;
  else if (anchored)
    ok = match_segments(&pat, &segs);
  else
    ok = segs.n > 0 && fnmatch(pat.seg[0], segs.seg[segs.n - 1], FNM_PERIOD) == 0;
  segments_free(&pat);
  segments_free(&segs);
  free(g);
  return ok;
}

bool ddl_pathglob_match_file(const char *glob, const char *path) {
  bool match = ddl_pathglob_match(glob, path, false);
  char *copy = ddl_xstrdup(path);
  for (size_t i = strlen(copy); !match && i-- > 1;) {
    if (copy[i] == '/') {
      copy[i] = '\0';
      match = ddl_pathglob_match(glob, copy, true);
    }
  }
  free(copy);
  return match;
}
