import Extraction
import Feeds
import Foundation
import HTTPServer
import NewsModel

/// Where feed pages become articles: each page the poller hands over is read as a web page
/// (``ArticleInput/page(_:url:given:fallback:)``), the feed item filling in a headline, a date
/// or a source the page lacks, and ingested as `POST /articles` would.
struct FeedIngestion: Sendable {
    let ingestion: Ingestion

    /// Ingests one page; a page that cannot make an article throws, naming why.
    func ingest(_ page: FeedArticlePage) throws -> FeedIngestOutcome {
        let fallback = ArticleInput.PageFacts(
            title: page.item.title.isEmpty ? nil : page.item.title, publishedAt: page.item.published.map(Self.day),
            sourceURL: CanonicalURL(page.pageURL)?.string ?? page.pageURL)
        do {
            let input = try ArticleInput.page(
                page.html, url: page.pageURL, encoding: MediaTypeParameter.value("charset", in: page.contentType), given: .init(),
                fallback: fallback,
                canonicalOnSameHost: true)
            return try ingestion.ingest(input).duplicate ? .duplicate : .created
        } catch let error as HTTPError where error.status == .serviceUnavailable {
            // The store cannot take writes now: the page waits for a later poll.
            throw FeedSinkUnavailable(error.detail ?? "the store is unavailable")
        } catch let error as HTTPError {
            throw FeedPageRefused(error)
        }
    }

    /// The UTC day of a feed date (feeds give instants; the page's own date, when it has one,
    /// is the day as the publisher wrote it).
    static func day(_ date: Date) -> Day {
        Day(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// Why a feed's page made no article, in words for `GET /feeds`.
struct FeedPageRefused: Error, CustomStringConvertible {
    let description: String

    /// The fields at fault (`publishedAt is needed: the page gives no publication date.`), else
    /// the error's detail.
    init(_ error: HTTPError) {
        var problems: [String] = []
        if case .array(let fields)? = error.extensions["errors"] {
            problems = fields.compactMap { field -> String? in
                guard case .string(let name)? = field.members?["field"], case .string(let problem)? = field.members?["problem"] else {
                    return nil
                }
                return "\(name) \(problem)"
            }
        }
        description = problems.isEmpty ? error.detail ?? error.status.reasonPhrase : problems.joined(separator: " ")
    }
}
