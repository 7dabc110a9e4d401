#if canImport(Glibc)
import Glibc
#endif

/// Runs a body with SIGPIPE blocked on this thread and reports whether it raised one. A
/// SIGPIPE from a write is directed at the writing thread, so blocking it here keeps it
/// pending (and the process alive) whatever the process's disposition.
enum SIGPIPEProbe {
    static func run(_ body: () throws -> Void) throws -> Bool {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try body()
        var pending = sigset_t()
        sigpending(&pending)
        let raised = sigismember(&pending, SIGPIPE) == 1
        if raised {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&block, nil, &zero)  // Consume it before unblocking.
        }
        return raised
    }
}
