import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPConnection {
    /// Sends what the socket takes without blocking; waits for writability for the rest.
    /// Returns what the machine asks once the output is drained (or the client is gone).
    func flush() -> [ConnectionStateMachine.Action] {
        let now = DispatchTime.now()
        while !machine.output.isEmpty {
            let sent = writeOutput()
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    machine.writeBlocked(now: now)
                    return []
                }
                return machine.close()  // EPIPE, ECONNRESET: the client is gone.
            }
            machine.wrote(sent, now: now)
        }
        return machine.outputDrained(now: now)
    }

    /// One `writev` of up to 16 queued pieces: the head and body of a response leave together.
    /// Under TLS, as much of the first piece as OpenSSL takes (it keeps partial writes).
    private func writeOutput() -> Int {
        guard let tls else {
            return machine.output.withIOVectors { Posix.writev(descriptor, $0.baseAddress, $0.count) }
        }
        machine.coalesceOutput()
        let (count, outcome) = machine.output.withFirstPiece { tls.write($0) }
        if count > 0 { return count }
        switch outcome {
        case .done, .wantRead, .wantWrite: errno = EAGAIN
        case .closed, .failed: errno = EPIPE
        }
        return -1
    }

    /// A connection cut by its idle or write-stall deadline while the kernel still holds bytes
    /// the client has not taken (a slow reader) is reset rather than closed: a plain close would
    /// leave the kernel trickling them out, and the client would never see the end.
    func resetIfTheClientLags() {
        guard let unsent = Posix.unsentBytes(descriptor), unsent > 0 else { return }
        var abort = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
    }
}
