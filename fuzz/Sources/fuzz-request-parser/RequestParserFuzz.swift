import FuzzSupport
import HTTPServer

/// Limits small enough for inputs of a few kilobytes to cross every one of them.
let limits: HTTPServerConfiguration.Limits = {
    var limits = HTTPServerConfiguration.Limits()
    limits.requestLineBytes = 256
    limits.headerBytes = 512
    limits.headerCount = 16
    limits.bodyBytes = 128
    return limits
}()

/// More events than this from one input means the parser no longer consumes what it reports.
let maxEvents = 10_000

/// Input: two bytes choosing where to split, then the bytes a client sends. The parser reads
/// them whole and in two pieces; both readings must agree, never trap, and every request
/// must carry a body within the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard input.count >= 2 else { return 0 }
    let wire = Array(input[2...])
    let split = (Int(input[0]) << 8 | Int(input[1])) % (wire.count + 1)

    let whole = read([wire])
    let pieces = read([Array(wire[..<split]), Array(wire[split...])])
    guard whole == pieces else {
        Invariant.fail("whole and split at \(split) disagree:\n  whole: \(whole)\n  split: \(pieces)")
    }
    return 0
}

/// Feeds `chunks` one by one, draining the parser after each, and describes what it said.
func read(_ chunks: [[UInt8]]) -> [String] {
    var parser = RequestParser(limits: limits)
    var trace: [String] = []
    for chunk in chunks {
        parser.append(chunk)
        draining: while true {
            guard trace.count < maxEvents else { Invariant.fail("more than \(maxEvents) events from one input") }
            switch parser.next() {
            case .needMore:
                break draining
            case .continueExpected:
                // Said only when the body is not yet buffered, so it depends on the split.
                continue
            case .request(let request):
                guard request.body.count <= limits.bodyBytes else {
                    Invariant.fail("a request with a \(request.body.count)-byte body passed the \(limits.bodyBytes)-byte limit")
                }
                trace.append(
                    "\(request.method) \(request.head.path ?? "") \(request.path) \(request.query) "
                        + "\(request.version) keepAlive=\(request.keepAlive) body=\(request.body)")
            case .failure(let error):
                guard error.closeConnection else { Invariant.fail("a failure that keeps the connection: \(error)") }
                guard case .failure(let again) = parser.next(), again.status == error.status else {
                    Invariant.fail("a failed parser did not repeat its failure")
                }
                trace.append("failure \(error.status.code)")
                return trace
            }
        }
    }
    return trace
}
