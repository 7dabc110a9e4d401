#if os(Linux)
import CEpoll
#endif

/// A file written in one long stream and synced at its end (a snapshot) is sent to its disk as it
/// goes: the final `fsync` then has little left to write, and does not hold the device for the
/// seconds a gigabyte takes while the journal's flushes queue behind it. PostgreSQL's checkpoints
/// do the same (`checkpoint_flush_after`). A no-op elsewhere; it changes nothing about durability,
/// which still rests on the `fsync`.
public enum FileWriteback {
    /// Starts writing `length` bytes at `offset` of the open file back to its disk, without
    /// waiting.
    public static func start(_ descriptor: Int32, offset: Int, length: Int) {
        #if os(Linux)
        dateline_start_writeback(descriptor, Int64(offset), Int64(length))
        #endif
    }
}
