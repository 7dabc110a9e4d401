// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// One settings list for every target: Swift 6 language mode and its strict concurrency checks.
let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "dateline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dateline", targets: ["dateline"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "NewsModel", targets: ["NewsModel"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "DatelineAPI", targets: ["DatelineAPI"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "Markup", targets: ["Markup"]),
        .library(name: "WebArticle", targets: ["WebArticle"]),
        .library(name: "Feeds", targets: ["Feeds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(name: "CEpoll"),
        .target(name: "Locking", swiftSettings: settings),
        .target(name: "Hashing", swiftSettings: settings),
        .target(
            name: "HTTPServer",
            dependencies: [
                .target(name: "CEpoll", condition: .when(platforms: [.linux])), "CZlib", "COpenSSL", "Locking", "Hashing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .target(
            name: "NewsModel",
            dependencies: ["Locking", .product(name: "HashTreeCollections", package: "swift-collections")],
            swiftSettings: settings
        ),
        .target(name: "Extraction", dependencies: ["NewsModel", "Hashing"], swiftSettings: settings),
        .target(name: "Postgres", dependencies: ["CPostgres", "Locking"], swiftSettings: settings),
        .target(name: "Markup", dependencies: ["CLibXML2"], swiftSettings: settings),
        .target(name: "WebArticle", dependencies: ["Markup"], swiftSettings: settings),
        .target(name: "ArticleImport", dependencies: ["Locking"], swiftSettings: settings),
        .target(name: "Feeds", dependencies: ["CCurl", "Markup", "Locking"], swiftSettings: settings),
        .target(
            name: "DatelineAPI",
            dependencies: [
                "HTTPServer", "NewsModel", "Extraction", "Locking", "Hashing", "Postgres", "WebArticle", "Feeds",
                .target(name: "CEpoll", condition: .when(platforms: [.linux])),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "dateline",
            dependencies: [
                "DatelineAPI", "HTTPServer", "Locking", "ArticleImport", "Feeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "dateline-eval",
            dependencies: ["Extraction", "NewsModel"],
            swiftSettings: settings
        ),
        .executableTarget(name: "dateline-train", dependencies: ["Extraction"], swiftSettings: settings),
        .executableTarget(
            name: "store-bench",
            dependencies: ["NewsModel", "Hashing", "HTTPServer"],
            path: "bench/store", swiftSettings: settings),
        .executableTarget(name: "html-bench", dependencies: ["WebArticle"], path: "bench/html/Sources", swiftSettings: settings),
        .target(name: "ChildProcesses", path: "Tests/ChildProcesses", swiftSettings: settings),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses", "HTTPServer"], swiftSettings: settings),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer", "Hashing", "Locking", "ChildProcesses"], swiftSettings: settings),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"], swiftSettings: settings),
        .testTarget(name: "LockingTests", dependencies: ["Locking"], swiftSettings: settings),
        .testTarget(name: "NewsModelTests", dependencies: ["NewsModel", "Hashing"], swiftSettings: settings),
        .target(
            name: "PostgresTestSupport", dependencies: ["Postgres", "ChildProcesses"], path: "Tests/PostgresTestSupport",
            swiftSettings: settings),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"], swiftSettings: settings),
        .testTarget(name: "WebArticleTests", dependencies: ["WebArticle"], swiftSettings: settings),
        .testTarget(name: "ArticleImportTests", dependencies: ["ArticleImport", "Locking"], swiftSettings: settings),
        .target(
            name: "WebFixtures", dependencies: ["HTTPServer", "Locking", .product(name: "Logging", package: "swift-log")],
            path: "Tests/WebFixtures", swiftSettings: settings),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "HTTPServer", "Locking", "WebFixtures"], swiftSettings: settings),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresTestSupport", "Locking"], swiftSettings: settings),
        .testTarget(
            name: "ExtractionTests", dependencies: ["Extraction", "NewsModel"], resources: [.copy("Articles")], swiftSettings: settings),
        .testTarget(
            name: "DatelineAPITests",
            dependencies: [
                "DatelineAPI", "Extraction", "HTTPServer", "NewsModel", "Hashing", "Locking", "Postgres", "PostgresTestSupport",
                "WebFixtures", "ChildProcesses",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
    ]
)

// The container build copies only Package.swift and Sources/: targets kept elsewhere (tests,
// benchmarks) join only where their folder exists.
package.targets.removeAll { target in
    let folder = target.path ?? (target.type == .test ? "Tests/\(target.name)" : "Sources/\(target.name)")
    return !folder.hasPrefix("Sources/") && !FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + folder)
}
