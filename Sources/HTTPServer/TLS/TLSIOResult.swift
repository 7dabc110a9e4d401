/// Why a ``TLSSession`` call stopped.
public enum TLSIOResult: Sendable, Hashable {
    /// Finished: the handshake completed, the buffer was filled, or every byte was accepted.
    case done
    /// Call again once the socket is readable (a read source fires).
    case wantRead
    /// Call again once the socket is writable (a write source fires); a read can ask this too.
    case wantWrite
    /// The peer closed: a close_notify, an end of stream, or a reset. Close the descriptor.
    case closed
    /// A TLS or socket error; close the descriptor without `shutdown()`.
    case failed(TLSError)
}
