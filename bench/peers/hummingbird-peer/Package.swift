// swift-tools-version: 6.1
import PackageDescription

/// The Hummingbird peer of `bench/run`: serves bodies captured from Dateline, byte for byte.
/// The folder is not named `hummingbird`: SwiftPM takes a root package's identity from its folder.
let package = Package(
    name: "hummingbird-peer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdPeer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
