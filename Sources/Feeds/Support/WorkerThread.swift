#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A detached POSIX thread of the poller's own: blocking work (libcurl transfers, waits for a
/// feed to fall due) runs there, never on Dispatch's shared pool or an event loop. Foundation's
/// `Thread` is not used because this module imports only FoundationEssentials on Linux.
enum WorkerThread {
    /// Starts a thread that runs `body` and ends.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Work(body: body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let result = pthread_create(
            &thread, nil,
            { context in
                // The argument is optional on Linux and not on Darwin; `run` takes either.
                WorkerThread.run(context)
                return nil
            }, context)
        precondition(result == 0, "pthread_create failed with \(result)")
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }

    private static func run(_ context: UnsafeMutableRawPointer?) {
        guard let context else { return }
        Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
    }

    private final class Work {
        let body: @Sendable () -> Void

        init(body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }
}
