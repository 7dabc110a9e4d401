public import HTTPServer

/// Several observers heard as one, since the server takes a single observer: each event goes
/// to every member, in order.
///
/// ```swift
/// let observer = ObserverGroup([AccessLog(logger: logger), metrics])
/// let server = HTTPServer(configuration: configuration, responder: responder, logger: logger, observer: observer)
/// ```
public struct ObserverGroup: HTTPServerObserver {
    /// The members, called in this order.
    public let members: [any HTTPServerObserver]

    public init(_ members: [any HTTPServerObserver]) {
        self.members = members
    }

    public func requestCompleted(_ record: RequestRecord) {
        for member in members { member.requestCompleted(record) }
    }

    public func connectionOpened(open: Int) {
        for member in members { member.connectionOpened(open: open) }
    }

    public func connectionClosed(open: Int) {
        for member in members { member.connectionClosed(open: open) }
    }
}
