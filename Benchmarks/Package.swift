// swift-tools-version:6.1
// Benchmarks for Mochila (package-benchmark). A package of its own, so that building and testing
// Mochila does not build the benchmark machinery. Run from this folder:
//
//     swift package benchmark
//
import PackageDescription

let package = Package(
    name: "MochilaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Mochila", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
    ],
    targets: [
        // What the issuance and store benchmarks share: a spec and a PostgreSQL statement runner.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "MochilaCore", package: "Mochila"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            path: "Benchmarks/BenchmarkSupport"
        ),
        .executableTarget(
            name: "CredentialBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Credentials", package: "Mochila"),
                .product(name: "LinkedData", package: "Mochila"),
            ],
            path: "Benchmarks/CredentialBenchmarks",
            resources: [.copy("Fixtures")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "IssuanceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Credentials", package: "Mochila"),
                .product(name: "MochilaCore", package: "Mochila"),
                .product(name: "MochilaStore", package: "Mochila"),
                .product(name: "MochilaServer", package: "Mochila"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/IssuanceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CryptosuiteBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Credentials", package: "Mochila"),
                .product(name: "LinkedData", package: "Mochila"),
            ],
            path: "Benchmarks/CryptosuiteBenchmarks",
            resources: [.copy("Fixtures")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StatusListBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Credentials", package: "Mochila"),
                .product(name: "LinkedData", package: "Mochila"),
            ],
            path: "Benchmarks/StatusListBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Credentials", package: "Mochila"),
                .product(name: "MochilaCore", package: "Mochila"),
                .product(name: "MochilaStore", package: "Mochila"),
                .product(name: "MochilaServer", package: "Mochila"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/StoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
