// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Taizhang",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "taizhang-agent", targets: ["taizhang-agent"]),
        .executable(name: "taizhang-hub", targets: ["taizhang-hub"]),
        .executable(name: "taizhang-hub-web", targets: ["taizhang-hub-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The operator's dashboard only (HubWeb, taizhang-hub-web); bcrypt also for `operator`.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // libzmq (Debian's libzmq3-dev/libzmq5), loaded on first use: see Sources/CZeroMQ/shim.c.
        .target(name: "CZeroMQ", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // libpq (Debian's libpq-dev) and its synchronous Swift client, for the hub on PostgreSQL
        // (issue 14); the clerk's agent never links it.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // Domain rules shared by agent and hub — the ledger rules, the chain, the wire codec and
        // the report's arithmetic (movements, replay, the export hash): Foundation-free on purpose.
        .target(name: "TaizhangCore", dependencies: ["CSHA256"]),
        // SHA-256 through the processor's SHA instructions where it has them (TaizhangCore/SHA256.swift).
        .target(name: "CSHA256"),
        .target(name: "TaizhangText", dependencies: ["TaizhangCore"]),
        .target(name: "LocalFiles"),
        // `--config FILE` (TOML) for both programs; parsed only when the flag is given.
        .target(name: "ConfigFiles", dependencies: ["TaizhangCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The monthly report: rows, completeness, provenance, and the CSV/JSON/XLSX writers.
        .target(
            name: "TaizhangReport",
            dependencies: ["TaizhangCore", "TaizhangText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "Lifecycle"),
        // What the agent's ledger and the hub's database share in SQL: snapshots, the item key.
        .target(name: "LedgerSQL", dependencies: ["TaizhangCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The programs' shared start: language, "did you mean", help and parser errors in the
        // user's language (the words themselves are in TaizhangText, which web pages can use).
        .target(
            name: "TaizhangCommandLine",
            dependencies: [
                "TaizhangText", "TaizhangCore", "ConfigFiles", "LocalFiles", "TaizhangReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "AgentKit",
            dependencies: [
                "TaizhangCore", "ZeroMQ", "LocalFiles", "Lifecycle", "ConfigFiles", "LedgerSQL",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The outbox streams through SQLite's C API (OutboxRead.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HubKit",
            dependencies: [
                "TaizhangCore", "ZeroMQ", "LocalFiles", "Lifecycle", "ConfigFiles", "LedgerSQL",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The ingest hot path binds its cached INSERT directly (EntryInsert.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The hub's errors in the reader's language, for both hub programs.
        .target(name: "HubText", dependencies: ["HubKit", "TaizhangCore", "TaizhangText"]),
        // The JSON that `totals`, `branches` and the dashboard's /api/ twins print: one builder.
        .target(name: "HubJSON", dependencies: ["HubKit", "TaizhangCore", "TaizhangText"]),
        // The operator's dashboard: routes, view models, templates, SVG charts. Its own process.
        .target(
            name: "HubWeb",
            dependencies: [
                "HubKit", "HubJSON", "TaizhangCore", "TaizhangText", "TaizhangReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "taizhang-hub-web",
            dependencies: [
                "HubWeb", "HubKit", "HubText", "TaizhangText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "taizhang-agent",
            dependencies: [
                "AgentKit", "TaizhangText", "TaizhangCore", "Lifecycle",
                "TaizhangReport", "TaizhangCommandLine", "ConfigFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The clerk's program starts for every command, and the loader's work was a sixth of a
            // recording command: 87,721 relative relocations (packed by lld as DT_RELR, which
            // glibc 2.36 applies in a few hundred words) and 11,000 exported symbols nothing needs.
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"])]
        ),
        .executableTarget(
            name: "taizhang-hub",
            dependencies: [
                "HubKit", "HubText", "TaizhangText", "TaizhangCore", "Lifecycle", "ZeroMQ",
                "TaizhangReport", "HubJSON", "TaizhangCommandLine", "ConfigFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "taizhang-bench",
            dependencies: [
                "AgentKit", "HubKit", "TaizhangCore", "TaizhangText", "ZeroMQ", "LocalFiles",
                "TaizhangReport", "TaizhangTesting", "PostgresClient", "PostgresTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // Helpers for tests that run the built programs as real processes.
        .target(name: "TaizhangTesting", dependencies: ["TaizhangCore"], path: "Sources/TaizhangTesting"),
        // The wire codec's fuzzer (`make fuzz`: libFuzzer); an ordinary build replays a corpus.
        .executableTarget(name: "taizhang-fuzz", dependencies: ["TaizhangCore", "TaizhangTesting"]),
        // Real PostgreSQL clusters for tests and the bench: initdb, a server on a loopback port
        // the system chose, a synchronous standby, promotion (run as `postgres` when root).
        .target(name: "PostgresTesting", dependencies: ["PostgresClient", "TaizhangTesting"]),
        .testTarget(name: "TaizhangTestingTests", dependencies: ["TaizhangTesting"]),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "PostgresTesting", "TaizhangTesting"]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "TaizhangCoreTests", dependencies: ["TaizhangCore", "TaizhangText", "TaizhangTesting"]),
        .testTarget(name: "AgentKitTests", dependencies: ["AgentKit"]),
        .testTarget(name: "HubKitTests", dependencies: ["HubKit", "TaizhangTesting"]),
        .testTarget(
            name: "ReportTests",
            dependencies: [
                "TaizhangReport", "HubKit", "AgentKit", "TaizhangCore", "TaizhangText", "ZeroMQ", "TaizhangTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden", "Scripts"]
        ),
        .testTarget(
            name: "HubWebTests",
            dependencies: [
                "HubWeb", "HubKit", "HubJSON", "TaizhangCore", "TaizhangText", "TaizhangTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "AgentEndToEndTests",
            dependencies: ["TaizhangTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SystemTests",
            dependencies: [
                "TaizhangTesting", "AgentKit", "TaizhangCore", "ZeroMQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
