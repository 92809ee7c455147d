/* Worker threads over numbered items, results taken in order.  One mutex
 * guards the counters; workers wait for room in the window, the caller
 * waits for the next item in order to finish. */
#include "util/pool.h"

#include "util/mem.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
  size_t n, window;
  ddl_pool_work_fn work;
  void *ud;
  pthread_mutex_t lock;
  pthread_cond_t room;     /* a worker may take the next item */
  pthread_cond_t finished; /* an item finished */
  size_t next;             /* the next item to hand out */
  size_t taken;            /* items [0, taken) were handed to DONE */
  bool *ready;             /* item i is done */
  bool stop;
} pool;

typedef struct {
  pool *p;
  unsigned id;
} worker_arg;

static void *worker(void *arg) {
  worker_arg *w = arg;
  pool *p = w->p;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    while (!p->stop && p->next < p->n && p->next >= p->taken + p->window)
      pthread_cond_wait(&p->room, &p->lock);
    if (p->stop || p->next >= p->n)
      break;
    size_t i = p->next++;
    pthread_mutex_unlock(&p->lock);
    p->work(p->ud, i, w->id);
    pthread_mutex_lock(&p->lock);
    p->ready[i] = true;
    pthread_cond_signal(&p->finished);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static bool run_here(size_t from, size_t n, ddl_pool_work_fn work, ddl_pool_done_fn done,
                     void *ud) {
  for (size_t i = from; i < n; i++) {
    work(ud, i, 0);
    if (!done(ud, i))
      return false;
  }
  return true;
}

bool ddl_pool_run(size_t n, unsigned jobs, size_t window, ddl_pool_work_fn work,
                  ddl_pool_done_fn done, void *ud) {
  if (jobs > n)
    jobs = (unsigned)n;
  if (jobs <= 1)
    return run_here(0, n, work, done, ud);
  pool p = {.n = n, .window = window ? window : 1, .work = work, .ud = ud};
  p.ready = ddl_xcalloc(n, sizeof(bool));
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.room, NULL);
  pthread_cond_init(&p.finished, NULL);
  pthread_t *threads = ddl_xcalloc(jobs, sizeof(pthread_t));
  worker_arg *args = ddl_xcalloc(jobs, sizeof(worker_arg));
  unsigned started = 0;
  for (unsigned k = 0; k < jobs; k++) {
    args[k] = (worker_arg){&p, k};
    if (pthread_create(&threads[k], NULL, worker, &args[k]) != 0)
      break;
    started++;
  }
  bool ok = true;
  if (started == 0) {
    ok = run_here(0, n, work, done, ud);
  } else {
    pthread_mutex_lock(&p.lock);
    while (p.taken < n) {
      while (!p.ready[p.taken])
        pthread_cond_wait(&p.finished, &p.lock);
      pthread_mutex_unlock(&p.lock);
      bool more = done(ud, p.taken);
      pthread_mutex_lock(&p.lock);
      p.taken++;
      pthread_cond_broadcast(&p.room);
      if (!more) {
        ok = false;
        p.stop = true;
        break;
      }
    }
    pthread_mutex_unlock(&p.lock);
  }
  for (unsigned k = 0; k < started; k++)
    pthread_join(threads[k], NULL);
  pthread_cond_destroy(&p.finished);
  pthread_cond_destroy(&p.room);
  pthread_mutex_destroy(&p.lock);
  free(threads);
  free(args);
  free(p.ready);
  return ok;
}

unsigned ddl_pool_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}
