extension StoreSnapshot {
    /// The id of an article held with this source URL (compared with scheme and host
    /// lower-cased, surrounding white space and trailing slashes dropped) or, failing that, with
    /// exactly this body; the lowest id when several match. Found through indexes the store keeps
    /// on every write, so the cost does not grow with the number of articles.
    public func duplicateArticle(url: String?, body: String) -> String? {
        if let url, let id = state.duplicateKeys.articles(atURL: url).first {
            return id
        }
        return state.duplicateKeys.articles(withBodyLike: body).first { state.articles[$0]?.body == body }
    }
}
