import ChildProcesses
public import Foundation
import Postgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway PostgreSQL server for one test: `initdb` into a temporary folder, then `postgres`
/// on a free loopback port with its socket in that folder, trusting local connections as
/// `dateline`. When the tests run as root (as CI does), both run as `nobody`, since PostgreSQL
/// refuses to run as root. Stopped by its pid; the folder is removed when the cluster is released.
public final class PostgresTestCluster {
    /// The folder of `initdb` and `postgres`: the newest under `/usr/lib/postgresql` (Debian's
    /// layout), else the one on `PATH`; nil when PostgreSQL's server is not installed.
    public static let binaries: URL? = {
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debian.path)) ?? []
        let candidates =
            versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { debian.appendingPathComponent($0).appendingPathComponent("bin") }
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return candidates.first { folder in
            ["initdb", "postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent($0).path) }
        }
    }()

    /// Whether the PostgreSQL tests can run here; suites that need a cluster are skipped otherwise.
    public static var isAvailable: Bool { binaries != nil }

    public let folder: URL
    public let port: Int
    private var server: ChildProcess?

    /// A libpq URI of the cluster's `postgres` database.
    public var url: String { "postgresql://dateline@127.0.0.1:\(port)/postgres" }

    /// Creates the cluster and starts its server.
    public init() throws {
        guard let binaries = Self.binaries else { throw Failure(message: "PostgreSQL's server binaries are not installed") }
        // As root the server runs as nobody, who must reach the folder: /tmp rather than a
        // TMPDIR that may sit in root's home.
        let base = Self.serverUser == nil ? NSTemporaryDirectory() : "/tmp/"
        let template = base + "dateline-pg-XXXXXX"
        var path = Array(template.utf8CString)
        guard let made = mkdtemp(&path) else { throw Failure(message: "mkdtemp failed: errno \(errno)") }
        folder = URL(fileURLWithPath: String(cString: made))
        port = try Self.freePort()
        if let user = Self.serverUser {
            guard chown(folder.path, user.uid, user.gid) == 0 else { throw Failure(message: "chown failed: errno \(errno)") }
        }
        try Self.run(
            binaries.appendingPathComponent("initdb"),
            ["-D", dataFolder.path, "--username=dateline", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
            log: folder.appendingPathComponent("initdb.log"))
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private var dataFolder: URL { folder.appendingPathComponent("data") }

    /// Starts the server (again, after `stop()`: same folder, same port) and waits until it accepts connections.
    public func start() throws {
        precondition(server == nil, "the cluster is already running")
        guard let binaries = Self.binaries else { return }
        let process = try Self.launch(
            binaries.appendingPathComponent("postgres"),
            [
                "-D", dataFolder.path, "-p", String(port), "-k", folder.path, "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "shared_buffers=16MB", "-c", "max_connections=60",
            ],
            log: folder.appendingPathComponent("server.log"))
        server = process
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if (try? PostgresConnection(url: url, connectTimeout: .seconds(2))) != nil { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        stop()
        throw Failure(message: "postgres did not start: \(log("server.log"))")
    }

    /// Stops the server with a fast shutdown (SIGINT: it ends open sessions) and waits for it to exit.
    public func stop() {
        guard let process = server else { return }
        server = nil
        process.signal(SIGINT)
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning {
            process.signal(SIGQUIT)  // Immediate shutdown: ends its children too.
            process.waitUntilExit()
        }
    }

    /// The end of one of the cluster's log files, for failure messages.
    public func log(_ name: String) -> String {
        let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    /// `nobody`, when the tests run as root; nil otherwise (the server runs as the current user).
    private static let serverUser: (uid: uid_t, gid: gid_t)? = {
        guard getuid() == 0, let entry = getpwnam("nobody") else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }()

    /// Starts `executable` (as `nobody` through `setpriv` when root), its output appended to `log`.
    private static func launch(_ executable: URL, _ arguments: [String], log: URL) throws -> ChildProcess {
        var command = [executable.path] + arguments
        if let user = serverUser {
            // setpriv changes user and then executes the server itself: the pid is the server's.
            command = ["/usr/bin/setpriv", "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--"] + command
        }
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        output.seekToEndOfFile()
        return try ChildProcess(
            command[0], Array(command.dropFirst()), environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], output: output.fileDescriptor,
            error: output.fileDescriptor)
    }

    /// Runs `executable` to its end; throws with its log when it fails.
    private static func run(_ executable: URL, _ arguments: [String], log: URL) throws {
        let status = try launch(executable, arguments, log: log).waitUntilExit()
        guard status == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(message: "\(executable.lastPathComponent) exited with \(status): \(text.suffix(2000))")
        }
    }

    /// A loopback port nothing listens on: the kernel picks one for a socket bound to port 0.
    private static func freePort() throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(message: "socket failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw Failure(message: "bind failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
