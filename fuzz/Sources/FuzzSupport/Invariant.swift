/// Stops the fuzz run with a message when a property fails: the trap is what libFuzzer records
/// as a crash, and the message says which property it was.
public enum Invariant {
    public static func fail(_ message: String) -> Never {
        fatalError("fuzz invariant failed: \(message)")
    }
}
