/// Where a page ended, as an opaque token: base64url of
/// `1.<filter hash>.<day or _>.<serial>.<id>`, the sort key and id of the last item and a
/// hash of the filters it was made for.
///
/// The position is a key, not an offset, so a cursor stays right when items are added or
/// removed before it; the hash makes a cursor used with other filters fail loudly.
struct PageCursor: Sendable, Hashable {
    var filterHash: UInt64
    /// The sort day of the last item, nil when undated (or not sorted by day).
    var day: Int32?
    var serial: UInt32
    var id: String

    var sortKey: SortKey {
        SortKey(day: day ?? SortKey.undated, serial: serial)
    }

    init(filterHash: UInt64, day: Int32?, serial: UInt32, id: String) {
        self.filterHash = filterHash
        self.day = day
        self.serial = serial
        self.id = id
    }

    init(filters: String, key: SortKey, id: String) {
        self.init(filterHash: PageCursor.hash(filters), day: key.isDated ? key.day : nil, serial: key.serial, id: id)
    }

    var encoded: String {
        let hash = String(filterHash, radix: 16)
        let text = "1.\(hash).\(day.map { String($0) } ?? "_").\(serial).\(id)"
        return Base64URL.encode(Array(text.utf8))
    }

    /// Reads a cursor and checks it was made for `filters`.
    init(decoding text: String, filters: String) throws(StoreQueryError) {
        guard let bytes = Base64URL.decode(text) else { throw .malformedCursor("not base64url") }
        guard let plain = String(validating: bytes, as: UTF8.self) else { throw .malformedCursor("not UTF-8 text") }
        let fields = plain.split(separator: ".", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0] == "1" else {
            throw .malformedCursor("expected version 1 and five fields")
        }
        guard let hash = UInt64(fields[1], radix: 16) else { throw .malformedCursor("bad filter hash") }
        let day: Int32?
        if fields[2] == "_" {
            day = nil
        } else if let value = Int32(fields[2]), value != SortKey.undated {
            day = value
        } else {
            throw .malformedCursor("bad sort day")
        }
        guard let serial = UInt32(fields[3]) else { throw .malformedCursor("bad position") }
        guard hash == PageCursor.hash(filters) else { throw .cursorMismatch }
        self.init(filterHash: hash, day: day, serial: serial, id: String(fields[4]))
    }

    /// 64-bit FNV-1a: stable across processes, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
