import Locking

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ConditionLocked.Step {
    /// Wait until `deadline`, or, when nil, until another thread changes the value.
    static func wait(until deadline: Date?) -> Self {
        .wait(untilSecondsSince1970: deadline?.timeIntervalSince1970)
    }
}
