/// A message sent with `NOTIFY channel, 'payload'` (or `pg_notify`) to a connection that listens
/// on the channel. The server delivers it when the sending transaction commits.
public struct PostgresNotification: Sendable, Hashable {
    /// The channel it was sent on.
    public var channel: String
    /// What the sender attached; empty when it attached nothing (at most 8,000 bytes).
    public var payload: String
    /// The process id of the server backend that sent it.
    public var senderProcessID: Int32

    public init(channel: String, payload: String, senderProcessID: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderProcessID = senderProcessID
    }
}
