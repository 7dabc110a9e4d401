#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wake-ups of event loops, held back on one thread while it hands them a run of work.
///
/// A thread that answers many connections in a row (a journal flush telling every writer it
/// covered) would wake their loop once an answer: the loop runs at once, often on the same CPU,
/// finds one task, sleeps, and the next hand-off wakes it again. Inside ``holding(_:)`` a loop
/// handed work is woken once, when the run ends, and finds all of it waiting. Work other threads
/// hand that loop meanwhile waits for the same wake-up, so keep the run short.
public enum LoopWakes {
    /// Runs `body`, holding back the wake-ups of the loops it hands work to until it returns.
    /// Nested calls hold until the outermost returns.
    public static func holding<Result>(_ body: () throws -> Result) rethrows -> Result {
        if pthread_getspecific(key) != nil { return try body() }
        let held = Held()
        pthread_setspecific(key, Unmanaged.passUnretained(held).toOpaque())
        defer {
            pthread_setspecific(key, nil)
            for loop in held.loops { loop.signal() }
        }
        return try body()
    }

    /// Wakes `loop` now, or when the run of work on this thread ends, if one is held.
    static func wake(_ loop: some WakeableLoop) {
        guard let raw = pthread_getspecific(key) else { return loop.signal() }
        Unmanaged<Held>.fromOpaque(raw).takeUnretainedValue().loops.append(loop)
    }

    /// The loops whose wake-ups are held on one thread.
    private final class Held {
        var loops: [any WakeableLoop] = []
    }

    /// The thread's ``Held``, while it holds wake-ups.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let created = pthread_key_create(&key, nil)
        precondition(created == 0, "could not make a thread-specific key (error \(created))")
        return key
    }()
}

/// A loop that a thread wakes to run the work it handed over.
protocol WakeableLoop: AnyObject {
    /// Makes the loop look at the work handed to it.
    func signal()
}
