import Glibc
public import HTTPServer
import HTTPTypes

/// The property the query and write targets hold the API to: every answer, returned or thrown,
/// is a success, a redirect or a client error; never a server error, never a crash.
public enum ResponseCheck {
    /// With `FUZZ_VERBOSE` set, each request and its status are printed: for checking that
    /// seeds reach what they were written for (`fuzz-writes -runs=0 fuzz/corpus/writes`).
    static let verbose = getenv("FUZZ_VERBOSE") != nil

    /// Sends `request` to `responder` and traps unless the outcome is a status below 500, or a
    /// thrown ``HTTPError`` with a 4xx status.
    public static func expectNoServerError(_ responder: any Responder, _ request: Request) {
        do {
            let response = try responder.respond(to: request).settled(for: request)
            if verbose { print("\(request.method) \(request.head.path ?? ""): \(response.status.code)") }
            guard response.status.code < 500 else {
                Invariant.fail("\(request.method) \(request.head.path ?? "") answered \(response.status.code)")
            }
        } catch let error as HTTPError {
            if verbose {
                print("\(request.method) \(request.head.path ?? ""): \(error.status.code) \(error.detail ?? "") \(error.extensions)")
            }
            guard (400..<500).contains(error.status.code) else {
                Invariant.fail("\(request.method) \(request.head.path ?? "") threw HTTPError \(error.status.code): \(error.detail ?? "")")
            }
        } catch {
            Invariant.fail("\(request.method) \(request.head.path ?? "") threw \(type(of: error)) (a 500): \(error)")
        }
    }
}
