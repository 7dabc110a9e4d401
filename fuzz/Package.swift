// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets for Dateline, built apart from the main package so that `swift build` there
// never needs the fuzzer runtime. Build with `scripts/fuzz`, which passes `--sanitize=fuzzer`.
//
// The main package is a path dependency, so its identity is the name of its folder; read that
// name here rather than assume what a checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let dateline = root.lastPathComponent

// libFuzzer brings `main`; each target defines `LLVMFuzzerTestOneInput` instead of top-level code.
let fuzzTarget: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

/// One libFuzzer executable over FuzzSupport and the server library, plus what it also uses.
func fuzzer(_ name: String, using extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "HTTPServer", package: dateline)] + extra,
        swiftSettings: fuzzTarget
    )
}

let package = Package(
    name: "dateline-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "DatelineAPI", package: dateline),
                .product(name: "HTTPServer", package: dateline),
                .product(name: "NewsModel", package: dateline),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        fuzzer("fuzz-request-parser"),
        fuzzer("fuzz-query", using: [.product(name: "HTTPTypes", package: "swift-http-types")]),
        fuzzer("fuzz-writes", using: [.product(name: "HTTPTypes", package: "swift-http-types")]),
    ]
)
