#ifndef DATELINE_CEPOLL_SHIM_H
#define DATELINE_CEPOLL_SHIM_H
/* Linux readiness and wake-up calls, which Swift's Glibc module does not bring in. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>

/* Names the calling thread, as `top -H` and `perf` show it; prctl is variadic, which Swift cannot call. */
static inline void dateline_name_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}
#endif
