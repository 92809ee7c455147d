/* Linting many files on several threads.  Everything that touches the
 * context (packs, configuration discovery, rulesets) happens first, on the
 * calling thread; the workers then only read files and run rulesets,
 * which are not modified while linting, each with its own error sink,
 * and the results are handed back in the order of the paths. */
#include "internal.h"

#include "io/read.h"
#include "util/mem.h"
#include "util/pool.h"

#include <stdlib.h>

typedef struct {
  const ddl_ruleset *rs;
  int rs_rc;           /* why there is no ruleset, with rs_errs */
  ddl_errsink rs_errs;
  ddl_result *result;
  int rc;
  ddl_errsink errs;
} slot;

typedef struct {
  const char *const *paths;
  slot *slots;
  ddl_lint_done_fn done;
  void *ud;
} batch;

/* As ddl_lint_file: a file that cannot be read says so before its
 * configuration's error does. */
static void work(void *ud, size_t i, unsigned worker) {
  (void)worker;
  batch *b = ud;
  slot *s = &b->slots[i];
  char *data;
  size_t len;
  if ((s->rc = ddl_read_file(&data, &len, &s->errs, b->paths[i])))
    return;
  if (s->rs_rc) {
    s->rc = ddl_fail_copy(&s->errs, &s->rs_errs.err);
    free(data);
  } else {
    s->rc = ddl__lint_owned(&s->result, s->rs, &s->errs, b->paths[i], data, len);
  }
}

static bool deliver(void *ud, size_t i) {
  batch *b = ud;
  slot *s = &b->slots[i];
  ddl_result *r = s->result;
  s->result = NULL;
  bool more = b->done(b->ud, i, b->paths[i], r, s->rc ? &s->errs.err : NULL);
  ddl_errsink_free(&s->errs);
  ddl_errsink_free(&s->rs_errs);
  return more;
}

int ddl_lint_files(ddl_ctx *ctx, const char *const *paths, size_t n, unsigned jobs,
                   ddl_lint_done_fn done, void *ud) {
  int rc = ddl_ctx_prepare(ctx);
  if (rc)
    return rc;
  slot *slots = ddl_xcalloc(n ? n : 1, sizeof(slot));
  for (size_t i = 0; i < n; i++) {
    slot *s = &slots[i];
    s->errs = (ddl_errsink)DDL_ERRSINK_INIT;
    s->rs_errs = (ddl_errsink)DDL_ERRSINK_INIT;
    if ((s->rs_rc = ddl_ctx_ruleset(&s->rs, ctx, paths[i])))
      ddl_fail_copy(&s->rs_errs, ddl_ctx_error(ctx));
  }
  batch b = {paths, slots, done, ud};
  /* A few files per worker in flight keep both busy without holding
   * many results. */
  if (jobs == 0)
    jobs = ddl_pool_cpus();
  if (!ddl_pool_run(n, jobs, (size_t)jobs * 4, work, deliver, &b))
    for (size_t i = 0; i < n; i++) { /* stopped: what was never taken */
      ddl_result_free(slots[i].result);
      ddl_errsink_free(&slots[i].errs);
      ddl_errsink_free(&slots[i].rs_errs);
    }
  free(slots);
  return DDL_OK;
}
