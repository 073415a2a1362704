// swift-tools-version:6.1
import PackageDescription

/// Mochila: design, issue, carry, verify and recognise digital micro-credentials.
///
/// Lower targets never import higher ones, and nothing below `MochilaServer` does network
/// I/O: `LinkedData` and `Credentials` build and test in seconds without the server stack.
let package = Package(
    name: "Mochila",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mochila", targets: ["mochila"]),
        .library(name: "LinkedData", targets: ["LinkedData"]),
        .library(name: "Credentials", targets: ["Credentials"]),
        .library(name: "MochilaCore", targets: ["MochilaCore"]),
        // For the benchmarks (a package of their own) that issue batches on a real store.
        .library(name: "MochilaStore", targets: ["MochilaStore"]),
        .library(name: "MochilaServer", targets: ["MochilaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        // X.509 for the certificates that seal Europass credentials (JAdES `x5c`).
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
    ],
    targets: [
        .target(
            name: "LinkedData",
            dependencies: [
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/contexts")]
        ),
        .target(
            name: "Credentials",
            dependencies: [
                "LinkedData",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            resources: [.copy("Resources/schemas")]
        ),
        .target(
            name: "MochilaCore",
            dependencies: [
                "Credentials",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/reference"), .copy("Resources/esco")]
        ),
        .target(
            name: "MochilaStore",
            dependencies: [
                "MochilaCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "MochilaServer",
            dependencies: [
                "MochilaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "mochila",
            dependencies: [
                "MochilaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "LinkedDataTests",
            dependencies: ["LinkedData"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CredentialsTests",
            dependencies: ["Credentials"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "MochilaCoreTests",
            dependencies: ["MochilaCore", .product(name: "Crypto", package: "swift-crypto")],
            // Read by the tests through #filePath (reference QR symbols and their generator).
            exclude: ["Fixtures"]
        ),
        // What several test targets share: a fresh PostgreSQL database per test, on the server
        // MOCHILA_TEST_POSTGRES_URL names, and the spec the API tests create.
        .target(
            name: "MochilaTestSupport",
            dependencies: ["LinkedData", .product(name: "PostgresKit", package: "postgres-kit")],
            path: "Tests/MochilaTestSupport"
        ),
        .testTarget(
            name: "MochilaStoreTests",
            dependencies: ["MochilaStore", "MochilaTestSupport"]
        ),
        .testTarget(
            name: "MochilaServerTests",
            dependencies: [
                "MochilaServer", "MochilaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "mochilaTests",
            dependencies: [
                "mochila", "MochilaStore", "MochilaTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
