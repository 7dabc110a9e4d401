import Extraction
import HTTPServer
import HTTPTypes

/// `POST /articles` with `Content-Type: application/x-ndjson`: many articles in one request,
/// one JSON object a line, each read and ingested on its own, in order. A bad line is answered
/// with its own problem and sinks nothing else; blank lines are skipped but counted, so that
/// line numbers are the sender's. A batch none of whose lines is an article is refused whole
/// (422, with the same `results`).
///
/// The answer (200) counts what happened and lists every line:
///
/// ```json
/// {"created": 1, "duplicates": 1, "failed": 1, "results": [
///   {"line": 1, "status": 201, "article": "putin-hosts-abbas", "location": "/articles/putin-hosts-abbas"},
///   {"line": 2, "status": 200, "article": "putin-hosts-abbas", "duplicate": true},
///   {"line": 3, "status": 400, "problem": {"type": "about:blank", "title": "Bad Request", ...}}]}
/// ```
struct ArticleBatch {
    /// The media type of a batch body.
    static let mediaType = "application/x-ndjson"

    /// How one line ended.
    struct LineResult {
        /// The line's number in the body, from 1.
        var line: Int
        var outcome: Result<Ingestion.Outcome, HTTPError>
    }

    /// The non-blank lines of `body`, with their numbers, a trailing carriage return dropped.
    static func lines(of body: [UInt8]) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard trimmed.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { return nil }
            return (index + 1, trimmed)
        }
    }

    /// Reads every line of `body`, then ingests those that are articles with `ingest`, in order.
    /// - Throws: 422 when no line is an article (the batch is not one), its `results` member
    ///   listing each line's problem; 503 as soon as the store refuses a write, the batch to be
    ///   sent again (what was stored before is then found as duplicates).
    static func ingest(_ body: [UInt8], with ingest: (ArticleInput) throws -> Ingestion.Outcome) throws(HTTPError) -> [LineResult] {
        let lines = lines(of: body)
        guard !lines.isEmpty else {
            throw HTTPError(.badRequest, detail: "The batch has no lines; it needs one JSON article a line.")
        }
        let read = lines.map { number, bytes -> (Int, Result<ArticleInput, HTTPError>) in
            guard let tree = JSONParser.parse(bytes) else {
                return (number, .failure(HTTPError(.badRequest, detail: "Line \(number) is not well-formed JSON.")))
            }
            return (number, Result { () throws(HTTPError) in try ArticleInput.read(tree) })
        }
        guard read.contains(where: { (try? $0.1.get()) != nil }) else {
            let results = read.compactMap { number, input -> LineResult? in
                guard case .failure(let error) = input else { return nil }
                return LineResult(line: number, outcome: .failure(error))
            }
            throw HTTPError(
                .unprocessableContent, detail: "No line of the batch is an article; results lists the problem of each.",
                extensions: ["results": .array(results.map(item))])
        }
        var results: [LineResult] = []
        for (number, input) in read {
            let article: ArticleInput
            switch input {
            case .success(let read): article = read
            case .failure(let error):
                results.append(LineResult(line: number, outcome: .failure(error)))
                continue
            }
            do {
                results.append(LineResult(line: number, outcome: .success(try ingest(article))))
            } catch let error as HTTPError where error.status == .serviceUnavailable {
                // The store takes no writes now: the whole batch is answered 503 (with its
                // Retry-After), to be sent again; the lines stored before are then duplicates.
                throw error
            } catch let error as HTTPError {
                results.append(LineResult(line: number, outcome: .failure(error)))
            } catch {
                results.append(
                    LineResult(
                        line: number, outcome: .failure(HTTPError(.internalServerError, detail: "Line \(number) could not be ingested."))))
            }
        }
        return results
    }

    /// The JSON answer for `results`.
    static func reply(_ results: [LineResult]) -> [UInt8] {
        var counts = (created: 0, duplicates: 0, failed: 0)
        for result in results {
            switch result.outcome {
            case .success(let outcome) where outcome.duplicate: counts.duplicates += 1
            case .success: counts.created += 1
            case .failure: counts.failed += 1
            }
        }
        var json: [UInt8] = []
        JSONWriter.appendObject(
            [
                ("created", .int(counts.created)), ("duplicates", .int(counts.duplicates)), ("failed", .int(counts.failed)),
                ("results", .array(results.map(item))),
            ],
            to: &json)
        return json
    }

    /// One line's entry in `results`.
    static func item(_ result: LineResult) -> JSONValue {
        var members: [String: JSONValue] = ["line": .int(result.line)]
        switch result.outcome {
        case .success(let outcome):
            members["article"] = .string(outcome.article.id)
            members["status"] = .int(outcome.duplicate ? 200 : 201)
            if outcome.duplicate {
                members["duplicate"] = true
            } else {
                members["location"] = .string(WriteResponse.location("articles", outcome.article.id))
            }
        case .failure(let error):
            members["status"] = .int(error.status.code)
            members["problem"] = .object(Dictionary(uniqueKeysWithValues: ProblemDetails.members(of: error)))
        }
        return .object(members)
    }
}
