import Extraction
import HTTPServer
import HTTPTypes
import NewsModel

/// `POST /articles` (ingestion: extraction, linking, event merging) and `DELETE /articles/{id}`.
///
/// Posting an article the store already holds (the same `source.url`, or the same body once
/// cleaned) answers 200 with the stored one and writes nothing. An NDJSON body is a batch,
/// one article a line (``ArticleBatch``).
struct ArticleWriteRoutes: Sendable {
    let ingestion: Ingestion
    let bodyLimit: Int

    func register(in router: inout Router) {
        router.post("/articles") { request in
            if let contentType = request.headerFields.value(.contentType), WriteBody.isAccepted(contentType, [ArticleBatch.mediaType]) {
                return try batch(request)
            }
            let input = try ArticleInput.read(WriteBody.parse(request, accepting: .json, limit: bodyLimit))
            let outcome = try ingestion.ingest(input)
            let location = WriteResponse.location("articles", outcome.article.id)
            var response = try WriteResponse.json(
                outcome.duplicate ? .ok : .created, ArticleWriteReply(outcome),
                tag: Preconditions.entityTag(of: outcome.article),
                location: outcome.duplicate ? nil : location)
            if outcome.duplicate { response.headerFields[.contentLocation] = location }
            return response
        }
        router.delete("/articles/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            return try ingestion.answer(
                { latest in
                    let current = latest.article(id)
                    try Preconditions.check(request, current: current)
                    guard current != nil else { throw APIError.notFound("article", id) }
                    return [.deleteArticle(id: id)]
                }, with: WriteResponse.deleted)
        }
    }

    /// A batch: each line ingested on its own, the answer listing every line.
    private func batch(_ request: Request) throws(HTTPError) -> Response {
        guard request.body.count <= bodyLimit else {
            throw HTTPError(.contentTooLarge, detail: "The body is larger than \(bodyLimit) bytes.")
        }
        let results = try ArticleBatch.ingest(request.body, with: ingestion.ingest)
        var response = Response(status: .ok, contentType: Representation.json.contentType, bytes: ArticleBatch.reply(results))
        response.cacheability = .noStore
        return response
    }
}
