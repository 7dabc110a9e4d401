import Foundation
import Testing

/// `Public/world.json`, the outline the page's map draws: small, and rings of points in range.
@Suite struct WorldOutlineTests {
    static let url = ServerProcess.packageRoot.appendingPathComponent("Public/world.json")

    @Test func staysUnderFortyKilobytes() throws {
        let size = try Data(contentsOf: Self.url).count
        #expect(size < 40 * 1024, "world.json is \(size) bytes")
    }

    @Test func holdsRingsOfLongitudesAndLatitudes() throws {
        let document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.url)) as? [String: Any])
        #expect((document["source"] as? String)?.contains("Natural Earth") == true)
        let rings = try #require(document["rings"] as? [[[Double]]])
        #expect(rings.count >= 20)
        for ring in rings {
            #expect(ring.count >= 3)
            for point in ring {
                #expect(point.count == 2 && (-180...180).contains(point[0]) && (-90...90).contains(point[1]), "\(point)")
            }
        }
        // The largest land masses are there: a ring reaching east of 150°E and one west of 150°W.
        #expect(rings.contains { $0.contains { $0[0] > 150 } } && rings.contains { $0.contains { $0[0] < -150 } })
    }
}
