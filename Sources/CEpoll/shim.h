#ifndef DATELINE_CEPOLL_SHIM_H
#define DATELINE_CEPOLL_SHIM_H
/* Linux calls Swift's Glibc module does not bring in: readiness, wake-ups, thread names, handing
   freed memory back, and starting a file's writeback. */
#include <malloc.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Names the calling thread, as `top -H` and `perf` show it; prctl is variadic, which Swift cannot call. */
static inline void dateline_name_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}

/* Returns the heap's free pages to the system: after a large transient load, glibc keeps them. */
static inline void dateline_return_freed_memory(void) {
    malloc_trim(0);
}

/* Starts writing a file's range back to its disk without waiting for it, so that a long file's
   final fsync has little left to write (PostgreSQL's checkpoint_flush_after does the same). */
static inline void dateline_start_writeback(int descriptor, long long offset, long long length) {
    /* sync_file_range(2) with SYNC_FILE_RANGE_WRITE (2); glibc declares it only under _GNU_SOURCE. */
    syscall(SYS_sync_file_range, descriptor, offset, length, 2);
}
#endif
