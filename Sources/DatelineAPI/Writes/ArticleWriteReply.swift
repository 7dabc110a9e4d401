import NewsModel

/// The answer to `POST /articles`: the article as stored, the ids of the entities it names,
/// and the events its ingestion created or merged into (none when it was already held).
struct ArticleWriteReply: Encodable, Sendable {
    struct Events: Encodable, Sendable {
        var created: [String]
        var merged: [String]
    }

    var article: Article
    var entities: [String]
    var events: Events

    init(_ outcome: Ingestion.Outcome) {
        article = outcome.article
        entities = outcome.entityIDs
        events = Events(created: outcome.createdEventIDs, merged: outcome.mergedEventIDs)
    }
}
