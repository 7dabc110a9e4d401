import ChildProcesses
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The built `dateline` binary run as a child process, for tests of the program as users run it.
final class ServerProcess {
    let process: ChildProcess
    private let output = Pipe()
    private let lines = LockedLines()
    private(set) var port = 0

    /// The package folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `dateline` executable built beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dateline")
    }

    /// Starts `dateline ARGUMENTS` in the package folder with JSON logs.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DATELINE_") }
        if let engine = ProcessInfo.processInfo.environment["DATELINE_TEST_IO_ENGINE"] {
            merged["DATELINE_IO_ENGINE"] = engine  // The second pass of `make test` runs the binary on it too.
        }
        merged.merge(environment) { _, new in new }
        let writing = output.fileHandleForWriting
        process = try ChildProcess(
            Self.binary.path, arguments, environment: merged, directory: Self.packageRoot.path,
            output: writing.fileDescriptor, error: writing.fileDescriptor)
        try writing.close()
        // Read on a thread of its own until the end of the output, which a blocking read always
        // sees (a readability handler is not always called for it).
        let (lines, reading) = (self.lines, output.fileHandleForReading)
        Thread.detachNewThread {
            while case let data = reading.availableData, !data.isEmpty {
                lines.append(String(decoding: data, as: UTF8.self))
            }
            lines.end()
        }
    }

    /// Starts `dateline serve --port 0` and waits for the address it logs.
    static func serve(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ServerProcess {
        let server = try ServerProcess(["serve", "--port", "0", "--log-format", "json"] + extra, environment: environment)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = server.logLines.first(where: { $0.contains("\"message\":\"listening\"") }),
                let range = line.range(of: #""address":"[^"]*:(\d+)""#, options: .regularExpression)
            {
                let match = line[range]
                server.port = Int(match.split(separator: ":").last!.dropLast())!
                return server
            }
            if !server.process.isRunning { break }
            usleep(20_000)
        }
        server.stop()
        throw StartFailure(output: server.logLines.joined(separator: "\n"))
    }

    struct StartFailure: Error { let output: String }

    /// Every line printed so far.
    var logLines: [String] { lines.all }

    /// Waits for the process to exit and for the last of its output; returns its status, or nil
    /// after `timeout` seconds.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        // The reading thread may not have read what the process wrote last: wait for its end.
        while !process.isRunning && !lines.isEnded && ContinuousClock.now < deadline { usleep(10_000) }
        return process.terminationStatus
    }

    func signal(_ number: Int32) { process.signal(number) }

    /// Ends the process if it still runs.
    func stop() {
        if process.isRunning {
            signal(SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// Output lines gathered from a pipe's reading thread.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var ended = false

    func append(_ chunk: String) { lock.withLock { text += chunk } }

    /// Notes that the pipe reached its end: every line is in.
    func end() { lock.withLock { ended = true } }

    var isEnded: Bool { lock.withLock { ended } }

    var all: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
}
