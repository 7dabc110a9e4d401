/// How a response may be kept by caches, shared or private: the `Cache-Control` directives
/// (RFC 9111 section 5.2.2) a response goes out with.
public enum Cacheability: Sendable, Hashable {
    /// `no-store`: never kept (writes, problems, streams, metrics).
    case noStore
    /// `no-cache`: kept, but revalidated with its validators before every use.
    case revalidate
    /// `public, max-age=N`, plus `immutable` when the bytes under this URL never change.
    case fresh(maxAge: Int, immutable: Bool)

    /// The `Cache-Control` field value.
    public var fieldValue: String {
        switch self {
        case .noStore: "no-store"
        case .revalidate: "no-cache"
        case .fresh(let maxAge, let immutable): "public, max-age=\(maxAge)" + (immutable ? ", immutable" : "")
        }
    }

    /// Whether a cache may keep the response at all.
    public var mayStore: Bool { self != .noStore }
}
