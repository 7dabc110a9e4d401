import Dispatch
import FoundationEssentials
public import HTTPServer
import Locking
public import NewsModel

/// The live change feed: every committed version goes to every open stream, as one
/// Server-Sent Event whose id is the version. Streams resume from a version; a heartbeat
/// comment keeps idle ones alive through proxies.
public final class ChangeFeed: Sendable {
    private let state = Locked(State())
    /// How many streams are open, apart from `state`: the flusher asks while a subscriber may hold
    /// `state` waiting for a snapshot that flusher is to publish.
    private let streams = Locked(0)
    private let heartbeatInterval: Double
    private let queue = DispatchQueue(label: "dateline.changes")

    private struct State: Sendable {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        var heartbeat: Heartbeat?
    }

    /// The heartbeat's timer. Unchecked because swift-corelibs-libdispatch does not mark its
    /// sources `Sendable`, though libdispatch makes them safe to use from any thread; the
    /// reference itself is kept in `state`, under its lock.
    private struct Heartbeat: @unchecked Sendable {
        let timer: any DispatchSourceTimer
    }

    private struct Subscriber: Sendable {
        let writer: any ResponseBodyWriter
        /// The newest version this subscriber has been sent.
        var version: UInt64
    }

    public init(heartbeatInterval: Double = 15) {
        self.heartbeatInterval = heartbeatInterval
    }

    deinit {
        state.withLock { $0.heartbeat?.timer.cancel() }
    }

    /// Starts a stream: first the changes after `since` (or a `reset` event when the log no
    /// longer reaches back that far), then every new version as it is committed.
    public func subscribe(_ writer: any ResponseBodyWriter, since: UInt64?, store: NewsStore) {
        let id = state.withLock { state -> Int in
            let current = store.snapshot.version
            var sent = since ?? current
            writer.write(Array("retry: 2000\n\n".utf8))
            if let since, since < current {
                if let backlog = store.changes(since: since) {
                    for group in Self.byVersion(backlog) {
                        writer.write(Self.event(version: group.version, changes: group.changes))
                        sent = group.version
                    }
                } else {
                    writer.write(Self.reset(version: current))
                    sent = current
                }
            }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(writer: writer, version: sent)
            recount(state)
            if state.heartbeat == nil { state.heartbeat = Heartbeat(timer: makeHeartbeat()) }
            return id
        }
        writer.onClose { [weak self] in
            self?.state.withLock { state in
                state.subscribers[id] = nil
                self?.recount(state)
            }
        }
    }

    /// Sends a committed snapshot's changes, one event per version, to every stream that has
    /// not had them.
    func publish(_ snapshot: StoreSnapshot) {
        guard !snapshot.lastChanges.isEmpty else { return }
        state.withLock { state in
            guard !state.subscribers.isEmpty else { return }
            for group in Self.byVersion(snapshot.lastChanges) {
                let event = Self.event(version: group.version, changes: group.changes)
                for (id, subscriber) in state.subscribers where subscriber.version < group.version {
                    if subscriber.writer.write(event) {
                        state.subscribers[id]?.version = group.version
                    } else {
                        state.subscribers[id] = nil
                    }
                }
            }
            recount(state)
        }
    }

    /// Whether any stream is open: while one is, every flush publishes its changes at once.
    var hasSubscribers: Bool {
        streams.withLock { $0 > 0 }
    }

    /// Keeps the count of open streams, after `state` changed.
    private func recount(_ state: State) {
        streams.withLock { $0 = state.subscribers.count }
    }

    /// The changes after `since` as NDJSON lines, one per version, for polling clients; nil
    /// when the log no longer reaches back that far.
    public static func lines(since: UInt64, store: NewsStore) -> [UInt8]? {
        guard let backlog = store.changes(since: since) else { return nil }
        var out: [UInt8] = []
        for group in byVersion(backlog) {
            out += payload(version: group.version, changes: group.changes)
            out.append(0x0A)
        }
        return out
    }

    private func makeHeartbeat() -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + heartbeatInterval, repeating: heartbeatInterval)
        timer.setEventHandler { [weak self] in self?.beat() }
        timer.activate()
        return timer
    }

    private func beat() {
        let comment = Array(": heartbeat\n\n".utf8)
        state.withLock { state in
            for (id, subscriber) in state.subscribers where !subscriber.writer.write(comment) {
                state.subscribers[id] = nil
            }
            recount(state)
        }
    }

    static func byVersion(_ records: [ChangeRecord]) -> [(version: UInt64, changes: [ChangeRecord])] {
        var groups: [(version: UInt64, changes: [ChangeRecord])] = []
        for record in records {
            if groups.last?.version == record.version {
                groups[groups.count - 1].changes.append(record)
            } else {
                groups.append((record.version, [record]))
            }
        }
        return groups
    }

    static func payload(version: UInt64, changes: [ChangeRecord]) -> [UInt8] {
        struct Payload: Encodable {
            let version: UInt64
            let changes: [ChangeRecord]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? Array(encoder.encode(Payload(version: version, changes: changes)))) ?? []
    }

    static func event(version: UInt64, changes: [ChangeRecord]) -> [UInt8] {
        Array("id: \(version)\nevent: change\ndata: ".utf8) + payload(version: version, changes: changes) + Array("\n\n".utf8)
    }

    static func reset(version: UInt64) -> [UInt8] {
        Array("id: \(version)\nevent: reset\ndata: {\"version\":\(version)}\n\n".utf8)
    }
}
