/// How often one article mentions an entity: an element of the entity's sorted mention list.
struct MentionTally: Sendable, Hashable, KeyedElement {
    let articleId: String
    let count: Int

    var key: String { articleId }
}
