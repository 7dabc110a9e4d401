import Testing

@testable import DatelineAPI

/// The `Authorization` value a write carries: the Bearer scheme in any case, a space, the token.
@Suite struct WriteAuthorizationTests {
    static let token = Array("s3cret".utf8)

    @Test(arguments: [
        ("Bearer s3cret", true), ("bearer s3cret", true), ("BEARER s3cret", true), ("BeArEr s3cret", true),
        ("Bearer wrong", false), ("Bearer s3cre", false), ("Bearer s3cret2", false), ("Bearer  s3cret", false),
    ])
    func readsTheTokenAfterTheScheme(_ header: String, _ valid: Bool) {
        #expect(WriteAuthorization.credentials(in: header, match: Self.token) == valid)
    }

    @Test(arguments: [
        "Basic s3cret", "Bearer", "Bearers3cret", "Bearers s3cret", "Bear s3cret", " Bearer s3cret", "Beärer s3cret", "Bearer ",
    ])
    func refusesAnotherScheme(_ header: String) {
        #expect(WriteAuthorization.credentials(in: header, match: Self.token) == nil)
    }

    @Test func aWriteWithTheTokenInALowerCaseSchemeIsAuthorized() {
        let client = WriteClient()
        let body: [String: Any] = ["name": "Somewhere", "type": "location"]
        #expect(client.send(.post, "/entities", json: body, authorization: "bearer \(WriteClient.token)").status == 201)
        #expect(client.send(.post, "/entities", json: body, authorization: "Basic \(WriteClient.token)").status == 401)
    }
}
