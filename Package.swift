// swift-tools-version:6.0
import PackageDescription

/// One set of settings for every target (swift-log and hummingbird do the same).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The C targets' debug information in DWARF 4, which valgrind 3.19 reads (clang's default DWARF 5 makes it give up).
let cDebugInfo: [CSetting] = [.unsafeFlags(["-gdwarf-4"])]

let package = Package(
    name: "ilson",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ilson", targets: ["ilson"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // libpq, the PostgreSQL C client library, loaded by dlopen on first use (Debian: libpq5): declarations of
        // the functions ilson calls and their forwarders, so commands without a database never load it.
        .target(
            name: "CLibPQ", cSettings: cDebugInfo, linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // libcurl loaded by dlopen on first use (Debian: libcurl4): one HTTP exchange in C, for the SMS gateway.
        .target(
            name: "CCurl", cSettings: cDebugInfo, linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // The project's vocabulary, at the bottom of the graph: Day and its arithmetic, TimeOfDay, ISO weeks,
        // the status enums, typed ids. No dependencies (not even Foundation).
        .target(name: "Vocabulary", swiftSettings: swiftSettings),
        // ilson's records as plain values (a center, a worker, a request, a roster …): what Storage reads and
        // writes and Operations returns. No SQL, no I/O.
        .target(
            name: "Records", dependencies: ["Vocabulary", "Scheduling", "KoreanText"], swiftSettings: swiftSettings),
        // Our libpq wrapper; knows nothing of ilson.
        .target(name: "Postgres", dependencies: ["CLibPQ"], swiftSettings: swiftSettings),
        // Pure scheduling core: model, validation, solver, score, explanations. Foundation at most.
        .target(
            name: "Scheduling", dependencies: ["Vocabulary"],
            swiftSettings: swiftSettings + [
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
            ]
        ),
        // Places of South Korea: every 시도, 시군구, 읍면동 and 리 with its legal code and a point inside, from
        // data/places.tsv (scripts/dev/gen-places.py), embedded by the EmbedPlaces plugin. Pure data and lookups.
        .target(name: "Places", swiftSettings: swiftSettings, plugins: ["EmbedPlaces"]),
        // Build tool for EmbedPlaces: writes data/places.tsv as a Swift source.
        .executableTarget(name: "EmbedPlacesTool", swiftSettings: swiftSettings),
        .plugin(name: "EmbedPlaces", capability: .buildTool(), dependencies: ["EmbedPlacesTool"]),
        // Simplified 읍면동 boundaries of Korea from data/boundaries.tsv (scripts/dev/gen-boundaries.py), embedded by
        // the EmbedBoundaries plugin (which reuses EmbedPlacesTool). Pure data and point-in-area tests.
        .target(
            name: "Boundaries", dependencies: ["Places"], swiftSettings: swiftSettings, plugins: ["EmbedBoundaries"]),
        .plugin(name: "EmbedBoundaries", capability: .buildTool(), dependencies: ["EmbedPlacesTool"]),
        // Printable sheets: the day's HTML (cover, farm and pickup pages), the map of the day (SVG), bar charts.
        // Pure: values in, HTML/SVG text out.
        .target(
            name: "PrintSheets", dependencies: ["Vocabulary", "Places", "Boundaries"], swiftSettings: swiftSettings),
        // Korean text: CP949 codec and byte counts, display width, phone numbers and their masking, CSV, tables.
        .target(name: "KoreanText", swiftSettings: swiftSettings),
        // The words ilson prints, one catalogue per language (Korean default, English with ILSON_LANG=en or
        // --lang en), looked up by key. Foundation only.
        .target(name: "Texts", swiftSettings: swiftSettings),
        // Realistic generated instances (`ilson generate`, benchmarks, property tests).
        .target(
            name: "Generator", dependencies: ["Vocabulary", "Scheduling", "Places", "KoreanText"],
            swiftSettings: swiftSettings),
        // Message composition (pure: templates, CP949 byte rules) and the gateways that deliver one message.
        .target(name: "Messaging", dependencies: ["Vocabulary", "KoreanText", "CCurl"], swiftSettings: swiftSettings),
        // A fake SMS provider speaking spec/sms-gateway.md over loopback, for tests of any target.
        .target(name: "SMSFakeProvider", dependencies: ["KoreanText"], swiftSettings: swiftSettings),
        // SQL and rows <-> domain values; the migration runner.
        // The EmbedMigrations plugin compiles sql/*.sql (at the package root) into the module.
        .target(
            name: "Storage", dependencies: ["Vocabulary", "Records", "Postgres", "Scheduling", "KoreanText"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedMigrations"]
        ),
        // Build tool for EmbedMigrations: writes the migration files as a Swift source.
        .executableTarget(name: "EmbedSQL", swiftSettings: swiftSettings),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["EmbedSQL"]),
        // Use cases: requests, workers, rosters, approval, batch, reports. Never writes SQL for the CLI.
        .target(
            name: "Operations",
            dependencies: [
                "Vocabulary", "Records", "Scheduling", "Storage", "Postgres", "KoreanText", "Places", "Messaging",
                "PrintSheets", "Boundaries", "Texts",
            ],
            swiftSettings: swiftSettings
        ),
        // The command line: one file per command group.
        .target(
            name: "IlsonCLI",
            dependencies: [
                "Vocabulary", "Records", "Scheduling", "Generator", "KoreanText", "Operations", "Messaging", "Places",
                "PrintSheets", "Texts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Sealed: the CLI imports neither Storage nor Postgres, and may use no member of theirs through
            // Operations' API (MemberImportVisibility makes a member usable only where its module is imported).
            swiftSettings: swiftSettings + [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(name: "ilson", dependencies: ["IlsonCLI"], swiftSettings: swiftSettings),
        // Throwaway migrated databases for every database test target.
        .target(name: "TestSupport", dependencies: ["Postgres", "Storage"], swiftSettings: swiftSettings),

        .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"], swiftSettings: swiftSettings),
        .testTarget(name: "SchedulingTests", dependencies: ["Vocabulary", "Scheduling"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GeneratorTests", dependencies: ["Vocabulary", "Generator", "Scheduling", "Places"],
            swiftSettings: swiftSettings),
        // The printable sheets and the map: HTML parsed, escaping, farm markers inside their 읍면, headless Chromium.
        .testTarget(
            name: "PrintSheetsTests", dependencies: ["Vocabulary", "Places", "Boundaries", "PrintSheets"],
            swiftSettings: swiftSettings),
        .testTarget(name: "TextsTests", dependencies: ["Texts"], swiftSettings: swiftSettings),
        .testTarget(name: "KoreanTextTests", dependencies: ["KoreanText"], swiftSettings: swiftSettings),
        .testTarget(
            name: "OperationsTests",
            dependencies: [
                "Vocabulary", "Records", "Operations", "Storage", "Postgres", "Scheduling", "KoreanText", "TestSupport",
                "Places", "Generator", "PrintSheets", "Boundaries", "Texts",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MessagingTests", dependencies: ["Vocabulary", "Messaging", "SMSFakeProvider", "KoreanText"],
            swiftSettings: swiftSettings),
        // The batch and SMS delivery against real PostgreSQL, the real `ilson` binary and a fake provider.
        .testTarget(
            name: "BatchTests",
            dependencies: [
                "Vocabulary", "Records", "Operations", "Storage", "Postgres", "Messaging", "SMSFakeProvider",
                "KoreanText", "Scheduling",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StorageTests", dependencies: ["Vocabulary", "Records", "Storage", "Postgres", "TestSupport"],
            swiftSettings: swiftSettings),
        // Roles and row-level security: every role against every table, and the CLI as each role.
        .testTarget(
            name: "AccessTests",
            dependencies: [
                "Vocabulary", "Records", "IlsonCLI", "Operations", "Storage", "Postgres", "KoreanText", "Messaging",
                "TestSupport", "Texts",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IlsonCLITests",
            dependencies: [
                "Vocabulary", "Records", "IlsonCLI", "Scheduling", "Operations", "Storage", "Postgres", "KoreanText",
                "TestSupport", "Places", "Texts",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
