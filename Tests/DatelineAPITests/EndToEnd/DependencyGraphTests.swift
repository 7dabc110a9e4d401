import Foundation
import Testing

/// The product stays NIO-free: no package of the resolved graph is SwiftNIO or built on it.
@Suite struct DependencyGraphTests {
    static let forbidden = ["swift-nio", "vapor", "hummingbird", "async-http-client", "swift-nio-ssl", "swift-nio-http2"]

    @Test func resolvedGraphHoldsNoNIO() throws {
        let resolved = ServerProcess.packageRoot.appendingPathComponent("Package.resolved")
        let data = try Data(contentsOf: resolved)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let pins = try #require(object["pins"] as? [[String: Any]])
        let identities = pins.compactMap { $0["identity"] as? String }
        #expect(identities.contains("swift-http-types"), "the graph was read: \(identities)")
        for identity in identities {
            #expect(!Self.forbidden.contains { identity == $0 || identity.hasPrefix("swift-nio") }, "\(identity) is in the graph")
        }
    }

    @Test func manifestNamesNoNIOPackage() throws {
        let manifest = try String(contentsOf: ServerProcess.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for name in Self.forbidden {
            #expect(!manifest.contains("/\(name)\""), "Package.swift names \(name)")
        }
    }
}
