public import Dispatch
import Locking

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffers log lines and writes them to a file descriptor from a queue of its own, so the
/// threads that log never wait for `write(2)`.
///
/// Lines are appended whole and written in the order they were appended. The buffer is written
/// when it holds `flushBytes`, when `flushInterval` has passed since the last write, on
/// ``flush()`` and on ``stop()``; ``standardOutput`` is also flushed when the process exits.
///
/// Memory is bounded by `capacity`. A line that finds the buffer full waits, up to `maximumWait`
/// in all, for the writer to make room; a line that still finds no room is dropped and counted,
/// and so is every later line until the writer has made room (they do not wait again: one stall
/// of the output costs the loggers one wait, not one per line). The count is written as a line
/// of its own (`"message":"log lines dropped"`) as soon as there is room, so a loss is never
/// silent.
///
/// ```swift
/// let writer = LogWriter(descriptor: STDOUT_FILENO)
/// writer.append("{\"message\":\"hello\"}\n")
/// writer.stop()   // everything appended so far is written
/// ```
public final class LogWriter: Sendable {
    /// Standard output, shared by the JSON log handler and the access log; flushed at exit.
    public static let standardOutput: LogWriter = {
        let writer = LogWriter(descriptor: STDOUT_FILENO)
        atexit { LogWriter.standardOutput.stop() }
        return writer
    }()

    private struct Pending {
        var bytes: [UInt8] = []
        /// Dropped lines not yet reported in the stream.
        var dropped = 0
        var droppedTotal = 0
        /// Set when a line has waited in vain; cleared when the writer takes the buffer.
        var dropping = false
        var woken = false
        var stopped = false
    }

    private let descriptor: Int32
    private let flushBytes: Int
    private let flushInterval: DispatchTimeInterval
    private let capacity: Int
    private let maximumWait: DispatchTimeInterval
    private let pending = Locked(Pending())
    /// Held while bytes taken from `pending` are written, so that the writer's queue and
    /// `flush()` callers write in the order the bytes were taken.
    private let output = Locked(())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// A writer to `descriptor` (not closed by the writer); its queue starts at once.
    public init(
        descriptor: Int32, flushBytes: Int = 64 * 1024, flushInterval: DispatchTimeInterval = .milliseconds(100),
        capacity: Int = 4 * 1024 * 1024, maximumWait: DispatchTimeInterval = .milliseconds(250)
    ) {
        precondition(flushBytes > 0 && capacity >= flushBytes, "capacity must hold at least flushBytes")
        self.descriptor = descriptor
        self.flushBytes = flushBytes
        self.flushInterval = flushInterval
        self.capacity = capacity
        self.maximumWait = maximumWait
        DispatchQueue(label: "dateline.log-writer").async { [self] in run() }
    }

    /// Lines dropped so far because the buffer stayed full.
    public var droppedCount: Int {
        pending.withLock { $0.droppedTotal }
    }

    /// Queues `line` (which should end with a newline). Returns false when it was dropped.
    @discardableResult
    public func append(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { append(bytes: $0) }
    }

    /// Queues the bytes of one or more whole lines. Returns false when they were dropped.
    @discardableResult
    public func append(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var deadline: DispatchTime?
        while true {
            let outcome: AppendOutcome = pending.withLock { pending in
                if pending.stopped {
                    return .writeNow
                }
                if pending.bytes.count + bytes.count > capacity && !pending.bytes.isEmpty {
                    guard !pending.dropping else {
                        pending.dropped += 1
                        pending.droppedTotal += 1
                        return .dropped
                    }
                    return .full
                }
                pending.bytes.append(contentsOf: bytes)
                if pending.bytes.count >= flushBytes && !pending.woken {
                    pending.woken = true
                    return .appendedWake
                }
                return .appended
            }
            switch outcome {
            case .appended:
                return true
            case .dropped:
                return false
            case .appendedWake:
                wake.signal()
                return true
            case .writeNow:
                // After stop(): no queue is left to write, so the caller writes, after
                // anything still pending.
                output.withLock { _ in
                    drain()
                    Self.write(bytes, to: descriptor)
                }
                return true
            case .full:
                let now = DispatchTime.now()
                if deadline == nil { deadline = now + maximumWait }
                if now >= deadline! {
                    pending.withLock { pending in
                        pending.dropped += 1
                        pending.droppedTotal += 1
                        pending.dropping = true
                    }
                    return false
                }
                wake.signal()
                usleep(500)
            }
        }
    }

    private enum AppendOutcome { case appended, appendedWake, dropped, writeNow, full }

    /// Writes everything appended so far before returning.
    public func flush() {
        output.withLock { _ in drain() }
    }

    /// Writes everything appended so far and ends the writer's queue; later lines are written
    /// at once by the thread that appends them. Safe to call more than once.
    public func stop() {
        let first: Bool = pending.withLock { pending in
            defer { pending.stopped = true }
            return !pending.stopped
        }
        guard first else {
            flush()
            return
        }
        wake.signal()
        finished.wait()
    }

    /// The writer's queue: waits for a full buffer or the interval, then writes.
    private func run() {
        while true {
            _ = wake.wait(timeout: .now() + flushInterval)
            let stopped = pending.withLock { pending in
                pending.woken = false
                return pending.stopped
            }
            flush()
            if stopped {
                finished.signal()
                return
            }
        }
    }

    /// Takes what is pending and writes it; the caller holds `output`.
    private func drain() {
        let (bytes, dropped): ([UInt8], Int) = pending.withLock { pending in
            let taken = pending.bytes
            pending.bytes.removeAll(keepingCapacity: true)
            pending.dropping = false
            let dropped = pending.dropped
            pending.dropped = 0
            return (taken, dropped)
        }
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { Self.write($0, to: descriptor) }
        }
        if dropped > 0 {
            var notice = "{\"level\":\"warning\",\"message\":\"log lines dropped\",\"label\":\"dateline.log\",\"dropped\":\(dropped)}\n"
            notice.withUTF8 { Self.write($0, to: descriptor) }
        }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            #else
            let written = Darwin.write(descriptor, base + offset, bytes.count - offset)
            #endif
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
