/* Recursive discovery of Markdown files in sorted order.  Whatever the
 * walk cannot read is reported through the callback, naming the path, so
 * that a run never skips a file without a word.  What git ignores is
 * asked of libgit2 (io/gitlib, loaded on first need), which reads
 * .gitignore files, .git/info/exclude and core.excludesFile as git does;
 * --exclude globs are util/pathglob's. */
#include "internal.h"

#include "io/gitlib.h"
#include "io/read.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/path.h"
#include "util/pathglob.h"
#include "util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct ddl_walker {
  ddl_walk_options opts;
  DDL_VEC(git_repository *) repos;  /* the work trees met so far */
  char *cwd;                        /* with a trailing '/', for --exclude; or NULL */
  const ddl_gitlib *git;            /* once started, until the walker is freed */
  const char *git_failure;          /* why libgit2 could not be loaded, or NULL */
  bool git_failure_told;            /* a walk has reported git_failure */
};

/* One walk of a walker. */
typedef struct {
  ddl_walker *w;
  ddl_walk_fn visit;
  void *ud;
  git_repository *repo;  /* the work tree the walk is in, or NULL */
  size_t workdir_len;    /* of the repository's work tree, with its '/' */
} walk;


static bool is_markdown(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && dot != name && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  while (dl > 1 && dir[dl - 1] == '/')
    dl--;
  char *p = ddl_xmalloc(dl + nl + 2);
  memcpy(p, dir, dl);
  p[dl] = '/';
  memcpy(p + dl + 1, name, nl + 1);
  return p;
}

static void fail(ddl_walk_fn visit, void *ud, const char *path, const char *what, int err) {
  ddl_buf msg = {0};
  ddl_buf_printf(&msg, "%s%s%s", what, err ? ": " : "", err ? strerror(err) : "");
  ddl_error e = {DDL_EIO, path, 0, 0, ddl_buf_cstr(&msg)};
  visit(ud, path, &e);
  ddl_buf_free(&msg);
}

/* A *.md entry that is a symbolic link is followed to a regular file; a
 * link to a directory is not followed (so links cannot make the walk
 * loop), and a broken or looping link is an error. */
static void visit_link(const char *path, ddl_walk_fn visit, void *ud) {
  struct stat st;
  if (stat(path, &st) != 0) {
    int e = errno;
    fail(visit, ud, path,
         e == ENOENT ? "broken symbolic link" : e == ELOOP ? "symbolic link loop"
                                                            : "cannot follow symbolic link",
         e == ENOENT || e == ELOOP ? 0 : e);
  } else if (S_ISREG(st.st_mode)) {
    visit(ud, path, NULL);
  } else if (!S_ISDIR(st.st_mode)) {
    fail(visit, ud, path, ddl_file_type_refusal(st.st_mode), 0);
  }
}

/* PATH relative to the working directory, as --exclude globs are. */
static const char *relative(const ddl_walker *w, const char *path) {
  return ddl_path_relative(path, w->cwd);
}

static bool excluded(const ddl_walker *w, const char *path, bool is_dir) {
  const char *rel = relative(w, path);
  for (size_t i = 0; i < w->opts.nexclude; i++)
    if (ddl_pathglob_match(w->opts.exclude[i], rel, is_dir))
      return true;
  return false;
}

/* Whether git ignores ABS, a resolved path in REPO's work tree of
 * WORKDIR_LEN bytes.  A failure to read the ignore rules counts as not
 * ignored: linting a file too many is better than skipping one silently. */
static bool git_ignored(const ddl_walker *w, git_repository *repo, size_t workdir_len,
                        const char *abs, bool is_dir) {
  if (!repo || strlen(abs) < workdir_len)
    return false;
  ddl_buf rel = {0};
  ddl_buf_puts(&rel, abs + workdir_len);
  if (is_dir)
    ddl_buf_putc(&rel, '/');
  int ignored = 0;
  if (w->git->ignore_path_is_ignored(&ignored, repo, ddl_buf_cstr(&rel)) != 0)
    ignored = 0;
  ddl_buf_free(&rel);
  return ignored == 1;
}

static bool left_out(const walk *k, const char *name, const char *path, const char *abs,
                     bool is_dir) {
  const ddl_walker *w = k->w;
  if (!w->opts.no_ignore && is_dir && strcmp(name, "node_modules") == 0)
    return true;
  return excluded(w, path, is_dir) ||
         (!w->opts.no_ignore && git_ignored(w, k->repo, k->workdir_len, abs, is_dir)) ||
         (w->opts.ctx && ddl__ctx_leaves_out(w->opts.ctx, path, is_dir));
}

/* Walks DIR, whose resolved path is ABS (NULL outside a work tree). */
static void walk_dir(walk *k, const char *dir, const char *abs) {
  ddl_walk_fn visit = k->visit;
  void *ud = k->ud;
  DIR *d = opendir(dir);
  if (!d) {
    fail(visit, ud, dir, "cannot read directory", errno);
    return;
  }
  DDL_VEC(char *) names = {0};
  struct dirent *e;
  for (;;) {
    errno = 0;
    if (!(e = readdir(d)))
      break;
    if (e->d_name[0] == '.')
      continue; /* ".", ".." and hidden entries such as .git */
    DDL_VEC_PUSH(names, ddl_xstrdup(e->d_name));
  }
  if (errno) /* what was listed before the failure is still linted */
    fail(visit, ud, dir, "cannot read directory", errno);
  closedir(d);
  if (names.len > 1)
    qsort(names.items, names.len, sizeof(char *), by_name);
  bool enterable = true;
  for (size_t i = 0; i < names.len; i++) {
    const char *name = names.items[i];
    char *path = join(dir, name), *entry_abs = abs ? join(abs, name) : NULL;
    struct stat st;
    if (!enterable) {
      /* reported once for the directory below */
    } else if (lstat(path, &st) != 0) {
      int err = errno;
      if (err == EACCES) {
        /* Listable but not searchable: every entry would fail alike. */
        fail(visit, ud, dir, "cannot enter directory", err);
        enterable = false;
      } else {
        fail(visit, ud, path, "cannot read", err);
      }
    } else if (S_ISDIR(st.st_mode)) {
      if (!left_out(k, name, path, entry_abs, true))
        walk_dir(k, path, entry_abs);
    } else if (is_markdown(name) && !left_out(k, name, path, entry_abs, false)) {
      if (S_ISREG(st.st_mode))
        visit(ud, path, NULL);
      else if (S_ISLNK(st.st_mode))
        visit_link(path, visit, ud);
      else
        fail(visit, ud, path, ddl_file_type_refusal(st.st_mode), 0);
    }
    free(path);
    free(entry_abs);
    free(names.items[i]);
  }
  DDL_VEC_FREE(names);
}

ddl_walker *ddl_walker_new(const ddl_walk_options *opts) {
  ddl_walker *w = ddl_xcalloc(1, sizeof(*w));
  if (opts)
    w->opts = *opts;
  w->cwd = ddl_path_cwd_slash();
  return w;
}

void ddl_walker_free(ddl_walker *w) {
  if (!w)
    return;
  for (size_t i = 0; i < w->repos.len; i++)
    w->git->repository_free(w->repos.items[i]);
  DDL_VEC_FREE(w->repos);
  if (w->git)
    w->git->libgit2_shutdown();
  free(w->cwd);
  free(w);
}

/* The work tree holding ABS, a resolved path, with the length of its
 * root in *WORKDIR_LEN; NULL outside one.  Repositories are kept, so that
 * their ignore rules are read once for all the paths asked about. */
static git_repository *repo_for(ddl_walker *w, const char *abs, size_t *workdir_len) {
  if (w->opts.no_ignore || w->git_failure)
    return NULL;
  if (!w->git) {
    /* Started once per walker, not per walk: libgit2 1.5 forgets the
     * global excludes file when it is shut down and started again. */
    if (!(w->git = ddl_gitlib_get(&w->git_failure)))
      return NULL;
    w->git->libgit2_init();
  }
  git_repository *repo;
  if (w->git->repository_open_ext(&repo, abs, 0, NULL) != 0)
    return NULL;
  const char *workdir = w->git->repository_workdir(repo);
  size_t n = workdir ? strlen(workdir) : 0;
  if (!n || strncmp(abs, workdir, n) != 0) {
    /* bare, or reached by a path libgit2 spells otherwise */
    w->git->repository_free(repo);
    return NULL;
  }
  *workdir_len = n;
  for (size_t i = 0; i < w->repos.len; i++) {
    if (strcmp(w->git->repository_workdir(w->repos.items[i]), workdir) == 0) {
      w->git->repository_free(repo);
      return w->repos.items[i];
    }
  }
  DDL_VEC_PUSH(w->repos, repo);
  return repo;
}

bool ddl_walker_report_failure(ddl_walker *w, const char *path, ddl_walk_fn visit, void *ud) {
  if (!w->git_failure || w->git_failure_told)
    return false;
  /* Linting files git would ignore is better than guessing which. */
  ddl_buf msg = {0};
  ddl_buf_printf(&msg, "cannot apply git's ignore rules (%s); --no-ignore lints without them",
                 w->git_failure);
  fail(visit, ud, path, ddl_buf_cstr(&msg), 0);
  ddl_buf_free(&msg);
  w->git_failure_told = true;
  return true;
}

void ddl_walker_walk(ddl_walker *w, const char *dir, ddl_walk_fn visit, void *ud) {
  walk k = {w, visit, ud, NULL, 0};
  char *abs = realpath(dir, NULL);
  if (abs) {
    /* with a trailing '/' so that the work tree's own root matches */
    char *slashed = ddl_xmalloc(strlen(abs) + 2);
    strcpy(slashed, abs);
    if (strcmp(abs, "/") != 0)
      strcat(slashed, "/");
    k.repo = repo_for(w, slashed, &k.workdir_len);
    /* A folder named on the command line is walked even when git ignores
     * it: libgit2 would take everything in it for ignored too. */
    if (k.repo && git_ignored(w, k.repo, k.workdir_len, abs, true))
      k.repo = NULL;
    free(slashed);
  }
  ddl_walker_report_failure(w, dir, visit, ud);
  walk_dir(&k, dir, k.repo ? abs : NULL);
  free(abs);
}

void ddl_walk(const char *dir, ddl_walk_fn visit, void *ud) {
  ddl_walker *w = ddl_walker_new(NULL);
  ddl_walker_walk(w, dir, visit, ud);
  ddl_walker_free(w);
}

bool ddl_walker_left_out(ddl_walker *w, const char *path, const char **why) {
  bool out = false;
  const char *rel = relative(w, path);
  for (size_t i = 0; !out && i < w->opts.nexclude; i++)
    out = ddl_pathglob_match_file(w->opts.exclude[i], rel);
  if (!out && w->opts.ctx && ddl__ctx_leaves_out(w->opts.ctx, path, false))
    out = true;
  if (out && why)
    *why = "excluded";
  char *abs = out ? NULL : realpath(path, NULL);
  if (abs) {
    size_t workdir_len = 0;
    git_repository *repo = repo_for(w, abs, &workdir_len);
    if (repo && git_ignored(w, repo, workdir_len, abs, false)) {
      out = true;
      if (why)
        *why = "ignored by git";
    }
    free(abs);
  }
  return out;
}
