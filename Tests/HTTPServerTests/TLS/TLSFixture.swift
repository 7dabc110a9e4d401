import ChildProcesses
import Foundation

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

/// Certificates and keys made with the `openssl` command in a temporary directory, which is
/// removed when the fixture is released.
final class TLSFixture {
    let directory: String

    /// Makes a directory holding a self-signed P-256 certificate for `localhost` and its key.
    init() throws {
        var template = Array("/tmp/tls-fixture-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TLSFixtureError(message: "mkdtemp failed: errno \(errno)")
        }
        directory = String(cString: made)
        try makeCertificate(named: "ec", key: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"])
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var certificatePath: String { path("ec-cert.pem") }
    var keyPath: String { path("ec-key.pem") }

    /// The configuration of the P-256 certificate.
    var configuration: TLSConfiguration {
        TLSConfiguration(certificatePath: certificatePath, privateKeyPath: keyPath)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// A self-signed certificate `<name>-cert.pem` with key `<name>-key.pem`.
    func makeCertificate(named name: String, key: [String]) throws {
        try run(
            ["req", "-x509"] + key + [
                "-nodes", "-keyout", path("\(name)-key.pem"), "-out", path("\(name)-cert.pem"),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
    }

    /// An RSA-2048 certificate and key, for the ECDHE-RSA suites.
    func makeRSACertificate() throws -> TLSConfiguration {
        try makeCertificate(named: "rsa", key: ["-newkey", "rsa:2048"])
        return TLSConfiguration(certificatePath: path("rsa-cert.pem"), privateKeyPath: path("rsa-key.pem"))
    }

    /// A P-256 key that belongs to no certificate here.
    func makeStrayKey() throws -> String {
        let key = path("stray-key.pem")
        try run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key])
        return key
    }

    /// Writes `text` to `name` and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    private func run(_ arguments: [String]) throws {
        let errors = Pipe()
        let process = try ChildProcess(
            "/usr/bin/env", ["openssl"] + arguments, environment: ProcessInfo.processInfo.environment,
            output: FileHandle.nullDevice.fileDescriptor, error: errors.fileHandleForWriting.fileDescriptor)
        try errors.fileHandleForWriting.close()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        guard process.waitUntilExit() == 0 else {
            throw TLSFixtureError(message: "openssl \(arguments.joined(separator: " ")): " + String(decoding: output, as: UTF8.self))
        }
    }
}

struct TLSFixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
