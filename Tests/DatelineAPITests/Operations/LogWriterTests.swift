import Dispatch
import Foundation
import Testing

@testable import DatelineAPI

#if canImport(Glibc)
import Glibc
#endif

/// The buffered log writer over a real pipe: order, the size and time triggers, stop, drops.
@Suite struct LogWriterTests {
    /// A pipe whose read end the test reads.
    final class PipeEnds: Sendable {
        let read: Int32
        let write: Int32

        init() {
            var ends: [Int32] = [0, 0]
            precondition(pipe(&ends) == 0)
            read = ends[0]
            write = ends[1]
        }

        deinit {
            close(read)
            close(write)
        }

        /// What arrives within `timeout` seconds, stopping early once `count` bytes are in or
        /// nothing has arrived for `idle` seconds.
        func receive(atLeast count: Int = 1, timeout: Double, idle: Double = 60) -> String {
            var received: [UInt8] = []
            let deadline = ContinuousClock.now + .seconds(timeout)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while received.count < count, ContinuousClock.now < deadline {
                var poller = pollfd(fd: read, events: Int16(POLLIN), revents: 0)
                let milliseconds = max(1, Int32(min(.seconds(idle), deadline - .now) / .milliseconds(1)))
                guard poll(&poller, 1, milliseconds) > 0 else { break }
                let got = Glibc.read(read, &buffer, buffer.count)
                if got <= 0 { break }
                received.append(contentsOf: buffer[0..<got])
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    @Test func linesFromManyThreadsArriveWholeAndInEachThreadsOrder() {
        let ends = PipeEnds()
        let writer = LogWriter(descriptor: ends.write, flushBytes: 4096, flushInterval: .milliseconds(20))
        let threads = 4
        let perThread = 500
        let expectedBytes = (0..<threads).reduce(0) { total, thread in
            total + (0..<perThread).reduce(0) { $0 + "t\(thread) \($1)\n".utf8.count }
        }
        let reader = DispatchQueue(label: "reader")
        nonisolated(unsafe) var text = ""
        let done = DispatchSemaphore(value: 0)
        reader.async {
            text = ends.receive(atLeast: expectedBytes, timeout: 10)
            done.signal()
        }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread { writer.append("t\(thread) \(index)\n") }
        }
        writer.stop()
        done.wait()
        let lines = text.split(separator: "\n")
        #expect(lines.count == threads * perThread)
        for thread in 0..<threads {
            let own = lines.filter { $0.hasPrefix("t\(thread) ") }.map { Int($0.split(separator: " ")[1])! }
            #expect(own == Array(0..<perThread))
        }
    }

    @Test func aFullBufferIsWrittenWithoutWaitingForTheInterval() {
        let ends = PipeEnds()
        let writer = LogWriter(descriptor: ends.write, flushBytes: 1024, flushInterval: .seconds(60))
        defer { writer.stop() }
        writer.append("small\n")
        #expect(ends.receive(timeout: 0.3).isEmpty)
        let line = String(repeating: "x", count: 1100) + "\n"
        writer.append(line)
        #expect(ends.receive(atLeast: 6 + line.utf8.count, timeout: 5) == "small\n" + line)
    }

    @Test func aLineIsWrittenWhenTheIntervalPasses() {
        let ends = PipeEnds()
        let writer = LogWriter(descriptor: ends.write, flushBytes: 64 * 1024, flushInterval: .milliseconds(50))
        defer { writer.stop() }
        let started = ContinuousClock.now
        writer.append("one line\n")
        #expect(ends.receive(atLeast: 9, timeout: 5) == "one line\n")
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func stopWritesEverythingAndLaterLinesStillArrive() {
        let ends = PipeEnds()
        let writer = LogWriter(descriptor: ends.write, flushBytes: 64 * 1024, flushInterval: .seconds(60))
        for index in 0..<100 { writer.append("line \(index)\n") }
        writer.stop()
        writer.append("after\n")
        writer.stop()
        let expected = (0..<100).map { "line \($0)\n" }.joined() + "after\n"
        #expect(ends.receive(atLeast: expected.utf8.count, timeout: 2) == expected)
    }

    @Test func aWriterThatFallsBehindCountsDropsAndSaysSo() {
        let ends = PipeEnds()
        // Nobody reads the pipe at first: once its kernel buffer is full, write(2) blocks.
        let writer = LogWriter(
            descriptor: ends.write, flushBytes: 1024, flushInterval: .milliseconds(10),
            capacity: 4096, maximumWait: .milliseconds(10))
        let line = String(repeating: "y", count: 1000) + "\n"
        var accepted = 0
        let started = ContinuousClock.now
        for _ in 0..<150 where writer.append(line) { accepted += 1 }
        // Once a line has waited in vain, the next ones are dropped without waiting again.
        #expect(ContinuousClock.now - started < .seconds(1.5))
        #expect(writer.droppedCount > 0)
        #expect(accepted + writer.droppedCount == 150)
        let dropped = writer.droppedCount
        let reader = DispatchQueue(label: "drain")
        nonisolated(unsafe) var text = ""
        let done = DispatchSemaphore(value: 0)
        reader.async {
            text = ends.receive(atLeast: .max, timeout: 10, idle: 0.5)
            done.signal()
        }
        writer.stop()
        done.wait()
        #expect(text.components(separatedBy: line).count - 1 == accepted)
        #expect(text.contains("\"message\":\"log lines dropped\""))
        let reported = text.components(separatedBy: "\"dropped\":").dropFirst().map { Int($0.prefix { $0.isNumber })! }
        #expect(reported.reduce(0, +) == dropped)
    }
}
