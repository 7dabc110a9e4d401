/// An entity-tag (RFC 9110 section 8.8.3): an opaque quoted string, possibly marked weak.
public struct EntityTag: Sendable, Hashable, CustomStringConvertible {
    /// The characters between the quotes.
    public var opaqueTag: String
    /// Whether the tag is weak (`W/"..."`).
    public var isWeak: Bool

    /// A tag from its opaque part; `opaqueTag` must hold only the characters RFC 9110 allows
    /// (no `"`, no spaces or controls).
    public init(_ opaqueTag: String, isWeak: Bool = false) {
        precondition(opaqueTag.utf8.allSatisfy(Self.isTagByte), "not a valid entity-tag: \(opaqueTag)")
        self.opaqueTag = opaqueTag
        self.isWeak = isWeak
    }

    /// Reads one entity-tag as it appears in an `ETag` field (`"abc"`, `W/"abc"`).
    public init?(parsing text: String) {
        var scanner = FieldScanner(text)
        scanner.skipOWS()
        guard let tag = scanner.entityTag() else { return nil }
        scanner.skipOWS()
        guard scanner.atEnd else { return nil }
        self = tag
    }

    /// The field value: `"abc"` or `W/"abc"`.
    public var description: String { (isWeak ? "W/\"" : "\"") + opaqueTag + "\"" }

    /// Strong comparison: both strong and the same opaque tag.
    public func matchesStrongly(_ other: EntityTag) -> Bool {
        !isWeak && !other.isWeak && opaqueTag == other.opaqueTag
    }

    /// Weak comparison, used by `If-None-Match`: the same opaque tag, whatever their weakness.
    public func matchesWeakly(_ other: EntityTag) -> Bool {
        opaqueTag == other.opaqueTag
    }

    /// What a conditional field such as `If-None-Match` or `If-Match` lists.
    public enum Condition: Sendable, Hashable {
        /// `*`: any current representation.
        case any
        /// A list of entity-tags.
        case tags([EntityTag])

        /// Parses the values of the field, joined with commas; nil when they are not a valid
        /// `*` or entity-tag list (the field is then to be ignored).
        public init?(parsing text: String) {
            var scanner = FieldScanner(text)
            scanner.skipOWS()
            if scanner.take(UInt8(ascii: "*")) {
                scanner.skipOWS()
                guard scanner.atEnd else { return nil }
                self = .any
                return
            }
            var tags: [EntityTag] = []
            while !scanner.atEnd {
                if scanner.take(UInt8(ascii: ",")) {
                    scanner.skipOWS()
                    continue
                }
                guard let tag = scanner.entityTag() else { return nil }
                tags.append(tag)
                scanner.skipOWS()
                guard scanner.atEnd || scanner.take(UInt8(ascii: ",")) else { return nil }
                scanner.skipOWS()
            }
            guard !tags.isEmpty else { return nil }
            self = .tags(tags)
        }

        /// Whether `tag` (the current representation's) matches by weak comparison, as
        /// `If-None-Match` requires.
        public func matchesWeakly(_ tag: EntityTag) -> Bool {
            switch self {
            case .any: true
            case .tags(let tags): tags.contains { $0.matchesWeakly(tag) }
            }
        }
    }

    /// `etagc = %x21 / %x23-7E / obs-text`.
    static func isTagByte(_ byte: UInt8) -> Bool {
        byte == 0x21 || (0x23...0x7E).contains(byte) || byte >= 0x80
    }
}

extension FieldScanner {
    /// Reads one entity-tag (`"abc"`, `W/"abc"`); otherwise stays where it was.
    fileprivate mutating func entityTag() -> EntityTag? {
        let start = index
        let weak = take(UInt8(ascii: "W")) && take(UInt8(ascii: "/"))
        if !weak { index = start }
        guard take(UInt8(ascii: "\"")) else {
            index = start
            return nil
        }
        let tagStart = index
        while index < bytes.count, EntityTag.isTagByte(bytes[index]) { index += 1 }
        let tagEnd = index
        guard take(UInt8(ascii: "\"")) else {
            index = start
            return nil
        }
        return EntityTag(String(decoding: bytes[tagStart..<tagEnd], as: UTF8.self), isWeak: weak)
    }
}
