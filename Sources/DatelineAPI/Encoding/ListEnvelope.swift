/// The JSON shape of every list: `{"data": [...], "next": cursor-or-null, "total": n}`.
struct ListEnvelope<Item: Encodable>: Encodable {
    /// The items of this page.
    var data: [Item]
    /// The cursor of the next page; written as `null` on the last page.
    var next: String?
    /// How many items match across all pages.
    var total: Int

    private enum CodingKeys: String, CodingKey {
        case data, next, total
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(next, forKey: .next)
        try container.encode(total, forKey: .total)
    }
}
