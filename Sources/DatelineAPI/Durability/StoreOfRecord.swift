public import HTTPServer
public import NewsModel

/// Where writes become durable, and how the in-memory store and the change feed come to hold
/// them: a journal on this machine (``Persistence``), or PostgreSQL shared by replicas
/// (``DatabasePersistence``).
///
/// Writes decide on ``latest`` and are answered once durable; readers are served
/// ``store``, which holds only what is durable, in version order, as ``feed`` announces it.
public protocol StoreOfRecord: Sendable {
    /// What readers are served: only durable versions, in order.
    var store: NewsStore { get }
    /// Announces each durable version to `/changes` subscribers.
    var feed: ChangeFeed { get }
    /// The state writes decide on: durable, plus what writes in flight have staged. Hold it
    /// only briefly.
    var latest: StoreSnapshot { get }
    /// Flushes so far (journal `fdatasync`s, or database commits): each made one or more
    /// write batches durable.
    var flushCount: Int { get }
    /// Write batches that changed something, durable or not yet.
    var stagedCount: UInt64 { get }
    /// How a replica stands against the database it shares; nil for a store of record of its own.
    var replication: ReplicationStatus? { get }

    /// Runs `decide` on the latest state and makes the changes it returns one version step,
    /// with no other write between, so that what it checks still holds when they apply; `read`
    /// takes what the answer needs from the state they made. Returns once they are durable and
    /// readers see them. `decide` and `read` may run more than once (when another replica wrote
    /// first), so keep them to checks, the making of changes and lookups.
    func write<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> Answer

    /// Does what ``write(_:reading:)`` does, but may return before the changes are durable,
    /// with a gate that opens once they are (and readers see them), for a response to wait on
    /// without holding a thread.
    func submit<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> (answer: Answer, durable: any ResponseGate)

    /// Does what ``submit(_:reading:)`` does for a write of one event that `decide` makes, and
    /// returns the event's JSON (as readers will be served it) with the gate: a journal writes
    /// its record from the same bytes.
    func submit(event decide: (StoreSnapshot) throws -> Event) throws -> (json: [UInt8], durable: any ResponseGate)

    /// Does what ``submit(event:)`` does for a new event: its id made from `base` (`base`, or
    /// `base-N` when taken) and `check` passed on the state it is written on. Returns the event
    /// as written, with its id. `check` may run more than once, on other threads; keep it to
    /// lookups.
    func submit(
        newEvent event: Event, idBase base: String, checking check: @escaping @Sendable (Event, StoreSnapshot) throws -> Void
    ) throws -> (event: Event, json: [UInt8], durable: any ResponseGate)

    /// Whether ``submit(_:reading:)`` returns without waiting for the flush: then a handler that
    /// writes only through it never blocks its thread (see `Router.add(_:_:blocking:_:)`).
    var submitsWithoutWaiting: Bool { get }

    /// Loads the durable state, running `seed` (through ``write(_:reading:)``) when there is none.
    func open(seed: () throws -> Void) throws

    /// Folds what has been written since the last snapshot into a new one, where the store of
    /// record keeps snapshots; otherwise nothing.
    func compact() throws
}

/// How far behind the shared database a replica is, and how often reaching it failed.
public struct ReplicationStatus: Sendable, Hashable {
    /// Versions the database holds that the replica has not applied yet.
    public var lag: UInt64
    /// Statements and connections that failed so far.
    public var errors: Int
}

extension StoreOfRecord {
    /// None: the journal is this process's own.
    public var replication: ReplicationStatus? { nil }

    /// No: ``submit(_:reading:)`` waits, as below.
    public var submitsWithoutWaiting: Bool { false }

    /// Waits, as ``write(_:reading:)`` does, and returns a gate that is open.
    public func submit<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> (answer: Answer, durable: any ResponseGate) {
        (try write(decide, reading: read), OpenGate())
    }

    /// Submits the event's upsert, as above, and encodes the event it decided.
    public func submit(event decide: (StoreSnapshot) throws -> Event) throws -> (json: [UInt8], durable: any ResponseGate) {
        let ((_, durable), event) = try StoreChange.upserting(decide) { try submit($0, reading: { _ in }) }
        return (try CompactJSONEncoder().encode(event), durable)
    }

    /// Submits the new event through ``submit(event:)``.
    public func submit(
        newEvent event: Event, idBase base: String, checking check: @escaping @Sendable (Event, StoreSnapshot) throws -> Void
    ) throws -> (event: Event, json: [UInt8], durable: any ResponseGate) {
        try decidingOnLatest(newEvent: event, idBase: base, checking: check)
    }

    /// The new event decided on the latest state, as ``submit(newEvent:idBase:checking:)``
    /// promises, through ``submit(event:)``.
    func decidingOnLatest(
        newEvent event: Event, idBase base: String, checking check: (Event, StoreSnapshot) throws -> Void
    ) throws -> (event: Event, json: [UInt8], durable: any ResponseGate) {
        var decided = event
        let (json, durable) = try submit(event: { latest in
            decided = event
            try check(decided, latest)
            decided.id = latest.uniqueID(from: base, for: .event)
            return decided
        })
        return (decided, json, durable)
    }

    /// Makes `changes` one durable version step and returns the version the store is at after it.
    @discardableResult
    public func commit(_ changes: [StoreChange]) throws -> UInt64 {
        try write({ _ in changes }, reading: { $0.version })
    }
}

extension StoreChange {
    /// Runs `write` with a `decide` that upserts the event `decide` makes, and returns what it
    /// returned with that event (the last one made, when `write` decides more than once).
    static func upserting<Written>(
        _ decide: (StoreSnapshot) throws -> Event, _ write: ((StoreSnapshot) throws -> [StoreChange]) throws -> Written
    ) throws -> (Written, Event) {
        var decided: Event?
        // Not re-entrant: `write` calls the closure and returns, and nothing else calls it.
        let written = try withoutActuallyEscaping(decide) { decide in
            try write { latest in
                let event = try decide(latest)
                decided = event
                return [.upsertEvent(event)]
            }
        }
        guard let event = decided else { preconditionFailure("a write decided its event") }
        return (written, event)
    }
}

/// A gate that is open from the start.
struct OpenGate: ResponseGate {
    func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) { opened(nil) }
}
