#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a connection has queued for its client, in order, and how far the first piece is
/// already sent. Knows nothing of sockets: a writer asks for the pieces, sends what it can and
/// reports the count back with `consume`.
struct OutputQueue {
    /// Past this many queued bytes a connection stops reading more requests until the client
    /// catches up.
    static let highWater = 256 * 1024
    /// The most pieces handed to one `writev`.
    static let maxVectors = 16
    /// What `coalesced` joins up to: one TLS record's worth.
    static let coalesceLimit = 16 * 1024

    private var pieces: [[UInt8]] = []
    /// Bytes of `pieces[0]` already sent.
    private var offset = 0
    /// Bytes queued and not yet sent.
    private(set) var count = 0

    var isEmpty: Bool { pieces.isEmpty }
    /// Whether so much is queued that reading more requests should wait.
    var isAboveHighWater: Bool { count >= Self.highWater }

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pieces.append(bytes)
        count += bytes.count
    }

    /// Marks `sent` bytes from the front as written.
    mutating func consume(_ sent: Int) {
        precondition(sent <= count, "consumed more than was queued")
        var remaining = sent
        count -= sent
        while remaining > 0 {
            let available = pieces[0].count - offset
            if remaining >= available {
                remaining -= available
                pieces.removeFirst()
                offset = 0
            } else {
                offset += remaining
                remaining = 0
            }
        }
    }

    /// Drops everything queued (the connection is closing).
    mutating func removeAll() {
        pieces.removeAll()
        offset = 0
        count = 0
    }

    /// Calls `body` with I/O vectors over the unsent bytes of up to `maxVectors` pieces, in
    /// order, for one gathered write; returns what `body` returns. The vectors live on the stack
    /// and are valid only inside `body`.
    func withIOVectors<Result>(_ body: (UnsafeMutableBufferPointer<iovec>) -> Result) -> Result {
        let taken = min(pieces.count, Self.maxVectors)
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: taken) { vectors in
            func fill(_ index: Int) -> Result {
                if index == taken { return body(vectors) }
                return pieces[index].withUnsafeBytes { raw in
                    let skip = index == 0 ? offset : 0
                    vectors[index] = iovec(
                        iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + skip),
                        iov_len: raw.count - skip)
                    return fill(index + 1)
                }
            }
            return fill(0)
        }
    }

    /// Calls `body` with the unsent bytes of the first piece.
    func withFirstPiece<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        pieces[0].withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[offset...])) }
    }

    /// Joins the first pieces up to `coalesceLimit`, so a small head and body leave in one TLS
    /// record and one send. Only before the first piece is partly written: OpenSSL wants a
    /// retried write to carry the same bytes.
    mutating func coalesce() {
        guard offset == 0, pieces.count > 1, pieces[0].count < Self.coalesceLimit else { return }
        var merged = pieces[0]
        var taken = 1
        while taken < pieces.count, merged.count + pieces[taken].count <= Self.coalesceLimit {
            merged += pieces[taken]
            taken += 1
        }
        guard taken > 1 else { return }
        pieces.replaceSubrange(0..<taken, with: [merged])
    }
}
