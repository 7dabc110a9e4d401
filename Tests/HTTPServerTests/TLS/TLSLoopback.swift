@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

/// A server ``TLSSession`` and a ``TLSTestClient`` on the two ends of a non-blocking socket
/// pair, pumped by hand on one thread.
final class TLSLoopback {
    let serverDescriptor: Int32
    let clientDescriptor: Int32
    let server: TLSSession
    let client: TLSTestClient
    private var clientClosed = false

    /// - Parameter socketBuffer: a small send and receive buffer forces partial writes.
    init(context: TLSContext, client options: TLSTestClient.Options = .init(), socketBuffer: Int32? = nil) throws {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw TLSFixtureError(message: "socketpair failed: errno \(errno)")
        }
        for descriptor in pair {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if var size = socketBuffer {
                setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
                setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            }
        }
        serverDescriptor = pair[0]
        clientDescriptor = pair[1]
        server = try TLSSession(context: context, descriptor: serverDescriptor)
        client = TLSTestClient(descriptor: clientDescriptor, options: options)
    }

    deinit {
        close(serverDescriptor)
        closeClientSocket()
    }

    /// Pumps both handshakes until both finish or one fails; returns the last results.
    @discardableResult
    func handshake() -> (server: TLSIOResult, client: TLSTestClient.Step) {
        var serverResult = TLSIOResult.wantRead
        var clientResult = TLSTestClient.Step.wantRead
        for _ in 0..<100 {
            if clientResult != .done, !isFailure(clientResult) { clientResult = client.handshake() }
            if serverResult != .done, !isFailure(serverResult) { serverResult = server.handshake() }
            let serverStopped = serverResult == .done || isFailure(serverResult)
            let clientStopped = clientResult == .done || isFailure(clientResult)
            if serverStopped && clientStopped { break }
            if isFailure(serverResult) || isFailure(clientResult) {
                // Let the other side read the alert before stopping.
                if !clientStopped { clientResult = client.handshake() }
                break
            }
        }
        return (serverResult, clientResult)
    }

    /// Closes the client's end and waits (up to 5 s) until the server's end sees the hang-up.
    /// A process that a parallel test spawns holds a copy of every descriptor between its fork
    /// and its exec, close-on-exec or not; until then the close would not reach the peer.
    func closeClientSocket() {
        guard !clientClosed else { return }
        clientClosed = true
        close(clientDescriptor)
        var watch = pollfd(fd: serverDescriptor, events: 0, revents: 0)  // POLLHUP is always reported.
        for _ in 0..<500 {
            if poll(&watch, 1, 10) > 0, watch.revents & Int16(POLLHUP) != 0 { return }
        }
    }

    private func isFailure(_ result: TLSIOResult) -> Bool {
        switch result {
        case .closed, .failed: true
        default: false
        }
    }

    private func isFailure(_ step: TLSTestClient.Step) -> Bool {
        if case .failed = step { return true }
        return false
    }
}

extension TLSIOResult {
    /// The error of a `.failed` result.
    var error: TLSError? {
        if case .failed(let error) = self { return error }
        return nil
    }
}
