import Foundation

#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif

/// A program a test runs as a child process (the built server, PostgreSQL, `openssl`), started
/// with `posix_spawn`.
///
/// Not Foundation's `Process`: on Linux its `run()` lists `/proc/self/fd` to close the
/// descriptors the child would inherit, and copies each entry's whole 256-byte name where the
/// entry is a few bytes long. With more than about 1,300 descriptors open in the test process
/// (the test of a thousand connections opens two thousand) an entry can end a directory buffer
/// before an unmapped page, and the copy crashes the whole test run
/// (swift-corelibs-foundation pull request 5472). Here the child closes what it would inherit
/// as a spawn action, and the parent lists nothing.
///
/// ```swift
/// let child = try ChildProcess("/usr/bin/env", ["true"], environment: [:], output: 1, error: 2)
/// child.waitUntilExit()   // 0
/// ```
public final class ChildProcess: @unchecked Sendable {
    // Unchecked: `status` is touched only under `lock`.
    /// The child's process id.
    public let processIdentifier: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `executable` (a path) with `arguments` and exactly `environment`, in `directory`
    /// (this process's own when nil). Its standard output and error go to the descriptors
    /// `output` and `error`, which stay the caller's to close, and its standard input reads
    /// `/dev/null`; no other descriptor is inherited. Throws ``SpawnFailure`` when it cannot start.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String? = nil,
        output: Int32, error: Int32
    ) throws {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        // Its own process group, as Foundation's `Process` gives it: a Ctrl-C to the tests is
        // not also the child's. No signal blocked and every one at its default: the thread that
        // spawns it may be a Dispatch worker, which blocks them all, and a child inherits that.
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        #if canImport(Darwin)
        if let directory { posix_spawn_file_actions_addchdir_np(&actions, directory) }
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        if let directory { _ = Self.addChangeDirectory(&actions, directory) }
        _ = Self.addCloseFrom(&actions, 3)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnFailure(executable: executable, errno: result) }
        processIdentifier = pid
    }

    /// The child's exit code, or the number of the signal that ended it; nil while it runs.
    public var terminationStatus: Int32? {
        lock.withLock {
            if status == nil {
                var raw: Int32 = 0
                if waitpid(processIdentifier, &raw, WNOHANG) == processIdentifier {
                    // WIFEXITED and its kin are C macros: the low 7 bits are the signal, 0 for an exit.
                    status = raw & 0x7f == 0 ? (raw >> 8) & 0xff : raw & 0x7f
                }
            }
            return status
        }
    }

    /// Whether the child has not exited yet.
    public var isRunning: Bool { terminationStatus == nil }

    /// Sends the child `signal`.
    public func signal(_ signal: Int32) {
        kill(processIdentifier, signal)
    }

    /// Waits until the child exits, and returns ``terminationStatus``.
    @discardableResult
    public func waitUntilExit() -> Int32 {
        while true {
            if let status = terminationStatus { return status }
            usleep(2_000)
        }
    }

    #if !canImport(Darwin)
    /// glibc's spawn actions that Swift's Glibc module leaves out (glibc declares them for
    /// `_GNU_SOURCE` only), found by name: both are in glibc 2.34 and later.
    private static let addChangeDirectory = glibcFunction(
        "posix_spawn_file_actions_addchdir_np",
        as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    private static let addCloseFrom = glibcFunction(
        "posix_spawn_file_actions_addclosefrom_np",
        as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

    private static func glibcFunction<Function>(_ name: String, as type: Function.Type) -> Function {
        guard let symbol = dlsym(nil, name) else { fatalError("this C library has no \(name) (glibc 2.34 or later has)") }
        return unsafeBitCast(symbol, to: type)
    }
    #endif

    /// A child that could not be started.
    public struct SpawnFailure: Error, CustomStringConvertible {
        public let executable: String
        public let errno: Int32

        public var description: String { "cannot start \(executable): \(String(cString: strerror(errno)))" }
    }
}
