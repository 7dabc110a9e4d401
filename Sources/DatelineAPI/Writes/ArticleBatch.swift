import Extraction
import HTTPServer
import HTTPTypes

/// `POST /articles` with `Content-Type: application/x-ndjson`: many articles in one request,
/// one JSON object a line, each read and ingested on its own, in order. A bad line is answered
/// with its own problem and sinks nothing else; blank lines are skipped but counted, so that
/// line numbers are the sender's.
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

    /// Reads and ingests each line of `body` with `ingest`, in order.
    static func ingest(_ body: [UInt8], with ingest: (ArticleInput) throws -> Ingestion.Outcome) -> [LineResult] {
        lines(of: body).map { number, bytes in
            do {
                guard let tree = JSONValue.parse(Array(bytes)) else {
                    throw HTTPError(.badRequest, detail: "Line \(number) is not well-formed JSON.")
                }
                return LineResult(line: number, outcome: .success(try ingest(ArticleInput.read(tree))))
            } catch let error as HTTPError {
                return LineResult(line: number, outcome: .failure(error))
            } catch {
                return LineResult(
                    line: number, outcome: .failure(HTTPError(.internalServerError, detail: "Line \(number) could not be ingested.")))
            }
        }
    }

    /// The JSON answer for `results`.
    static func reply(_ results: [LineResult]) -> [UInt8] {
        var created = 0
        var duplicates = 0
        var failed = 0
        let items: [JSONValue] = results.map { result in
            var members: [String: JSONValue] = ["line": .int(result.line)]
            switch result.outcome {
            case .success(let outcome):
                let id = outcome.article.id
                members["article"] = .string(id)
                if outcome.duplicate {
                    duplicates += 1
                    members["status"] = .int(200)
                    members["duplicate"] = true
                } else {
                    created += 1
                    members["status"] = .int(201)
                    members["location"] = .string(WriteResponse.location("articles", id))
                }
            case .failure(let error):
                failed += 1
                members["status"] = .int(error.status.code)
                members["problem"] = .object(Dictionary(uniqueKeysWithValues: ProblemDetails.members(of: error)))
            }
            return .object(members)
        }
        var json: [UInt8] = []
        JSONWriter.appendObject(
            [("created", .int(created)), ("duplicates", .int(duplicates)), ("failed", .int(failed)), ("results", .array(items))],
            to: &json)
        return json
    }
}
