import Locking

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ConditionLocked.Step {
    /// Wait until the wall clock reaches `deadline`, or, when nil, until another thread changes
    /// the value.
    static func wait(until deadline: Date?) -> Self {
        .wait(atMost: deadline.map { .seconds($0.timeIntervalSinceNow) })
    }
}
