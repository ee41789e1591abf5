// swift-tools-version: 6.1
import PackageDescription

/// Upcoming-feature and strictness settings shared by every Swift target.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Invariant checks (`CONSORTIUM_INVARIANTS`) are compiled into debug builds, and so into `swift test`.
let checked: [SwiftSetting] = strict + [.define("CONSORTIUM_INVARIANTS", .when(configuration: .debug))]

let package = Package(
    name: "Consortium",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "consortium", targets: ["consortium"]),
        .executable(name: "consortium-bench", targets: ["consortium-bench"]),
        .executable(name: "consortium-fuzz", targets: ["consortium-fuzz"]),
        .library(name: "ConsortiumModel", targets: ["ConsortiumModel"]),
        .library(name: "ConsortiumXML", targets: ["ConsortiumXML"]),
        .library(name: "ConsortiumEngine", targets: ["ConsortiumEngine"]),
        .library(name: "ConsortiumRandom", targets: ["ConsortiumRandom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // libxml2, through a one-header shim.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The domain model: agencies, designs, missions, scenarios, diagnostics. Plain values.
        .target(name: "ConsortiumModel", swiftSettings: strict),
        // Safe XML loading, XSD validation and semantic checks.
        .target(name: "ConsortiumXML", dependencies: ["CLibXML2", "ConsortiumModel"], swiftSettings: strict),
        // Random streams and distributions. No domain knowledge.
        .target(name: "ConsortiumRandom", swiftSettings: checked),
        // The discrete-event kernel. No domain knowledge.
        .target(name: "ConsortiumEngine", swiftSettings: checked),
        // The space domain on the kernel: one trial of a campaign, event by event, with its ledger.
        .target(
            name: "ConsortiumSimulation", dependencies: ["ConsortiumModel", "ConsortiumEngine", "ConsortiumRandom"],
            swiftSettings: checked),
        // Monte Carlo over many trials and what the trials mean: quantiles, JCL, risk drivers, cost sharing.
        .target(
            name: "ConsortiumAnalysis",
            dependencies: ["ConsortiumModel", "ConsortiumEngine", "ConsortiumSimulation", "ConsortiumRandom"],
            swiftSettings: checked),
        // Synthetic libraries of any size (`consortium generate`), for scale tests and benchmarks.
        .target(
            name: "ConsortiumGenerate", dependencies: ["ConsortiumModel", "ConsortiumRandom"], swiftSettings: strict),
        // Where an output may go (never onto a file the run read, nor into Agencies/ or Missions/ without --force)
        // and the writes that never replace a device. No domain knowledge.
        .target(name: "ConsortiumOutput", dependencies: ["ConsortiumModel"], swiftSettings: strict),
        // Rendering results for people and tools: text tables, timelines, traces.
        .target(
            name: "ConsortiumReport",
            dependencies: [
                "ConsortiumModel", "ConsortiumSimulation", "ConsortiumAnalysis",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict),
        // Command implementations; the executable only calls into this.
        .target(
            name: "ConsortiumCLI",
            dependencies: [
                "ConsortiumModel", "ConsortiumXML", "ConsortiumSimulation", "ConsortiumAnalysis", "ConsortiumReport",
                "ConsortiumGenerate", "ConsortiumOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "consortium", dependencies: ["ConsortiumCLI"], swiftSettings: strict),
        // The fuzz target (scripts/fuzz.sh builds it with libFuzzer); a normal build gives its replay tool.
        .executableTarget(
            name: "consortium-fuzz",
            dependencies: [
                "ConsortiumXML", "ConsortiumModel", "ConsortiumSimulation", "ConsortiumAnalysis", "ConsortiumReport",
                "ConsortiumOutput",
            ],
            swiftSettings: strict),
        // The SimPy peer model (../shared/bench) on our kernel: benchmark code, not the simulator's domain.
        .target(name: "CampaignBench", dependencies: ["ConsortiumEngine", "ConsortiumRandom"], swiftSettings: checked),
        .executableTarget(
            name: "consortium-bench",
            dependencies: [
                "CampaignBench", "ConsortiumEngine", "ConsortiumRandom", "ConsortiumXML", "ConsortiumModel",
                "ConsortiumSimulation", "ConsortiumAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsortiumXMLTests", dependencies: ["ConsortiumXML", "ConsortiumModel", "ConsortiumCLI"],
            exclude: ["Corpus"], swiftSettings: strict),
        .testTarget(
            name: "ConsortiumEngineTests", dependencies: ["ConsortiumEngine", "ConsortiumRandom"],
            swiftSettings: checked),
        .testTarget(
            name: "ConsortiumSimulationTests",
            dependencies: [
                "ConsortiumSimulation", "ConsortiumAnalysis", "ConsortiumReport", "ConsortiumXML", "ConsortiumModel",
                "ConsortiumRandom",
            ],
            exclude: ["Golden"], swiftSettings: checked),
        .testTarget(
            name: "ConsortiumAnalysisTests",
            dependencies: [
                "ConsortiumAnalysis", "ConsortiumSimulation", "ConsortiumXML", "ConsortiumModel", "ConsortiumRandom",
            ],
            swiftSettings: checked),
        .testTarget(
            name: "ConsortiumGenerateTests",
            dependencies: [
                "ConsortiumGenerate", "ConsortiumCLI", "ConsortiumXML", "ConsortiumModel", "ConsortiumSimulation",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "CampaignBenchTests", dependencies: ["CampaignBench"], resources: [.copy("Fixtures")],
            swiftSettings: checked),
    ]
)
