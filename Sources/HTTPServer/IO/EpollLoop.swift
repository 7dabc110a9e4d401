#if os(Linux)
import CEpoll
import Dispatch
import Glibc
import Locking

/// One thread waiting on an epoll set: each ready descriptor's client is called right there,
/// so a keep-alive request costs its share of one `epoll_wait`, a read and a write, with no
/// hop through another thread and no re-arming (the registrations are level-triggered).
///
/// Deadlines are not kernel timers: each client reports its own, and the loop sweeps its
/// clients when the earliest is due, at most every `SweepSchedule.interval`. Other threads hand the
/// loop work with `execute`, which wakes it through an eventfd.
final class EpollLoop: IOLoop, WakeableLoop, @unchecked Sendable {
    private let epoll: Int32
    private let wake: Int32
    private let name: String

    // Touched only on the loop's thread.
    /// Who owns each watched descriptor, and the readiness it hears of; indexed by descriptor.
    private var registrations: [Registration?] = []
    private var deferred: [() -> Void] = []
    private var sweeps = SweepSchedule()
    private var running = true

    /// Work handed over from other threads.
    private let inbox = Locked(Inbox())

    private struct Registration {
        let client: any IOLoopClient
        var events: UInt32
    }

    private struct Inbox {
        var tasks: [@Sendable () -> Void] = []
        var wakePending = false
        var stopped = false
    }

    /// Creates the epoll set and the wake-up eventfd; `start` runs the thread.
    init(name: String) throws {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw SocketError.makeFailed("epoll_create1") }
        wake = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wake >= 0 else {
            let error = SocketError.makeFailed("eventfd")
            Posix.close(epoll)
            throw error
        }
        self.name = name
        control(EPOLL_CTL_ADD, wake, events: EPOLLIN.rawValue)
    }

    /// The descriptors close with the loop itself: no one can `execute` on it any more, so the
    /// eventfd is never written after its number could have been reused.
    deinit {
        Posix.close(wake)
        Posix.close(epoll)
    }

    /// Starts the loop's thread; it runs until `stop`.
    func start() {
        var thread = pthread_t()
        let loop = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(
            &thread, nil,
            { raw in
                let loop = Unmanaged<EpollLoop>.fromOpaque(raw!).takeRetainedValue()
                loop.run()
                return nil
            }, loop)
        precondition(created == 0, "could not start an event loop thread (error \(created))")
        pthread_detach(thread)
    }

    /// Ends the loop after the work already handed over; later `execute` calls are dropped.
    func stop() {
        execute { [self] in running = false }
    }

    /// Runs `task` on the loop's thread, after the events at hand. From any thread; tasks from
    /// one thread run in the order given.
    ///
    /// The loop is woken once for any number of tasks handed over before it runs them, and
    /// once for a run of them inside ``LoopWakes/holding(_:)``.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wakeNeeded = inbox.withLock { inbox in
            guard !inbox.stopped else { return false }
            inbox.tasks.append(task)
            guard !inbox.wakePending else { return false }
            inbox.wakePending = true
            return true
        }
        if wakeNeeded { LoopWakes.wake(self) }
    }

    /// Makes `epoll_wait` return, to run the inbox.
    func signal() {
        var one: UInt64 = 1
        _ = Glibc.write(wake, &one, 8)
    }

    // MARK: On the loop's thread

    /// Runs `task` on this loop after the events at hand, without waiting for new ones.
    func later(_ task: @escaping () -> Void) {
        deferred.append(task)
    }

    /// Starts watching `descriptor` for input, on behalf of `client`.
    func register(_ client: any IOLoopClient, descriptor: Int32) {
        let slot = Int(descriptor)
        if slot >= registrations.count {
            registrations += Array(repeating: nil, count: max(slot + 1, registrations.count * 2) - registrations.count)
        }
        registrations[slot] = Registration(client: client, events: EPOLLIN.rawValue)
        control(EPOLL_CTL_ADD, descriptor, events: EPOLLIN.rawValue)
    }

    /// Chooses which readiness `descriptor`'s client hears of; a no-op when nothing changes.
    func watch(_ descriptor: Int32, reading: Bool, writing: Bool) {
        let slot = Int(descriptor)
        let wanted = (reading ? EPOLLIN.rawValue : 0) | (writing ? EPOLLOUT.rawValue : 0)
        guard slot < registrations.count, let current = registrations[slot], current.events != wanted else { return }
        registrations[slot] = Registration(client: current.client, events: wanted)
        control(EPOLL_CTL_MOD, descriptor, events: wanted)
    }

    /// Stops watching `descriptor` and closes it at once: no other thread reads it.
    func close(_ descriptor: Int32) {
        let slot = Int(descriptor)
        if slot < registrations.count, registrations[slot] != nil {
            registrations[slot] = nil
            control(EPOLL_CTL_DEL, descriptor, events: 0)
        }
        Posix.close(descriptor)
    }

    private func control(_ operation: Int32, _ descriptor: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = descriptor
        epoll_ctl(epoll, operation, descriptor, &event)
    }

    /// Makes sure the clients are swept by `time` (a client's deadline moved closer).
    func sweepBy(_ time: DispatchTime) {
        sweeps.sweep(by: time)
    }

    private func run() {
        dateline_name_thread(String(name.prefix(15)))
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while running {
            let count = epoll_wait(epoll, events, Int32(capacity), deferred.isEmpty ? sweeps.millisecondsUntilDue() : 0)
            var woken = false
            for index in 0..<max(Int(count), 0) {
                let descriptor = events[index].data.fd
                if descriptor == wake {
                    woken = true
                } else {
                    dispatch(events[index].events, to: Int(descriptor))
                }
            }
            if woken { runInbox() }
            runDeferred()
            let now = DispatchTime.now()
            if sweeps.isDue(now) { sweep(now: now) }
        }
        inbox.withLock { inbox in
            inbox.stopped = true
            inbox.tasks = []
        }
        deferred = []
    }

    private func dispatch(_ flags: UInt32, to slot: Int) {
        guard slot < registrations.count, let client = registrations[slot]?.client else { return }  // Closed earlier in this batch.
        if flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
            client.hungUp()
            return
        }
        if flags & EPOLLOUT.rawValue != 0 { client.writable() }
        // Writing may have closed the client, or paused its reading.
        if flags & EPOLLIN.rawValue != 0, let current = registrations[slot], current.client === client,
            current.events & EPOLLIN.rawValue != 0
        {
            client.readable()
        }
    }

    private func runInbox() {
        var count: UInt64 = 0
        _ = Glibc.read(wake, &count, 8)
        let tasks = inbox.withLock { inbox in
            inbox.wakePending = false
            defer { inbox.tasks = [] }
            return inbox.tasks
        }
        for task in tasks where running { task() }  // What came after `stop` is dropped.
    }

    private func runDeferred() {
        guard !deferred.isEmpty else { return }
        let tasks = deferred
        deferred = []
        tasks.forEach { $0() }
    }

    /// Asks every client about its deadline (a client may close, or register, as it answers).
    private func sweep(now: DispatchTime) {
        var earliest = DispatchTime.distantFuture
        for slot in registrations.indices {
            guard let client = registrations[slot]?.client else { continue }
            earliest = min(earliest, client.checkDeadline(now: now))
        }
        sweeps.swept(at: now, earliest: earliest)
    }
}
#endif
