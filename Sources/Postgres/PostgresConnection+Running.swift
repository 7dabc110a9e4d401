import CPostgres

/// Sending a command and collecting its results without blocking inside libpq, so that a
/// statement can be cancelled when it runs too long.
extension PostgresConnection {
    /// Sends a command with `send`, waits in `poll` for each of its results, and returns the last
    /// statement's rows; throws the first failure once every result has been read (libpq needs
    /// them all read before the connection takes the next command).
    @discardableResult
    func run(timeout: Duration?, _ send: () -> Int32) throws -> PostgresResult {
        guard !isAbandoned else { throw PostgresError(.connection, message: "the connection was given up after a timeout") }
        guard send() == 1 else { throw failure(sqlState: nil, message: Self.text(PQerrorMessage(handle)), detail: nil) }
        var deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
        var cancelled = false
        var last: PostgresResult?
        var firstFailure: PostgresError?
        while true {
            while PQisBusy(handle) == 1 {
                if let due = deadline, ContinuousClock.now >= due, let timeout {
                    guard !cancelled else {
                        isAbandoned = true
                        throw PostgresError(.connection, message: "no answer from the server \(timeout) after cancelling a statement")
                    }
                    try cancel()
                    cancelled = true
                    deadline = ContinuousClock.now.advanced(by: timeout)
                }
                try waitForInput(until: deadline)
            }
            guard let result = PQgetResult(handle) else { break }
            do {
                last = try read(result)
            } catch let failure as PostgresError {
                firstFailure = firstFailure ?? failure
            }
        }
        if var failure = firstFailure {
            if cancelled && failure.sqlState == "57014", let timeout {
                failure.kind = .timeout
                failure.message = "the statement was cancelled after \(timeout)"
            }
            throw failure
        }
        return last ?? PostgresResult(columns: [], rows: [], affectedRows: 0, commandTag: "")
    }

    /// Waits until the server sent something (or `deadline` passed) and reads it into libpq.
    private func waitForInput(until deadline: ContinuousClock.Instant?) throws {
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw PostgresError(.connection, message: "the connection has no socket") }
        let wait = deadline.map { ContinuousClock.now.duration(to: $0) } ?? .seconds(60)
        _ = try SocketWait.readable(socket, timeout: max(wait, .zero))
        guard PQconsumeInput(handle) == 1 else {
            throw failure(sqlState: nil, message: Self.text(PQerrorMessage(handle)), detail: nil)
        }
    }

    /// Asks the server to cancel the running statement (over a connection of its own, as the
    /// protocol wants); the statement then ends with SQLSTATE 57014.
    private func cancel() throws {
        guard let request = PQgetCancel(handle) else { throw PostgresError(.client, message: "libpq could not prepare a cancel request") }
        defer { PQfreeCancel(request) }
        var message = [CChar](repeating: 0, count: 256)
        guard PQcancel(request, &message, Int32(message.count)) == 1 else {
            isAbandoned = true
            throw PostgresError(.connection, message: "the cancel request failed: \(Self.text(message))")
        }
    }
}
