import CPostgres

/// LISTEN and NOTIFY: the server pushes a notification to each listening connection when the
/// transaction that sent it commits.
extension PostgresConnection {
    /// Starts listening on `channel`; notifications sent after this returns (outside a
    /// transaction) are delivered to `notifications(timeout:)`.
    public func listen(_ channel: String) throws {
        try execute("LISTEN \(quotedIdentifier(channel))")
    }

    /// Stops listening on `channel`.
    public func unlisten(_ channel: String) throws {
        try execute("UNLISTEN \(quotedIdentifier(channel))")
    }

    /// Sends `payload` (under 8,000 bytes) on `channel`; inside a transaction it is delivered at commit.
    public func notify(_ channel: String, payload: String) throws {
        try execute("SELECT pg_notify($1, $2)", parameters: [channel, payload])
    }

    /// Waits up to `timeout` for notifications on the channels this connection listens to, and
    /// returns those that arrived, oldest first; empty when none came in time. Blocks the calling
    /// thread in `poll` on the connection's socket.
    /// - Throws: `PostgresError` of kind `.connection` when the connection is lost (whatever was
    ///   sent meanwhile is lost with it: read the log again after reconnecting).
    public func notifications(timeout: Duration) throws -> [PostgresNotification] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            guard PQconsumeInput(handle) == 1 else {
                throw failure(sqlState: nil, message: Self.text(PQerrorMessage(handle)), detail: nil)
            }
            let received = pendingNotifications()
            if !received.isEmpty { return received }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return [] }
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw PostgresError(.connection, message: "the connection has no socket") }
            _ = try SocketWait.readable(socket, timeout: remaining)
        }
    }

    /// The notifications libpq has already read, without reading more.
    private func pendingNotifications() -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        while let notice = PQnotifies(handle) {
            received.append(
                PostgresNotification(
                    channel: String(cString: notice.pointee.relname), payload: String(cString: notice.pointee.extra),
                    senderProcessID: notice.pointee.be_pid))
            PQfreemem(notice)
        }
        return received
    }
}
