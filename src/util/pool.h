/* A pool of worker threads over numbered work items whose results are
 * handed back in order, so that a parallel run prints exactly what a
 * sequential one does. */
#ifndef DDL_UTIL_POOL_H
#define DDL_UTIL_POOL_H

#include <stdbool.h>
#include <stddef.h>

/* Does item I on worker WORKER (0 <= WORKER < jobs), on that worker's
 * thread: it may touch only item I's own data and the worker's. */
typedef void (*ddl_pool_work_fn)(void *ud, size_t i, unsigned worker);
/* Takes item I's result, on the calling thread, in increasing order of I.
 * Returns false to stop the run: no more items start, and DONE is not
 * called again. */
typedef bool (*ddl_pool_done_fn)(void *ud, size_t i);

/* Runs WORK for items [0, n) on JOBS threads (1: on the calling thread,
 * no threads at all) and DONE for each in order as soon as it and every
 * item before it is done.  At most WINDOW items are started ahead of the
 * last one taken, which bounds the memory results can hold.  If no thread
 * can be started the items are done on the calling thread.  Returns false
 * when DONE stopped the run; items done but not taken then keep their
 * results wherever WORK put them, for the caller to free. */
bool ddl_pool_run(size_t n, unsigned jobs, size_t window, ddl_pool_work_fn work,
                  ddl_pool_done_fn done, void *ud);

/* The number of online processors, at least 1. */
unsigned ddl_pool_cpus(void);

#endif
