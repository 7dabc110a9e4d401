import Testing

@testable import DatelineAPI

@Suite struct HealthRoutesTests {
    @Test func healthAnswersWhileLoading() {
        let client = TestClient(ready: false)
        let response = client.get("/healthz")
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response[.contentType] == "application/json; charset=utf-8")
        #expect(response[.cacheControl] == "no-cache")
    }

    @Test func readinessFollowsTheStore() {
        let client = TestClient(ready: false)
        let loading = client.get("/readyz")
        #expect(loading.status == 503)
        #expect(loading[.contentType] == "application/problem+json")
        #expect(loading.json["detail"] as? String == "The store is still loading.")

        client.application.readiness.set(.ready)
        #expect(client.get("/readyz").status == 200)
        #expect(client.get("/readyz").text == #"{"status":"ready"}"#)

        client.application.readiness.set(.failed("no seed"))
        let failed = client.get("/readyz")
        #expect(failed.status == 503)
        #expect((failed.json["detail"] as? String)?.contains("no seed") == true)
    }

    @Test func probesRefuseUnknownParameters() {
        let response = TestClient().get("/healthz?verbose=1")
        #expect(response.status == 400)
        #expect(response.parameter == "verbose")
    }
}
