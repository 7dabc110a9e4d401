import Dispatch
import Locking

/// A serial queue with a Dispatch read source per descriptor and a write source made on first
/// need: kqueue underneath on Darwin, libdispatch's own epoll on Linux. Deadlines are swept by
/// one timer source, set for the earliest deadline its clients report.
///
/// Everything but `inbox` is touched only on `queue`; that is why the class is
/// `@unchecked Sendable`. Dispatch's handler closures are not checked for sendability on Linux,
/// so every handler here is set up and runs on `queue`.
final class DispatchLoop: IOLoop, @unchecked Sendable {
    private let queue: DispatchQueue
    private let sweepTimer: any DispatchSourceTimer

    // On `queue` only.
    private var registrations: [Int32: Registration] = [:]
    private var sweeps = SweepSchedule()
    private var running = true

    /// Whether `stop` has run: `execute` after it drops its work.
    private let stopped = Locked(false)

    /// One descriptor's sources. A source is released only while resumed and activated, and the
    /// descriptor is closed by the cancel handler of the last source, as libdispatch requires.
    /// Owned by `queue`, where every handler that captures it runs.
    private final class Registration: @unchecked Sendable {
        let client: any IOLoopClient
        let reader: any DispatchSourceRead
        var writer: (any DispatchSourceWrite)?
        var reading = true
        var writing = false

        init(client: any IOLoopClient, reader: any DispatchSourceRead) {
            self.client = client
            self.reader = reader
        }

        /// Resumes whichever source is suspended and returns them all, ready to be cancelled
        /// and released.
        func resumedSources() -> [any DispatchSourceProtocol] {
            if !reading {
                reader.resume()
                reading = true
            }
            guard let writer else { return [reader] }
            if !writing {
                writer.resume()
                writing = true
            }
            return [reader, writer]
        }
    }

    init(name: String) {
        queue = DispatchQueue(label: name)
        sweepTimer = DispatchSource.makeTimerSource(queue: queue)
    }

    func start() {
        queue.async { [self] in
            sweepTimer.setEventHandler { [self] in sweep() }
            sweepTimer.schedule(deadline: .distantFuture, leeway: .milliseconds(10))
            sweepTimer.activate()
        }
    }

    func stop() {
        execute { [self] in
            running = false
            stopped.withLock { $0 = true }
            sweepTimer.cancel()
            // Sources still registered stop reporting; their descriptors stay their owners' to close.
            for registration in registrations.values {
                for source in registration.resumedSources() {
                    source.setEventHandler(handler: nil)
                    source.cancel()
                }
            }
            registrations = [:]
        }
    }

    func execute(_ task: @escaping @Sendable () -> Void) {
        guard !stopped.withLock({ $0 }) else { return }
        queue.async { [self] in if running { task() } }
    }

    // MARK: On the queue

    func later(_ task: @escaping () -> Void) {
        // Sendable in name only: the task is made on `queue` and runs there.
        let unchecked = UncheckedTask(task)
        queue.async { [self] in if running { unchecked.run() } }
    }

    func register(_ client: any IOLoopClient, descriptor: Int32) {
        let reader = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        let registration = Registration(client: client, reader: reader)
        registrations[descriptor] = registration
        reader.setEventHandler { [self] in
            guard let current = registrations[descriptor], current === registration, current.reading else { return }
            registration.client.readable()
        }
        reader.activate()
    }

    func watch(_ descriptor: Int32, reading: Bool, writing: Bool) {
        guard let registration = registrations[descriptor] else { return }
        if reading != registration.reading {
            registration.reading = reading
            if reading { registration.reader.resume() } else { registration.reader.suspend() }
        }
        if writing != registration.writing {
            registration.writing = writing
            if let writer = registration.writer {
                if writing { writer.resume() } else { writer.suspend() }
            } else {
                let writer = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
                writer.setEventHandler { [self] in
                    guard let current = registrations[descriptor], current === registration, current.writing else { return }
                    registration.client.writable()
                }
                registration.writer = writer
                writer.activate()
            }
        }
    }

    func close(_ descriptor: Int32) {
        guard let registration = registrations.removeValue(forKey: descriptor) else {
            Posix.close(descriptor)
            return
        }
        // The last cancel handler to run closes the descriptor; both run on `queue`.
        let sources = registration.resumedSources()
        let remaining = CancelCount(sources.count)
        for source in sources {
            source.setEventHandler(handler: nil)
            source.setCancelHandler {
                remaining.value -= 1
                if remaining.value == 0 { Posix.close(descriptor) }
            }
            source.cancel()
        }
    }

    func sweepBy(_ time: DispatchTime) {
        if sweeps.sweep(by: time) { sweepTimer.schedule(deadline: time, leeway: .milliseconds(10)) }
    }

    private func sweep() {
        let now = DispatchTime.now()
        var earliest = DispatchTime.distantFuture
        for registration in Array(registrations.values) {
            earliest = min(earliest, registration.client.checkDeadline(now: now))
        }
        sweeps.swept(at: now, earliest: earliest)
        sweepTimer.schedule(deadline: sweeps.next, leeway: .milliseconds(10))
    }
}

/// A task made and run on one serial queue, carried across `async` without a `Sendable` check.
private struct UncheckedTask: @unchecked Sendable {
    let run: () -> Void

    init(_ run: @escaping () -> Void) { self.run = run }
}

/// How many of a descriptor's sources have yet to run their cancel handlers; touched only on
/// the loop's queue.
private final class CancelCount: @unchecked Sendable {
    var value: Int

    init(_ value: Int) { self.value = value }
}
