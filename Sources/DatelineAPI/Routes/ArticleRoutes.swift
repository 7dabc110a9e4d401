import HTTPServer
import NewsModel

/// `/articles`, `/articles/{id}` and what an article names and reports.
struct ArticleRoutes: Sendable {
    let store: NewsStore

    func register(in router: inout Router) {
        router.get("/articles") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .pagedList)
            let page: Page<Article>
            do {
                page = try context.snapshot.articles(limit: context.parameters.limit(), cursor: context.parameters.text("cursor"))
            } catch let error as StoreQueryError {
                throw APIError.query(error)
            }
            return try context.list(page.items.map(ArticleSummary.init), next: page.next, total: page.total)
        }
        router.get("/articles/{id}") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            return try context.single(try article(context))
        }
        router.get("/articles/{id}/entities") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .pagedList)
            let article = try article(context)
            let entities = context.snapshot.entities(forArticle: article.id)
            let order = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            let slice = try ListSlice(
                entities, scope: "article-entities:\(article.id)", limit: context.parameters.limit(),
                cursor: context.parameters.text("cursor")
            ) { [ListCursor.ordered(order[$0.id] ?? 0), $0.id] }
            return try context.list(slice.items, next: slice.next, total: slice.total)
        }
        router.get("/articles/{id}/events") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: EventRoutes.slicedList)
            let article = try article(context)
            let slice = try ListSlice(
                context.snapshot.events(forArticle: article.id), scope: "article-events:\(article.id)",
                limit: context.parameters.limit(), cursor: context.parameters.text("cursor"),
                key: EventRoutes.dateKey)
            return try context.list(slice.items, next: slice.next, total: slice.total, csv: EventCSV.document)
        }
    }

    private func article(_ context: APIContext) throws(HTTPError) -> Article {
        guard let article = context.snapshot.article(context.id) else { throw APIError.notFound("article", context.id) }
        return article
    }
}
