import ChildProcesses
import Foundation
import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ChildProcessTests {
    /// Runs `script` with `sh` and returns its status and what it printed.
    private func shell(_ script: String, environment: [String: String] = [:], directory: String? = nil) throws -> (Int32, String) {
        let output = Pipe()
        let writing = output.fileHandleForWriting
        let child = try ChildProcess(
            "/bin/sh", ["-c", script], environment: environment, directory: directory, output: writing.fileDescriptor,
            error: writing.fileDescriptor)
        try writing.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (child.waitUntilExit(), printed)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func theChildInheritsOnlyItsStandardDescriptorsHoweverManyAreOpen() throws {
        // More than a directory buffer of /proc/self/fd entries (where Foundation's `Process`
        // could read past one), within the descriptor limit, raised to its hard limit as the
        // server raises it.
        let pairs = min(800, Socket.raiseDescriptorLimit() / 2 - 100)
        var pipes: [[Int32]] = []
        defer { for ends in pipes { ends.forEach { close($0) } } }
        for _ in 0..<pairs {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { break }
            pipes.append(ends)
        }
        #expect(pipes.count == pairs)
        let (status, listed) = try shell("ls /proc/self/fd")
        #expect(status == 0)
        // 0, 1 and 2, and the descriptor `ls` reads the folder with.
        #expect(listed.split(separator: "\n") == ["0", "1", "2", "3"])
    }

    @Test func runsWithTheEnvironmentAndFolderGiven() throws {
        let (status, printed) = try shell(#"pwd; echo "$ONLY"; echo "${HOME:-none}""#, environment: ["ONLY": "this"], directory: "/")
        #expect(status == 0)
        #expect(printed == "/\nthis\nnone\n")
    }

    @Test func reportsTheExitCodeOrTheSignal() throws {
        #expect(try shell("exit 3").0 == 3)
        let sleeper = try ChildProcess("/bin/sleep", ["30"], environment: [:], output: 1, error: 2)
        #expect(sleeper.isRunning && sleeper.terminationStatus == nil)
        sleeper.signal(SIGTERM)
        #expect(sleeper.waitUntilExit() == SIGTERM)
        #expect(!sleeper.isRunning && sleeper.terminationStatus == SIGTERM)
    }

    @Test func aProgramThatIsNotThereThrows() {
        #expect(throws: ChildProcess.SpawnFailure.self) {
            try ChildProcess("/nonexistent/program", [], environment: [:], output: 1, error: 2)
        }
    }
}
