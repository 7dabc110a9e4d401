import Testing

@testable import HTTPServer

@Suite struct TLSConfigurationTests {
    @Test func defaultsServeBothWithOneYearOfHSTS() {
        let configuration = TLSConfiguration(certificatePath: "cert.pem", privateKeyPath: "key.pem")
        #expect(configuration.port == 8443)
        #expect(!configuration.only)
        #expect(!configuration.redirectHTTP)
        #expect(configuration.hstsMaxAge == 31_536_000)
        #expect(configuration.strictTransportSecurity == "max-age=31536000")
    }

    @Test(arguments: [nil, 0] as [Int?])
    func noMaxAgeSendsNoHSTS(maxAge: Int?) {
        let configuration = TLSConfiguration(certificatePath: "c", privateKeyPath: "k", hstsMaxAge: maxAge)
        #expect(configuration.strictTransportSecurity == nil)
    }
}
