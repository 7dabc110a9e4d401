public import HTTPServer
import HTTPTypes
import Locking
public import NewsModel

/// Keeps finished GET responses of the read API for the current store version, keyed by the
/// request as normalized (path, query, and the fields the answer varies on), so a hot GET
/// costs a lookup. Every store write makes the cache stale at once: entries carry the
/// version they were made at.
///
/// Install it outermost: it keeps the finished response (CORS headers, encoded body, tag), keyed
/// also by `Origin`, and answers `If-None-Match` from it.
public struct ResponseCache: Middleware {
    private let store: NewsStore
    private let storage: Storage
    private let cachedPrefixes: [String]

    /// - Parameters:
    ///   - prefixes: paths (and their subpaths) whose answers depend on the store alone.
    ///   - maxBytes: a bound on the bodies held; past it the cache starts over.
    public init(
        store: NewsStore, prefixes: [String] = ["/events", "/entities", "/articles", "/timeline", "/search", "/openapi.json"],
        maxBytes: Int = 64 << 20
    ) {
        self.store = store
        self.cachedPrefixes = prefixes
        self.storage = Storage(maxBytes: maxBytes)
    }

    struct Key: Hashable {
        let target: String
        let accept: String?
        let acceptEncoding: String?
        let origin: String?
    }

    struct Entry {
        let version: UInt64
        let response: Response
    }

    final class Storage: Sendable {
        private let state = Locked<(entries: [Key: Entry], bytes: Int)>(([:], 0))
        let maxBytes: Int

        init(maxBytes: Int) { self.maxBytes = maxBytes }

        func get(_ key: Key, version: UInt64) -> Entry? {
            state.withLock { state in
                guard let entry = state.entries[key] else { return nil }
                return entry.version == version ? entry : nil
            }
        }

        func put(_ key: Key, _ entry: Entry, size: Int) {
            state.withLock { state in
                if state.bytes + size > maxBytes || state.entries.values.first.map({ $0.version != entry.version }) == true {
                    state = ([:], 0)  // Stale or full: start over rather than track recency.
                }
                state.entries[key] = entry
                state.bytes += size
            }
        }

        var count: Int { state.withLock { $0.entries.count } }
    }

    /// Entries held now (for tests and metrics).
    public var count: Int { storage.count }

    public func respond(to request: Request, next: any Responder) throws -> Response {
        guard request.method == .get || request.method == .head, isCacheable(request.path) else {
            return try next.respond(to: request)
        }
        let fields = request.headerFields
        let key = Key(
            target: request.head.path ?? request.path, accept: fields.value(.accept),
            acceptEncoding: fields.value(.acceptEncoding), origin: fields.value(.origin))
        let version = store.snapshot.version
        if let entry = storage.get(key, version: version) {
            return entry.response.answering(request)
        }
        var uncached = request
        uncached.head.headerFields[.ifNoneMatch] = nil
        let response = try next.respond(to: uncached)
        guard response.status == .ok, response.cacheability?.mayStore ?? true, let body = response.body.bytes else {
            return response
        }
        storage.put(key, Entry(version: version, response: response), size: body.count)
        return response.answering(request)
    }

    private func isCacheable(_ path: String) -> Bool {
        cachedPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
