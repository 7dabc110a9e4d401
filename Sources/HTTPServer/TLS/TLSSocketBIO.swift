import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A BIO over a non-blocking socket that sends through `Posix.send`, so a client that hangs up
/// mid-response costs an `EPIPE`, never a SIGPIPE, whatever the process does with the signal.
/// OpenSSL's own socket BIO calls `write`, which cannot pass the flag.
///
/// The descriptor is the BIO's data pointer (its bit pattern); the BIO never closes it: the
/// connection closes the descriptor once its event loop stops watching it.
enum TLSSocketBIO {
    /// Makes a BIO on `descriptor`, or `nil` when OpenSSL is out of memory.
    static func make(descriptor: Int32) -> OpaquePointer? {
        guard let method = method.pointer, let bio = BIO_new(method) else { return nil }
        BIO_set_data(bio, UnsafeMutableRawPointer(bitPattern: Int(descriptor)))
        BIO_set_init(bio, 1)
        return bio
    }

    /// The descriptor a BIO made by ``make(descriptor:)`` reads and writes.
    static func descriptor(of bio: OpaquePointer?) -> Int32 {
        Int32(truncatingIfNeeded: Int(bitPattern: BIO_get_data(bio)))
    }

    /// One method table for the process, made on first use.
    private static let method = Method()

    private struct Method: @unchecked Sendable {
        // Sendable because it is written once, by the lazy initializer, and only read after.
        let pointer: OpaquePointer?

        init() {
            let type = BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR
            guard let method = BIO_meth_new(type, "dateline socket") else {
                pointer = nil
                return
            }
            _ = BIO_meth_set_write(method, socketWrite)
            _ = BIO_meth_set_read(method, socketRead)
            _ = BIO_meth_set_ctrl(method, socketControl)
            _ = BIO_meth_set_create(method, socketCreate)
            pointer = method
        }
    }
}

private let socketWrite: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = { bio, data, length in
    dateline_BIO_clear_retry_flags(bio)
    guard length > 0 else { return 0 }
    let descriptor = TLSSocketBIO.descriptor(of: bio)
    var sent: Int
    repeat {
        sent = Posix.send(descriptor, data, Int(length))
    } while sent < 0 && errno == EINTR
    if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        dateline_BIO_set_retry_write(bio)
    }
    return Int32(sent)
}

private let socketRead: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { bio, buffer, length in
    dateline_BIO_clear_retry_flags(bio)
    guard length > 0 else { return 0 }
    let descriptor = TLSSocketBIO.descriptor(of: bio)
    var received: Int
    repeat {
        received = recv(descriptor, buffer, Int(length), 0)
    } while received < 0 && errno == EINTR
    if received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        dateline_BIO_set_retry_read(bio)
    } else if received == 0 {
        // Lets `BIO_CTRL_EOF` tell OpenSSL the peer closed, as its own socket BIO does.
        BIO_set_flags(bio, BIO_FLAGS_IN_EOF)
        errno = 0
    }
    return Int32(received)
}

private let socketControl: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = { bio, command, _, argument in
    switch command {
    case BIO_CTRL_FLUSH:
        return 1  // Nothing is buffered here.
    case BIO_CTRL_EOF:
        return BIO_test_flags(bio, BIO_FLAGS_IN_EOF) != 0 ? 1 : 0
    case BIO_C_GET_FD:
        // `SSL_get_fd` finds this BIO by its descriptor type and asks for the number.
        let descriptor = TLSSocketBIO.descriptor(of: bio)
        argument?.assumingMemoryBound(to: Int32.self).pointee = descriptor
        return Int(descriptor)
    default:
        return 0
    }
}

private let socketCreate: @convention(c) (OpaquePointer?) -> Int32 = { _ in 1 }
