#if os(Linux)
import CEpoll
#endif

/// Memory freed after a large, passing use (a restart reading its snapshot) goes back to the
/// system: glibc's allocator keeps freed pages for reuse, so the process's resident size stays
/// at its peak, half a gigabyte above what a million-event store holds. A no-op elsewhere.
public enum FreedMemory {
    public static func returnToSystem() {
        #if os(Linux)
        dateline_return_freed_memory()
        #endif
    }
}
