#ifndef DATELINE_CEPOLL_SHIM_H
#define DATELINE_CEPOLL_SHIM_H
/* Linux calls Swift's Glibc module does not bring in: readiness, wake-ups, thread names, and
   handing freed memory back. */
#include <malloc.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>

/* Names the calling thread, as `top -H` and `perf` show it; prctl is variadic, which Swift cannot call. */
static inline void dateline_name_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}

/* Returns the heap's free pages to the system: after a large transient load, glibc keeps them. */
static inline void dateline_return_freed_memory(void) {
    malloc_trim(0);
}
#endif
