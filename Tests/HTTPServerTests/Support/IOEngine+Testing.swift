import Foundation
import HTTPServer

extension IOEngine {
    /// The engine the socket tests run on: `DATELINE_TEST_IO_ENGINE` when set (`make test` runs
    /// the socket suites once more with `dispatch`), else the platform's default.
    static var underTest: IOEngine {
        ProcessInfo.processInfo.environment["DATELINE_TEST_IO_ENGINE"].flatMap(IOEngine.init(rawValue:)) ?? .platformDefault
    }
}
