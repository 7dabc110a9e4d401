import CoreMetrics
public import HTTPServer
import Locking
public import NewsModel
public import Prometheus

/// Request, connection and store metrics in the Prometheus text format, kept through
/// swift-metrics on a registry of its own (the global `MetricsSystem` is never bootstrapped, so
/// tests and several servers in one process keep separate counts).
///
/// ```swift
/// let metrics = MetricsObserver(store: store)
/// let server = HTTPServer(configuration: configuration, responder: responder, logger: logger,
///                         observer: ObserverGroup([AccessLog(logger: logger), metrics]))
/// // GET /metrics:
/// let body = metrics.exposition()
/// ```
///
/// | metric | type | labels |
/// | --- | --- | --- |
/// | `dateline_http_requests_total` | counter | `method`, `route`, `status` |
/// | `dateline_http_request_duration_seconds` | histogram | `route` |
/// | `dateline_http_open_connections` | gauge | |
/// | `dateline_http_request_body_bytes_total` | counter | |
/// | `dateline_http_response_bytes_total` | counter | |
/// | `dateline_store_articles`, `dateline_store_entities`, `dateline_store_events` | gauge | |
/// | `dateline_journal_flushes_total`, `dateline_journal_batches_total` | counter | |
///
/// `route` is the template that matched (`/events/{id}`), never the raw path; see
/// ``MetricsLabels`` for requests no route matched.
public final class MetricsObserver: HTTPServerObserver {
    /// The registry the metrics live in; `exposition()` renders it.
    public let registry: PrometheusCollectorRegistry
    private let store: NewsStore
    private let factory: PrometheusMetricsFactory
    private let series = Locked(Series())
    private let openConnections: CoreMetrics.Gauge
    private let bytesIn: CoreMetrics.Counter
    private let bytesOut: CoreMetrics.Counter
    private let storeArticles: CoreMetrics.Gauge
    private let storeEntities: CoreMetrics.Gauge
    private let storeEvents: CoreMetrics.Gauge
    private let persistence: (any StoreOfRecord)?
    private let journalFlushes: CoreMetrics.Counter
    private let journalBatches: CoreMetrics.Counter
    /// The flush and batch counts already added to the counters.
    private let journalCounted = Locked((flushes: 0, batches: UInt64(0)))
    /// With PostgreSQL as the store of record: how far behind the database this replica is, and
    /// its failures to reach it.
    private let replicationLag: CoreMetrics.Gauge?
    private let databaseErrors: CoreMetrics.Counter?
    private let databaseErrorsCounted = Locked(0)

    /// The swift-metrics handles made so far, one pair per label set, so a request costs one lookup.
    private struct Series {
        var requests: [RequestKey: (counter: CoreMetrics.Counter, timer: CoreMetrics.Timer)] = [:]
        var durations: [String: CoreMetrics.Timer] = [:]
    }

    private struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// Metric names, as they appear in the exposition.
    public enum Name {
        public static let requests = "dateline_http_requests_total"
        public static let duration = "dateline_http_request_duration_seconds"
        public static let openConnections = "dateline_http_open_connections"
        public static let bytesIn = "dateline_http_request_body_bytes_total"
        public static let bytesOut = "dateline_http_response_bytes_total"
        public static let storeArticles = "dateline_store_articles"
        public static let storeEntities = "dateline_store_entities"
        public static let storeEvents = "dateline_store_events"
        public static let journalFlushes = "dateline_journal_flushes_total"
        public static let journalBatches = "dateline_journal_batches_total"
        public static let replicationLag = "dateline_replication_lag_versions"
        public static let databaseErrors = "dateline_database_errors_total"
    }

    /// The upper bounds of the latency histogram's buckets: 0.1 ms to 1 s, about three a decade.
    public static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .microseconds(2500), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1),
    ]

    /// Metrics for a server over `store`, kept in `registry` (a new one by default); with
    /// `persistence`, also its flushes (journal `fdatasync`s or database commits) and the write
    /// batches they made durable (with group commit, one flush covers many batches); with
    /// PostgreSQL, also the replication lag and database errors.
    public init(
        store: NewsStore, persistence: (any StoreOfRecord)? = nil, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) {
        self.store = store
        self.persistence = persistence
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Name.duration] = Self.durationBuckets
        self.factory = factory
        openConnections = CoreMetrics.Gauge(label: Name.openConnections, factory: factory)
        bytesIn = CoreMetrics.Counter(label: Name.bytesIn, factory: factory)
        bytesOut = CoreMetrics.Counter(label: Name.bytesOut, factory: factory)
        storeArticles = CoreMetrics.Gauge(label: Name.storeArticles, factory: factory)
        storeEntities = CoreMetrics.Gauge(label: Name.storeEntities, factory: factory)
        storeEvents = CoreMetrics.Gauge(label: Name.storeEvents, factory: factory)
        journalFlushes = CoreMetrics.Counter(label: Name.journalFlushes, factory: factory)
        journalBatches = CoreMetrics.Counter(label: Name.journalBatches, factory: factory)
        let replicated = persistence?.replication != nil
        replicationLag = replicated ? CoreMetrics.Gauge(label: Name.replicationLag, factory: factory) : nil
        databaseErrors = replicated ? CoreMetrics.Counter(label: Name.databaseErrors, factory: factory) : nil
        databaseErrors?.increment(by: 0)
        openConnections.record(0)
        bytesIn.increment(by: 0)
        bytesOut.increment(by: 0)
        refreshStoreSizes()
    }

    public func requestCompleted(_ record: RequestRecord) {
        let route = MetricsLabels.route(record)
        let key = RequestKey(method: MetricsLabels.method(record.method), route: route, status: record.status.code)
        let (counter, timer) = series.withLock { series in
            if let handles = series.requests[key] { return handles }
            let timer = series.durations[route] ?? CoreMetrics.Timer(label: Name.duration, dimensions: [("route", route)], factory: factory)
            series.durations[route] = timer
            let handles = (counter: makeRequestCounter(key), timer: timer)
            series.requests[key] = handles
            return handles
        }
        counter.increment()
        timer.recordNanoseconds(Int64((max(0, record.duration) * 1e9).rounded()))
        bytesIn.increment(by: record.bytesIn)
        bytesOut.increment(by: record.bytesOut)
    }

    public func connectionOpened(open: Int) {
        openConnections.record(open)
    }

    public func connectionClosed(open: Int) {
        openConnections.record(open)
    }

    /// Reads the store's sizes into their gauges; `exposition()` calls it on every scrape.
    public func refreshStoreSizes() {
        let snapshot = store.snapshot
        storeArticles.record(snapshot.articleCount)
        storeEntities.record(snapshot.entityCount)
        storeEvents.record(snapshot.eventCount)
        guard let persistence else { return }
        let (flushes, batches) = (persistence.flushCount, persistence.stagedCount)
        let (newFlushes, newBatches) = journalCounted.withLock { counted in
            defer { counted = (flushes, batches) }
            return (flushes - counted.flushes, batches - counted.batches)
        }
        journalFlushes.increment(by: newFlushes)
        journalBatches.increment(by: Int(newBatches))
        guard let replication = persistence.replication else { return }
        replicationLag?.record(Int(replication.lag))
        let errors = replication.errors
        databaseErrors?.increment(
            by: databaseErrorsCounted.withLock { counted in
                defer { counted = errors }
                return errors - counted
            })
    }

    private func makeRequestCounter(_ key: RequestKey) -> CoreMetrics.Counter {
        CoreMetrics.Counter(
            label: Name.requests,
            dimensions: [("method", key.method), ("route", key.route), ("status", String(key.status))],
            factory: factory)
    }
}
