// swift-tools-version: 6.0
// plancheck: a compliance checker for government development plans.
//
// Layers, bottom to top:
//   CYAML            libyaml, the C library (Debian: libyaml-dev), as a system library
//   PlancheckSystem  the C library's calls (files, paths, the process, the clock) behind small Swift functions;
//                    the only target that imports Glibc, Musl or Darwin
//   PlancheckYAML    a general YAML layer: a node tree where every node knows its source span
//   PlancheckValues  exact decimals, units, quantities, Chinese numerals, the parser of figures as officers type them
//   PlancheckCore    the expression language, rule packs, submissions, the engine, findings, reports
//   plancheck        the command-line tool, a thin layer over PlancheckCore
import PackageDescription

let package = Package(
    name: "plancheck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "plancheck", targets: ["plancheck"]),
        .library(name: "PlancheckCore", targets: ["PlancheckCore"]),
        .library(name: "PlancheckYAML", targets: ["PlancheckYAML"]),
        .library(name: "PlancheckValues", targets: ["PlancheckValues"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "PlancheckYAML",
            dependencies: ["CYAML"]
        ),
        .target(
            name: "PlancheckSystem"
        ),
        .target(
            name: "PlancheckValues"
        ),
        .target(
            name: "PlancheckCore",
            dependencies: ["PlancheckYAML", "PlancheckSystem", "PlancheckValues"]
        ),
        .executableTarget(
            name: "plancheck",
            dependencies: [
                "PlancheckCore",
                "PlancheckSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's parse-only baseline (docs/performance.md): libyaml's event loop and nothing else.
        .executableTarget(
            name: "plancheck-parse-baseline",
            dependencies: ["CYAML"],
            path: "Benchmarks/ParseBaseline"
        ),
        .testTarget(
            name: "PlancheckYAMLTests",
            dependencies: ["PlancheckYAML"],
            exclude: ["known-deviations.txt"]
        ),
        // Also holds the check that no other target imports the C library's module.
        .testTarget(
            name: "PlancheckSystemTests",
            dependencies: ["PlancheckSystem"]
        ),
        // What several test targets share (the seeded random generator); linked into tests only.
        .target(
            name: "PlancheckTestSupport",
            path: "Tests/PlancheckTestSupport"
        ),
        .testTarget(
            name: "PlancheckValuesTests",
            dependencies: ["PlancheckValues", "PlancheckTestSupport"]
        ),
        .testTarget(
            name: "PlancheckCoreTests",
            dependencies: ["PlancheckCore", "PlancheckValues", "PlancheckTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        // Runs the built `plancheck` binary: exit statuses, files written, several reports from one run.
        .testTarget(
            name: "PlancheckCLITests",
            dependencies: ["plancheck"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
