import DatelineAPI
import Dispatch
import Foundation
import HTTPServer
import NewsModel
import Testing

@Suite struct MetricsObserverTests {
    typealias Name = MetricsObserver.Name

    func scrape(_ metrics: MetricsObserver) -> PrometheusText {
        PrometheusText(String(decoding: metrics.exposition(), as: UTF8.self))
    }

    @Test func requestsAreCountedByMethodRouteAndStatus() {
        let metrics = MetricsObserver(store: NewsStore())
        metrics.requestCompleted(.make("/events/a", route: "/events/{id}"))
        metrics.requestCompleted(.make("/events/b", route: "/events/{id}"))
        metrics.requestCompleted(.make("/events/c", route: "/events/{id}", status: 404))
        metrics.requestCompleted(.make("/events", method: .head, route: "/events"))
        metrics.requestCompleted(.make("/nothing/here", route: nil, status: 404))
        let text = scrape(metrics)
        #expect(text.value(Name.requests, ["method": "GET", "route": "/events/{id}", "status": "200"]) == 2)
        #expect(text.value(Name.requests, ["method": "GET", "route": "/events/{id}", "status": "404"]) == 1)
        #expect(text.value(Name.requests, ["method": "HEAD", "route": "/events", "status": "200"]) == 1)
        #expect(text.value(Name.requests, ["method": "GET", "route": "unmatched", "status": "404"]) == 1)
        #expect(text.samples(named: Name.requests).count == 4)
        #expect(!text.samples.contains { $0.labels["route"]?.hasPrefix("/events/") == true && $0.labels["route"] != "/events/{id}" })
    }

    @Test func latencyFallsIntoCumulativeBuckets() {
        let metrics = MetricsObserver(store: NewsStore())
        for duration in [0.00005, 0.0002, 0.003, 0.003, 0.7, 2.0] {
            metrics.requestCompleted(.make("/events", route: "/events", duration: duration))
        }
        let text = scrape(metrics)
        func bucket(_ le: String) -> Double? {
            text.value(Name.duration + "_bucket", ["route": "/events", "le": le])
        }
        #expect(bucket("0.0001") == 1)
        #expect(bucket("0.00025") == 2)
        #expect(bucket("0.0025") == 2)
        #expect(bucket("0.005") == 4)
        #expect(bucket("0.5") == 4)
        #expect(bucket("1.0") == 5)
        #expect(bucket("+Inf") == 6)
        #expect(text.value(Name.duration + "_count", ["route": "/events"]) == 6)
        let sum = text.value(Name.duration + "_sum", ["route": "/events"]) ?? 0
        #expect(abs(sum - 2.70625) < 1e-9)
        #expect(text.types[Name.duration] == "histogram")
    }

    @Test func bucketsSpanATenthOfAMillisecondToASecond() {
        let metrics = MetricsObserver(store: NewsStore())
        metrics.requestCompleted(.make("/healthz", route: "/healthz"))
        let bounds = scrape(metrics).samples(named: Name.duration + "_bucket").compactMap { $0.labels["le"] }
        #expect(bounds.first == "0.0001")
        #expect(bounds.suffix(2) == ["1.0", "+Inf"])
        let values = bounds.dropLast().compactMap(Double.init)
        #expect(values == values.sorted() && values.count == MetricsObserver.durationBuckets.count)
    }

    @Test func bytesInAndOutAddUp() {
        let metrics = MetricsObserver(store: NewsStore())
        metrics.requestCompleted(.make("/ingest", method: .post, route: "/ingest", bytesIn: 1200, bytesOut: 300))
        metrics.requestCompleted(.make("/events", route: "/events", bytesIn: 0, bytesOut: 4000))
        let text = scrape(metrics)
        #expect(text.value(Name.bytesIn) == 1200)
        #expect(text.value(Name.bytesOut) == 4300)
    }

    @Test func openConnectionsFollowTheServer() {
        let metrics = MetricsObserver(store: NewsStore())
        #expect(scrape(metrics).value(Name.openConnections) == 0)
        metrics.connectionOpened(open: 1)
        metrics.connectionOpened(open: 2)
        #expect(scrape(metrics).value(Name.openConnections) == 2)
        metrics.connectionClosed(open: 1)
        #expect(scrape(metrics).value(Name.openConnections) == 1)
        #expect(scrape(metrics).types[Name.openConnections] == "gauge")
    }

    @Test func storeSizesAreReadAtEachScrape() {
        let store = NewsStore()
        let metrics = MetricsObserver(store: store)
        #expect(scrape(metrics).value(Name.storeArticles) == 0)
        store.apply(
            Fixtures.entities.map(StoreChange.upsertEntity) + Fixtures.articles.map(StoreChange.upsertArticle)
                + Fixtures.events.map(StoreChange.upsertEvent))
        let text = scrape(metrics)
        #expect(text.value(Name.storeArticles) == Double(Fixtures.articles.count))
        #expect(text.value(Name.storeEntities) == Double(Fixtures.entities.count))
        #expect(text.value(Name.storeEvents) == Double(Fixtures.events.count))
    }

    @Test func journalFlushesAndBatchesAreCountedAtEachScrape() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        let metrics = MetricsObserver(store: persistence.store, persistence: persistence)
        let before = scrape(metrics)
        for number in 0..<3 { _ = try persistence.commit([PersistenceTests.entity(number)]) }
        let after = scrape(metrics)
        let flushes = try #require(after.value(Name.journalFlushes)) - (before.value(Name.journalFlushes) ?? 0)
        #expect(after.value(Name.journalBatches)! - (before.value(Name.journalBatches) ?? 0) == 3)
        #expect(flushes >= 1 && flushes <= 3)
        #expect(scrape(metrics).value(Name.journalBatches) == after.value(Name.journalBatches))
    }

    @Test func theExpositionParsesLineByLine() {
        let metrics = MetricsObserver(store: Fixtures.store())
        metrics.connectionOpened(open: 1)
        metrics.requestCompleted(.make("/search", route: "/search"))
        metrics.requestCompleted(.make("/events", method: .options, route: nil, status: 204))
        let raw = String(decoding: metrics.exposition(), as: UTF8.self)
        let text = PrometheusText(raw)
        #expect(text.malformed.isEmpty)
        #expect(raw.hasSuffix("\n"))
        for name in [Name.requests, Name.bytesIn, Name.bytesOut] { #expect(text.types[name] == "counter") }
        for name in [Name.openConnections, Name.storeArticles, Name.storeEntities, Name.storeEvents] {
            #expect(text.types[name] == "gauge")
        }
        for sample in text.samples {
            let family = [Name.duration].first { sample.name.hasPrefix($0) } ?? sample.name
            #expect(text.types[family] != nil, "\(sample.name) has no TYPE line")
        }
    }

    @Test func eachObserverKeepsItsOwnCounts() {
        let first = MetricsObserver(store: NewsStore())
        let second = MetricsObserver(store: NewsStore())
        first.requestCompleted(.make("/events", route: "/events"))
        #expect(scrape(first).value(Name.requests, ["method": "GET", "route": "/events", "status": "200"]) == 1)
        #expect(scrape(second).value(Name.requests, ["method": "GET", "route": "/events", "status": "200"]) == nil)
    }

    @Test func concurrentRequestsAreAllCounted() {
        let metrics = MetricsObserver(store: NewsStore())
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<500 {
                let route = ["/events", "/entities/{id}", "/search"][index % 3]
                metrics.requestCompleted(.make("/x\(worker)", route: route, bytesOut: 1))
            }
        }
        let text = scrape(metrics)
        let total = text.samples(named: Name.requests).reduce(0) { $0 + $1.value }
        #expect(total == 4000)
        #expect(text.value(Name.bytesOut) == 4000)
        #expect(text.value(Name.duration + "_count", ["route": "/search"]) == Double(8 * 166))
    }
}
