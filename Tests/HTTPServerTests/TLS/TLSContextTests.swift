import Testing

@testable import HTTPServer

@Suite struct TLSContextTests {
    @Test func loadsASelfSignedCertificateAndKey() throws {
        let fixture = try TLSFixture()
        let context = try TLSContext(configuration: fixture.configuration)
        #expect(context.configuration == fixture.configuration)
    }

    @Test func aMissingCertificateNamesItsPath() throws {
        let fixture = try TLSFixture()
        var configuration = fixture.configuration
        configuration.certificatePath = fixture.path("absent-cert.pem")
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .certificate)
        #expect(error?.path == configuration.certificatePath)
        #expect(error?.description.contains(configuration.certificatePath) == true)
        #expect(error?.description.contains("No such file or directory") == true)
    }

    @Test func aMissingKeyNamesItsPath() throws {
        let fixture = try TLSFixture()
        var configuration = fixture.configuration
        configuration.privateKeyPath = fixture.path("absent-key.pem")
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .privateKey)
        #expect(error?.description.contains(configuration.privateKeyPath) == true)
    }

    @Test func aKeyOfAnotherCertificateIsAMismatch() throws {
        let fixture = try TLSFixture()
        var configuration = fixture.configuration
        configuration.privateKeyPath = try fixture.makeStrayKey()
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .keyMismatch)
        #expect(error?.reasons.contains { $0.contains("key values mismatch") } == true)
        #expect(error?.description.contains("does not match the certificate") == true)
    }

    @Test func aFileThatIsNotPEMIsRefused() throws {
        let fixture = try TLSFixture()
        var configuration = fixture.configuration
        configuration.certificatePath = try fixture.write("garbage.pem", "not a certificate\n")
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .certificate)
        #expect(error?.reasons.isEmpty == false)
    }

    @Test func aKeySwappedForACertificateIsRefused() throws {
        let fixture = try TLSFixture()
        var configuration = fixture.configuration
        configuration.privateKeyPath = fixture.certificatePath
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .privateKey)
    }

    @Test func anRSACertificateLoadsToo() throws {
        let fixture = try TLSFixture()
        _ = try TLSContext(configuration: try fixture.makeRSACertificate())
    }

    @Test func reloadingMakesAnIndependentContext() throws {
        let fixture = try TLSFixture()
        let first = try TLSContext(configuration: fixture.configuration)
        let second = try first.reloaded()
        #expect(first !== second)
        #expect(second.configuration == first.configuration)
    }
}

extension TLSContextTests {
    @Test func anRSAKeyForAnECCertificateIsAMismatch() throws {
        let fixture = try TLSFixture()
        let rsa = try fixture.makeRSACertificate()
        var configuration = fixture.configuration
        configuration.privateKeyPath = rsa.privateKeyPath
        let error = #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        #expect(error?.kind == .keyMismatch)
    }
}
