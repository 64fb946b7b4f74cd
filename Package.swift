// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kb",
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .library(name: "KBCore", targets: ["KBCore"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "KBCore",
            dependencies: ["CSQLite", "CCmarkGFM"],
            exclude: ["SLA/Holidays"]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            path: "Sources/CMicroHTTPD",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .target(
            name: "KBServer",
            dependencies: ["KBCore", "CMicroHTTPD"]
        ),
        .target(
            name: "KBCommands",
            dependencies: ["KBCore", "KBServer"]
        ),
        .executableTarget(
            name: "kb",
            dependencies: ["KBCommands"]
        ),
        .executableTarget(
            name: "kb-bench",
            dependencies: ["KBCore"],
            exclude: ["Relevance/README.md", "Relevance/demo-queries.tsv", "Relevance/demo-qrels.tsv"]
        ),
        .target(
            name: "KBTestSupport",
            dependencies: ["KBCore"],
            path: "Tests/KBTestSupport"
        ),
        .testTarget(
            name: "KBCoreTests",
            dependencies: ["KBCore", "KBTestSupport"],
            exclude: ["Render/Golden"]
        ),
        .testTarget(
            name: "KBCommandsTests",
            dependencies: ["KBCommands", "KBCore", "KBTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "KBServerTests",
            dependencies: ["KBServer", "KBCommands", "KBCore", "KBTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
