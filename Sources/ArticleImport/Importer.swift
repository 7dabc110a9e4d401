import Foundation
import Locking

/// Sends ``ImportItem``s to `POST /articles` in NDJSON batches, several at once, and tallies
/// what the server answered for each line.
///
/// A batch that gets no answer, or 503 or 429, is sent again after a pause: the server
/// recognises what it already stored, so a resent line is a duplicate, never a second copy (and
/// a line stored before its answer was lost is counted as a duplicate, not as new). For the
/// same reason an interrupted import can be run again from the start.
///
/// ```swift
/// let importer = Importer(transport: transport)
/// let tally = importer.run(ImportReader().items(paths: ["articles.ndjson"])) { print($0.progress(barWidth: nil)) }
/// ```
public struct Importer: Sendable {
    public struct Options: Sendable {
        /// The most articles in one batch.
        public var batchSize = 100
        /// The most bytes in one batch (keep it under the server's `limits.bodyBytes`); an
        /// article larger than this goes alone.
        public var batchBytes = 512 * 1024
        /// Batches in flight at once.
        public var parallel = 4
        /// How often a batch is sent again after no answer, 503 or 429.
        public var retries = 5
        /// The first pause before sending again; it doubles each time.
        public var retryPause: Double = 0.5

        public init() {}
    }

    let transport: any ImportTransport
    let options: Options

    public init(transport: any ImportTransport, options: Options = Options()) {
        self.transport = transport
        self.options = options
    }

    /// Imports `items`, calling `progress` after each batch (from the sending threads, one at a
    /// time), and returns the tally when every batch is answered.
    public func run(_ items: [ImportItem], progress: @escaping @Sendable (ImportTally) -> Void = { _ in }) -> ImportTally {
        let started = Date()
        let tally = Locked(ImportTally(total: items.count))
        // Items that could not be read fail at once; the rest go in batches.
        tally.withLock {
            $0.failures += items.filter { $0.line == nil }.map { .init(origin: $0.origin, message: $0.problem ?? "unreadable") }
        }
        let batches = Self.batches(items.filter { $0.line != nil }, size: options.batchSize, bytes: options.batchBytes)
        let next = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(options.parallel, batches.count)) {
            group.enter()
            Thread.detachNewThread {
                while let batch = next.withLock({ index -> [ImportItem]? in
                    defer { index += 1 }
                    return index < batches.count ? batches[index] : nil
                }) {
                    let answered = send(batch)
                    tally.withLock { current in
                        for (item, outcome) in zip(batch, answered) {
                            switch outcome {
                            case .created: current.created += 1
                            case .duplicate: current.duplicates += 1
                            case .failed(let message): current.failures.append(.init(origin: item.origin, message: message))
                            }
                        }
                        current.elapsed = Date().timeIntervalSince(started)
                        progress(current)
                    }
                }
                group.leave()
            }
        }
        group.wait()
        return tally.withLock { current in
            current.elapsed = Date().timeIntervalSince(started)
            return current
        }
    }

    /// What the server answered for one line.
    enum LineOutcome: Equatable {
        case created
        case duplicate
        case failed(String)
    }

    /// Consecutive runs of `items`, each at most `size` items and `bytes` bytes (but one item).
    static func batches(_ items: [ImportItem], size: Int, bytes: Int) -> [[ImportItem]] {
        var batches: [[ImportItem]] = []
        var current: [ImportItem] = []
        var currentBytes = 0
        for item in items {
            let length = (item.line?.count ?? 0) + 1
            if !current.isEmpty && (current.count >= size || currentBytes + length > bytes) {
                batches.append(current)
                current = []
                currentBytes = 0
            }
            current.append(item)
            currentBytes += length
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Posts one batch, again after a pause while the server is unavailable, and reads the
    /// outcome of each of its lines.
    func send(_ batch: [ImportItem]) -> [LineOutcome] {
        var body: [UInt8] = []
        for item in batch {
            body += item.line ?? []
            body.append(UInt8(ascii: "\n"))
        }
        var pause = options.retryPause
        var lastProblem = ""
        for attempt in 0...options.retries {
            if attempt > 0 {
                Thread.sleep(forTimeInterval: pause)
                pause *= 2
            }
            do {
                let (status, answer) = try transport.postBatch(body)
                // 422 with `results`: no line of the batch was an article, each says why.
                if status == 200 || status == 422, let outcomes = Self.outcomes(of: answer, lines: batch.count) { return outcomes }
                lastProblem = Self.problemMessage(status: status, body: answer)
                if status != 503 && status != 429 { break }
            } catch {
                lastProblem = "no answer from the server (\(error))"
            }
        }
        return Array(repeating: .failed(lastProblem), count: batch.count)
    }

    /// The outcome of each of `lines` lines from a batch answer's `results` (nil without them);
    /// a line the answer does not list failed.
    static func outcomes(of answer: [UInt8], lines: Int) -> [LineOutcome]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any],
            let results = object["results"] as? [[String: Any]]
        else { return nil }
        var outcomes = Array(repeating: LineOutcome.failed("the server's answer did not list this line"), count: lines)
        for result in results {
            guard let line = result["line"] as? Int, (1...lines).contains(line), let status = result["status"] as? Int else { continue }
            switch status {
            case 201: outcomes[line - 1] = .created
            case 200: outcomes[line - 1] = .duplicate
            default:
                outcomes[line - 1] = .failed(Self.problemMessage(status: status, problem: result["problem"] as? [String: Any] ?? [:]))
            }
        }
        return outcomes
    }

    /// `422 Unprocessable Content: The body has errors. (body: is required)`, from a problem body.
    static func problemMessage(status: Int, body: [UInt8]) -> String {
        problemMessage(status: status, problem: (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:])
    }

    static func problemMessage(status: Int, problem: [String: Any]) -> String {
        var message = "\(status)"
        if let title = problem["title"] as? String { message += " \(title)" }
        if let detail = problem["detail"] as? String { message += ": \(detail)" }
        let fields = (problem["errors"] as? [[String: Any]] ?? []).compactMap { error -> String? in
            guard let field = error["field"] as? String, let text = error["problem"] as? String else { return nil }
            return "\(field): \(text)"
        }
        if !fields.isEmpty { message += " (" + fields.joined(separator: "; ") + ")" }
        return message
    }
}
