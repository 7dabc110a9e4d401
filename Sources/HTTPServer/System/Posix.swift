#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls whose names, flags or availability differ between Linux and Darwin: the one
/// place the server's socket code meets the platform. Everything else calls these.
enum Posix {
    /// Closes a descriptor (the libc `close`, which types named `close` would hide).
    @discardableResult
    static func close(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }

    /// The calling thread's `errno`, for code where a property of that name hides it.
    static var lastError: Int32 { errno }

    /// The CPUs online, at least one.
    static var onlineCPUs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// `listen` (the libc one, which `Socket.listen` would hide).
    static func listen(_ descriptor: Int32, backlog: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.listen(descriptor, backlog)
        #else
        Darwin.listen(descriptor, backlog)
        #endif
    }

    /// `accept` (the libc one, which `Socket.accept` would hide).
    static func accept(_ listener: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?) -> Int32 {
        #if canImport(Glibc)
        Glibc.accept(listener, address, length)
        #else
        Darwin.accept(listener, address, length)
        #endif
    }

    /// One `read`, retried on EINTR: a count, 0 at the end, or -1 with `errno` set.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var count: Int
        repeat {
            #if canImport(Glibc)
            count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
        } while count < 0 && errno == EINTR
        return count
    }

    /// One `writev` of `count` vectors (not retried: the caller decides on EINTR).
    static func writev(_ descriptor: Int32, _ vectors: UnsafePointer<iovec>?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.writev(descriptor, vectors, Int32(count))
        #else
        Darwin.writev(descriptor, vectors, Int32(count))
        #endif
    }

    /// `send` that never raises SIGPIPE: `MSG_NOSIGNAL` on Linux; on Darwin the socket carries
    /// `SO_NOSIGPIPE` from `preventSIGPIPE` instead.
    static func send(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(descriptor, bytes, count, 0)
        #endif
    }

    /// Makes writes to a closed peer fail with EPIPE instead of a signal, where the platform has
    /// a socket option for it (Darwin); Linux passes `MSG_NOSIGNAL` per send instead.
    static func preventSIGPIPE(_ descriptor: Int32) {
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC` on a descriptor.
    static func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    /// The type for a TCP socket; the non-blocking and close-on-exec flags are set after.
    static var streamSocketType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    /// The resource number of the open-descriptor limit.
    static var descriptorLimitResource: Int32 {
        #if canImport(Glibc)
        Int32(RLIMIT_NOFILE.rawValue)
        #else
        RLIMIT_NOFILE
        #endif
    }

    /// Bytes the kernel still holds for the peer in a socket's send queue: `TIOCOUTQ` on Linux,
    /// `SO_NWRITE` on Darwin; nil when the system will not say.
    static func unsentBytes(_ descriptor: Int32) -> Int? {
        var unsent: Int32 = 0
        #if canImport(Glibc)
        guard ioctl(descriptor, UInt(TIOCOUTQ), &unsent) == 0 else { return nil }
        #else
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_NWRITE, &unsent, &length) == 0 else { return nil }
        #endif
        return Int(unsent)
    }
}
