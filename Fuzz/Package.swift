// swift-tools-version:6.1
// libFuzzer harnesses for Mochila's parsers. A package of its own, so that building and testing
// Mochila never builds them; the harnesses only make sense built with `-sanitize=fuzzer`. Run
// from the repository root:
//
//     Fuzz/run                  # every target, 1,000,000 executions each
//     Fuzz/run --runs 20000     # a short smoke run, as CI does
//     Fuzz/run FuzzJWT FuzzCSV  # some targets only
//
// See README.md.
import PackageDescription

let package = Package(
    name: "MochilaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Mochila", path: "..")
    ],
    targets: [
        // Starts libFuzzer from each harness's main.swift (see FuzzerDriver.h).
        .target(name: "FuzzerDriver"),
        // The JSON parser: parse, and when it parses, write and read back (compact and JCS).
        .executableTarget(
            name: "FuzzJSON",
            dependencies: ["FuzzerDriver", .product(name: "LinkedData", package: "Mochila")]
        ),
        // JSON-LD expansion and toRdf with the bundled contexts only.
        .executableTarget(
            name: "FuzzJSONLD",
            dependencies: ["FuzzerDriver", .product(name: "LinkedData", package: "Mochila")]
        ),
        // The N-Quads parser, the serializer read back, and RDFC-1.0 canonicalization.
        .executableTarget(
            name: "FuzzNQuads",
            dependencies: ["FuzzerDriver", .product(name: "LinkedData", package: "Mochila")]
        ),
        // Compact JWS parsing and VC-JWT verification up to the signature check.
        .executableTarget(
            name: "FuzzJWT",
            dependencies: [
                "FuzzerDriver",
                .product(name: "LinkedData", package: "Mochila"),
                .product(name: "Credentials", package: "Mochila"),
            ]
        ),
        // The CSV import of learners.
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzerDriver", .product(name: "MochilaCore", package: "Mochila")]
        ),
    ]
)
