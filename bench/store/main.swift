import HTTPServer
import Hashing
import NewsModel

// Loads a synthetic corpus of events (100,000 unless STORE_BENCH_EVENTS says otherwise, with
// one entity for every 20 events and three articles for every 100) into a NewsStore and
// measures query latency, memory and the cost of one write.
// Run in release: swift run -c release store-bench, or STORE_BENCH_EVENTS=1000000 for a million.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The corpus's generator: every run sees the same corpus and queries.
extension SplitMix64 {
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Skewed towards 0: a few items are picked often, most rarely (as names in news are).
    mutating func skewed(_ bound: Int) -> Int { min(bound - 1, Int(pow(unit(), 3) * Double(bound))) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

let eventCount = getenv("STORE_BENCH_EVENTS").flatMap { Int(String(cString: $0)) } ?? 100_000
let entityCount = max(1, eventCount / 20)
let articleCount = max(1, eventCount * 3 / 100)
var random = SplitMix64(seed: 2024)

let syllables = [
    "ka", "lo", "mi", "tra", "ven", "dor", "sa", "qui", "ber", "nal", "os", "tek", "ru", "zan", "phi", "mar", "el", "gon", "dy", "is",
]
func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
func word(_ random: inout SplitMix64, _ parts: Int) -> String { (0..<parts).map { _ in random.pick(syllables) }.joined() }
let vocabulary = Array(Set((0..<3_000).map { _ in word(&random, 2 + random.int(2)) })).sorted()
func phrase(_ random: inout SplitMix64, _ count: Int) -> String {
    (0..<count).map { _ in vocabulary[random.skewed(vocabulary.count)] }.joined(separator: " ")
}

let entityTypes: [EntityType] = [.person, .person, .person, .organization, .organization, .location, .group]
let entities: [Entity] = (0..<entityCount).map { index in
    let name = "\(capitalized(word(&random, 2))) \(capitalized(word(&random, 3)))"
    let aliases = (0..<random.int(3)).map { _ in capitalized(word(&random, 3)) }
    return Entity(id: "entity-\(index)", name: name, type: random.pick(entityTypes), aliases: aliases)
}
let locations = entities.filter { $0.type == .location }.map(\.id)

let startDay = Day(year: 2015, month: 1, day: 1)!.ordinal
let span = 3_650
var articles: [Article] = []
var sentencesByArticle: [[String]] = []
for index in 0..<articleCount {
    let sentences = (0..<(8 + random.int(12))).map { _ in phrase(&random, 12 + random.int(14)) + "." }
    var mentions: [Mention] = []
    for (sentence, _) in sentences.enumerated() where random.int(2) == 0 {
        for _ in 0..<(1 + random.int(3)) {
            mentions.append(Mention(entityId: "entity-\(random.skewed(entityCount))", sentenceIndex: sentence, start: 0, end: 1, text: "x"))
        }
    }
    let body = sentences.joined(separator: " ")
    articles.append(
        Article(
            id: "article-\(index)", title: capitalized(phrase(&random, 6 + random.int(5))), body: body,
            source: Source(name: "Wire"), publishedAt: Day(ordinal: startDay + random.int(span)), mentions: mentions))
    sentencesByArticle.append(sentences)
}

@MainActor
func makeEvent(_ index: Int, _ random: inout SplitMix64) -> Event {
    let day = Day(ordinal: startDay + random.int(span))
    let date: EventDate?
    switch random.int(20) {
    case 0: date = nil
    case 1, 2:
        date = EventDate(
            phrase: "in \(day.year)", value: String(day.year), precision: .year,
            earliest: Day(year: day.year, month: 1, day: 1)!, latest: Day(year: day.year, month: 12, day: 31)!)
    case 3...7:
        let month = String(day.description.prefix(7))
        date = EventDate(
            phrase: month, value: month, precision: .month, earliest: Day.first(ofMonth: day.month, year: day.year)!,
            latest: Day.last(ofMonth: day.month, year: day.year)!)
    default: date = .day(day, phrase: "on \(day)")
    }
    let participants = (0..<(1 + random.int(4))).map { _ in
        Participant(entityId: "entity-\(random.skewed(entityCount))", role: random.pick(Participant.Role.allCases))
    }
    let sources = (0..<(1 + random.int(2))).map { _ in
        let article = random.int(articleCount)
        let sentence = random.int(sentencesByArticle[article].count)
        return EventSource(
            articleId: "article-\(article)", sentenceIndex: sentence, start: 0, end: 1, quote: sentencesByArticle[article][sentence])
    }
    return Event(
        id: "event-\(index)", type: random.pick(EventType.allCases), summary: phrase(&random, 6 + random.int(5)),
        date: date, status: random.pick(EventStatus.allCases),
        location: random.int(3) == 0 ? random.pick(locations) : nil, participants: participants, sources: sources)
}

func residentMegabytes() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return .nan }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmRSS:") {
            return Double(text.split(separator: " ")[1]).map { $0 / 1024 } ?? .nan
        }
    }
    return .nan
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
}

/// This thread's CPU time in milliseconds: unlike the wall clock, it does not count time spent
/// preempted, which dominates the tail on a busy machine.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
}

func percentiles(_ samples: [Double]) -> (p50: Double, p99: Double, max: Double) {
    let sorted = samples.sorted()
    return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)], sorted.last!)
}

let clock = ContinuousClock()
let store = NewsStore()
var loadTime = 0.0
var loadStart = clock.now
store.apply(entities.map(StoreChange.upsertEntity) + articles.map(StoreChange.upsertArticle))

/// One event written at a time, each its own version, at a few store sizes: whether a write's
/// cost grows with the store. Each write is published on its own (`NewsStore.upsert`), or, as
/// the server's group commit does, applied to a `StoreDraft` with a snapshot published for every
/// `groupSize` writes. Not counted in the load time.
struct WriteGrowth {
    var events: Int
    var cpu: (p50: Double, p99: Double, max: Double)
    var rate: Double
}
var growth: [WriteGrowth] = []
var groupedGrowth: [WriteGrowth] = []
let groupSize = 32
var probes = 0
@MainActor
func nextProbe() -> Event {
    var event = makeEvent(eventCount + 1_000 + probes, &random)
    event.id = "probe-\(probes)"
    probes += 1
    return event
}
@MainActor
func measureSingleWrites() {
    var cpu: [Double] = []
    var start = clock.now
    for _ in 0..<1_000 {
        let event = nextProbe()
        let before = threadCPUMilliseconds()
        store.upsert(event)
        cpu.append(threadCPUMilliseconds() - before)
    }
    growth.append(
        WriteGrowth(events: store.snapshot.eventCount, cpu: percentiles(cpu), rate: 1_000 / (milliseconds(clock.now - start) / 1_000)))

    cpu.removeAll()
    start = clock.now
    var draft = StoreDraft(store.snapshot)
    for index in 0..<1_024 {
        let event = nextProbe()
        let before = threadCPUMilliseconds()
        draft.apply([.upsertEvent(event)])
        if (index + 1) % groupSize == 0 { store.publish(draft.takeSnapshot()) }
        cpu.append(threadCPUMilliseconds() - before)
    }
    groupedGrowth.append(
        WriteGrowth(events: store.snapshot.eventCount, cpu: percentiles(cpu), rate: 1_024 / (milliseconds(clock.now - start) / 1_000)))
}

let checkpoints: Set<Int> = [10_000, 100_000, 1_000_000]
var batch: [StoreChange] = []
for index in 0..<eventCount {
    batch.append(.upsertEvent(makeEvent(index, &random)))
    if batch.count == 10_000 || index + 1 == eventCount {
        store.apply(batch)
        batch.removeAll(keepingCapacity: true)
    }
    if checkpoints.contains(index + 1) {
        loadTime += milliseconds(clock.now - loadStart)
        measureSingleWrites()
        loadStart = clock.now
    }
}
loadTime += milliseconds(clock.now - loadStart)
let rss = residentMegabytes()
// What the server holds after a restart has loaded its store: glibc keeps freed pages otherwise.
FreedMemory.returnToSystem()
let trimmedRSS = residentMegabytes()

let snapshot = store.snapshot
var entityLatencies: [Double] = []
var entityCPU: [Double] = []
var resultCount = 0
for _ in 0..<5_000 {
    let entity = "entity-\(random.skewed(entityCount))"
    let from = Day(ordinal: startDay + random.int(span))
    let to = from.adding(days: 30 + random.int(1_000))
    let query = EventQuery(from: from, to: to, entities: [entity], limit: 50)
    let (start, cpu) = (clock.now, threadCPUMilliseconds())
    let page = try snapshot.events(query)
    entityLatencies.append(milliseconds(clock.now - start))
    entityCPU.append(threadCPUMilliseconds() - cpu)
    resultCount += page.total
}

var searchLatencies: [Double] = []
var searchCPU: [Double] = []
var searchQueries: [String] = []
var hitCount = 0
for index in 0..<5_000 {
    let query: String
    switch index % 3 {
    case 0: query = entities[random.skewed(entityCount)].name
    case 1: query = random.pick(vocabulary)
    default: query = "\(random.pick(vocabulary)) \(random.pick(vocabulary))"
    }
    let (start, cpu) = (clock.now, threadCPUMilliseconds())
    let hits = snapshot.search(query, limit: 20)
    searchLatencies.append(milliseconds(clock.now - start))
    searchCPU.append(threadCPUMilliseconds() - cpu)
    searchQueries.append(query)
    hitCount += hits.count
}

var writeLatencies: [Double] = []
var writeCPU: [Double] = []
for index in 0..<200 {
    let event = makeEvent(eventCount + index, &random)
    let (start, cpu) = (clock.now, threadCPUMilliseconds())
    store.upsert(event)
    writeLatencies.append(milliseconds(clock.now - start))
    writeCPU.append(threadCPUMilliseconds() - cpu)
}

let entityStats = percentiles(entityLatencies)
let searchStats = percentiles(searchLatencies)
let writeStats = percentiles(writeLatencies)
let (entityCPUStats, searchCPUStats, writeCPUStats) = (percentiles(entityCPU), percentiles(searchCPU), percentiles(writeCPU))
func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

print(
    """
    Store benchmark: \(store.snapshot.eventCount) events, \(store.snapshot.entityCount) entities, \(store.snapshot.articleCount) articles \
    (loaded in \(format(loadTime / 1_000)) s, in batches of 10,000 changes)

    | Measure | wall p50 (ms) | wall p99 (ms) | wall max (ms) | CPU p50 (ms) | CPU p99 (ms) | Target |
    |---|---:|---:|---:|---:|---:|---|
    | events(entity:, from:, to:) ×\(entityLatencies.count) | \(format(entityStats.p50)) | \(format(entityStats.p99)) | \(format(entityStats.max)) | \(format(entityCPUStats.p50)) | \(format(entityCPUStats.p99)) | p99 < 2 ms |
    | search(q) ×\(searchLatencies.count) | \(format(searchStats.p50)) | \(format(searchStats.p99)) | \(format(searchStats.max)) | \(format(searchCPUStats.p50)) | \(format(searchCPUStats.p99)) | p99 < 2 ms |
    | one event upsert ×\(writeLatencies.count) | \(format(writeStats.p50)) | \(format(writeStats.p99)) | \(format(writeStats.max)) | \(format(writeCPUStats.p50)) | \(format(writeCPUStats.p99)) | |

    | Memory | Value | Target |
    |---|---:|---|
    | RSS after loading (VmRSS) | \(format(rss)) MB | < 300 MB per 100,000 events |
    | RSS once freed pages are handed back (`malloc_trim`, as the server does after a restart) | \(format(trimmedRSS)) MB | |

    | Single writes at store size | CPU p50 (ms) | CPU p99 (ms) | CPU max (ms) | writes/s (wall, one thread) |
    |---|---:|---:|---:|---:|
    \(growth.map { "| \($0.events) events, each published | \(format($0.cpu.p50)) | \(format($0.cpu.p99)) | \(format($0.cpu.max)) | \(Int($0.rate)) |" }.joined(separator: "\n"))
    \(groupedGrowth.map { "| \($0.events) events, a snapshot every \(groupSize) | \(format($0.cpu.p50)) | \(format($0.cpu.p99)) | \(format($0.cpu.max)) | \(Int($0.rate)) |" }.joined(separator: "\n"))

    Slowest searches (CPU): \(zip(searchCPU, searchQueries).sorted { $0.0 > $1.0 }.prefix(5).map { "\"\($0.1)\" \(format($0.0)) ms" }.joined(separator: ", "))

    (mean matches per entity query: \(resultCount / entityLatencies.count); mean hits per search: \(hitCount / searchLatencies.count))
    """)
