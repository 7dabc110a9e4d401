import Foundation
import Postgres
import PostgresTestSupport

extension PostgresConnection {
    /// Waits until the server backend `processID` has ended (pg_terminate_backend only signals it).
    func waitUntilGone(_ processID: Int32, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let alive = try execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", parameters: [String(processID)])
            if alive.scalar == "0" { return }
            usleep(10_000)
        }
        throw PostgresTestCluster.Failure(message: "backend \(processID) still runs")
    }
}
