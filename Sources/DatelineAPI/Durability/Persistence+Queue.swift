import Dispatch
public import HTTPServer
import Locking
public import NewsModel

/// New events the flusher stages itself: their handlers take no lock that orders writes.
///
/// A handler picks the event's id and checks it on the last published state (which may lack the
/// newest durable writes: see ``Persistence``), where it takes no lock other writers hold for
/// long; ids that queued events hold count as taken (``UniqueIDs``, kept until a published
/// snapshot holds them). The event then waits in the flusher's
/// inbox, and the flusher stages every queued event in one hold of the writers' lock, each
/// checked again on the latest state, before it takes its batch. Writers then never wait for one
/// another on that lock, and one thread applies what they change, with the store's parts in its
/// cache.
///
/// An event that no longer stands there is not staged. Its gate fails once the write staged in
/// between is durable: with the error its checks throw on the latest state (something it names
/// was deleted or merged), or, when its id was taken, with ``AnswerAgain`` once readers see that
/// write, and the server answers its request again.
extension Persistence {
    /// A new event waiting in the inbox for the flusher to stage it.
    struct QueuedEvent: Sendable {
        let event: Event
        /// Its JSON, for its journal record.
        let json: [UInt8]
        /// Its checks, run again on the state it is staged on.
        let check: @Sendable (Event, StoreSnapshot) throws -> Void
        /// Told once the event is durable, or why it is not.
        let answer: GroupCommit<Staged>.Callback
    }

    /// What writers leave for the flusher, under a lock of its own that is held only briefly.
    struct Inbox: Sendable {
        var events: [QueuedEvent] = []
        /// Writes their handlers staged since the flusher last took a batch.
        var staged = 0
        /// While the flusher waits for writes to join the next flush: how many end its wait.
        var wanted: Int?
        /// Whether the flusher is at work or started: by a queued event, or by a writer waiting
        /// for a staged write. The only record of it, so that it is started once.
        var flusherAtWork = false
        /// Whether a reader asked for a snapshot since the flusher last looked.
        var snapshotAsked = false

        /// Whether enough writes are in to end the flusher's wait (which the caller then ends).
        mutating func endsWait() -> Bool {
            guard let wanted, events.count + staged >= wanted else { return false }
            self.wanted = nil
            return true
        }

        /// Whether the caller is to start the flusher: it is not at work. It counts as started.
        mutating func startsFlusher() -> Bool {
            if flusherAtWork { return false }
            flusherAtWork = true
            return true
        }
    }

    /// Does what ``StoreOfRecord/submit(newEvent:idBase:checking:)`` does, through the inbox (see
    /// above). When `check` fails on the published state, the event is decided on the latest one
    /// instead, as ``submit(event:)`` decides it, under the writers' lock.
    public func submit(
        newEvent event: Event, idBase base: String, checking check: @escaping @Sendable (Event, StoreSnapshot) throws -> Void
    ) throws -> (event: Event, json: [UInt8], durable: any ResponseGate) {
        var event = event
        let published: StoreSnapshot
        (published, event.id) = reservedIDs.withLock { ids in
            // The last published, not a snapshot asked for: the flusher checks the event again.
            let published = store.lastPublished
            ids.follow(published)
            return (published, ids.make(from: base))
        }
        do {
            try check(event, published)
            // Room for the whole event (about 700 bytes) at once. Not the encoder's default: the
            // response cache keeps other bodies with whatever room they were made with.
            let json = try CompactJSONEncoder().encode(event, reservingCapacity: 1024)
            return (event, json, QueuedWrite(persistence: self, queued: event, json: json, check: check))
        } catch {
            releaseReservation(event.id)
            return try decidingOnLatest(newEvent: event, idBase: base, checking: check)
        }
    }

    /// Queues the event for the flusher, and starts it when it is not at work.
    fileprivate func enqueue(_ queued: QueuedEvent) {
        let start = inbox.withLock { inbox in
            inbox.events.append(queued)
            if inbox.endsWait() { self.inbox.wakeWaiters() }
            return inbox.startsFlusher()
        }
        if start { flusher.async { [self] in flushStaged() } }
    }

    /// Starts the flusher when it is not at work: for a writer waiting for a staged write.
    func startFlusherIfIdle() {
        if inbox.withLock({ $0.startsFlusher() }) { flusher.async { [self] in flushStaged() } }
    }

    /// What the store calls when a reader finds durable writes past the published snapshot: the
    /// flusher publishes one at its next pass, at once if it waits for writes to join a flush.
    func askForSnapshot() {
        let start = inbox.withLock { inbox in
            inbox.snapshotAsked = true
            return inbox.startsFlusher()
        }
        inbox.wakeWaiters()
        if start { flusher.async { [self] in flushStaged() } }
    }

    /// Whether a reader asked for a snapshot since the flusher last looked; on the flusher.
    func takeSnapshotRequest() -> Bool {
        inbox.withLock { inbox in
            defer { inbox.snapshotAsked = false }
            return inbox.snapshotAsked
        }
    }

    /// Counts a write its handler staged, for the flusher's wait for writes to join a flush and
    /// for its choice to stop; in the hold of the writers' lock that staged it.
    func noteStaged() {
        inbox.withLock { inbox in
            inbox.staged += 1
            if inbox.endsWait() { self.inbox.wakeWaiters() }
        }
    }

    /// Whether the flusher may stop, having found no batch: nothing is queued, and nothing was
    /// staged since it looked. A write staged after the look is counted in the hold that staged
    /// it: so it is seen here, or staged after the flusher stopped, and then its waiter (or the
    /// waiter of a later state) starts the flusher anew.
    func flusherMayStop() -> Bool {
        inbox.withLock { inbox in
            guard inbox.events.isEmpty, inbox.staged == 0, !inbox.snapshotAsked else { return false }
            inbox.flusherAtWork = false
            return true
        }
    }

    /// Waits until `count` writes are queued or staged since the last batch, or `commitDelay`
    /// has passed; on the flusher.
    func waitForWrites(_ count: Int) {
        let deadline = ContinuousClock.now + .seconds(commitDelay)
        inbox.wait { inbox in
            guard inbox.events.count + inbox.staged < count, !inbox.snapshotAsked, ContinuousClock.now < deadline else {
                inbox.wanted = nil
                return .done(())
            }
            inbox.wanted = count
            return .wait(until: deadline)
        }
    }

    /// Stages the queued events in their order, in one hold of the writers' lock, and counts
    /// the writes staged from here on anew; on the flusher.
    func stageQueuedEvents() {
        let queued = inbox.withLock { inbox in
            inbox.staged = 0
            defer { inbox.events = [] }
            return inbox.events
        }
        guard !queued.isEmpty else { return }
        var answered: [(GroupCommit<Staged>.Callback, (any Error)?)] = []
        state.withLock { state in
            state.followStore(store)
            for queued in queued {
                if let failure = state.commits.failure {
                    answered.append((queued.answer, failure))
                    continue
                }
                // A statement of its own, so that the view is let go before the draft changes.
                let refused = refusal(of: queued, on: state.draft.view)
                guard let refused else {
                    stage(queued, in: &state)
                    continue
                }
                // Told once the write that came between is durable: the check's own error, or,
                // when the id was taken, to be answered again, once readers see that write (its
                // handler picks the id on what they see; off the flusher, which may be asked
                // for the snapshot).
                let id = queued.event.id
                let told: GroupCommit<Staged>.Callback = { [self] error in
                    releaseReservation(id)
                    if let error { return queued.answer(error) }
                    guard refused is AnswerAgain else { return queued.answer(refused) }
                    DispatchQueue.global().async { [store] in
                        _ = store.snapshot
                        queued.answer(refused)
                    }
                }
                switch state.commits.wait(for: state.commits.appended, told) {
                case .durable: answered.append((told, nil))
                case .failed(let error): answered.append((told, error))
                case .waiting: break
                }
            }
        }
        for (answer, error) in answered { answer(error) }
    }

    /// Why the event no longer stands on `latest`, or nil when it does: its id taken
    /// (``AnswerAgain``), or the error its checks throw there.
    private func refusal(of queued: QueuedEvent, on latest: StoreSnapshot) -> (any Error)? {
        guard latest.event(queued.event.id) == nil else { return AnswerAgain() }
        do {
            try queued.check(queued.event, latest)
            return nil
        } catch {
            return error
        }
    }

    /// Stages an event that stands, with its journal line made of its JSON.
    private func stage(_ queued: QueuedEvent, in state: inout State) {
        let changes: [StoreChange] = [.upsertEvent(queued.event)]
        // A new id: the upsert changes something.
        state.draft.apply(changes)
        let version = state.draft.version
        let line = Journal.line(version: version, upsertingEventJSON: queued.json)
        // Cannot fail: no flush has failed, and the lock is held.
        guard let sequence = try? state.commits.append(Staged(version: version, changes: changes, line: line, reserved: queued.event.id))
        else { preconditionFailure("a write staged after a failed flush") }
        _ = state.commits.wait(for: sequence, queued.answer)
    }

    /// Lets the ids of queued events go, now that `published` holds them.
    func releaseReservations(_ reserved: [String], publishedIn published: StoreSnapshot) {
        reservedIDs.withLock { ids in
            ids.follow(published)
            for id in reserved { ids.release(id) }
        }
    }

    private func releaseReservation(_ id: String) {
        reservedIDs.withLock { $0.release(id) }
    }
}

/// The gate of a queued event's response: queues the event when the server waits on it, and
/// opens once the flush that covers it is done.
private struct QueuedWrite: ResponseGate {
    let persistence: Persistence
    let queued: Event
    let json: [UInt8]
    let check: @Sendable (Event, StoreSnapshot) throws -> Void

    func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) {
        persistence.enqueue(Persistence.QueuedEvent(event: queued, json: json, check: check, answer: opened))
    }
}
