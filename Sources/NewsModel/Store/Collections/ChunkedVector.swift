/// A growable array split into fixed chunks, so that a copy shares every chunk and a write
/// copies only the chunk it touches (plus the small array of chunk references).
struct ChunkedVector<Element: Sendable>: Sendable {
    private static var shift: Int { 8 }
    private static var mask: Int { (1 << shift) - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    subscript(index: Int) -> Element {
        get { chunks[index >> Self.shift][index & Self.mask] }
        set { chunks[index >> Self.shift][index & Self.mask] = newValue }
    }

    mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.mask + 1)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}
