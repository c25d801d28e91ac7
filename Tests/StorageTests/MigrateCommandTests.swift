import Foundation
import Postgres
import Testing

@testable import Storage

/// `ilson db migrate` as separate processes: the built `ilson` binary, found next to the test bundle.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct MigrateCommandTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `ilson` executable of this build (`.build/<triple>/debug/ilson`, beside the test bundle).
    static func ilsonExecutable() throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL { candidates.append(bundle.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in candidates {
            var current = directory
            for _ in 0..<4 {
                let binary = current.appendingPathComponent("ilson")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: binary.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: binary.path)
                {
                    return binary
                }
                current.deleteLastPathComponent()
            }
        }
        struct NotBuilt: Error, CustomStringConvertible {
            var description: String { "the ilson executable was not found next to the tests; run `swift build` first" }
        }
        throw NotBuilt()
    }

    /// Starts `ilson` with arguments, with a clean environment (no config file, no PG* variables).
    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try ilsonExecutable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PG") && !$0.key.hasPrefix("ILSON_")
        }
        environment["ILSON_CONFIG"] = "/dev/null"
        environment["ILSON_LANG"] = "en"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Outcome {
        let (process, out, err) = started
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func run(_ arguments: [String]) throws -> Outcome { finish(try start(arguments)) }

    @Test func migrateTwiceThenStatus() throws {
        try TestDatabase.withDatabase { db, url in
            let first = try Self.run(["db", "migrate", "--database-url", url])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("applying 001_core.sql"))
            let second = try Self.run(["db", "migrate", "--database-url", url])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(!second.stdout.contains("applying"))
            #expect(second.stdout.contains("up to date"))
            let status = try Self.run(["db", "status", "--database-url", url])
            #expect(status.status == 0)
            #expect(status.stdout.contains("001  core"))
            #expect(status.stdout.contains("applied"))
            #expect(
                try db.query("SELECT count(*) AS n FROM schema_migrations WHERE version = 1")[0].decode(
                    "n", as: Int.self) == 1)
        }
    }

    @Test func twoProcessesAtOnceApplyTheSchemaOnce() throws {
        try TestDatabase.withDatabase { db, url in
            let a = try Self.start(["db", "migrate", "--database-url", url])
            let b = try Self.start(["db", "migrate", "--database-url", url])
            let outcomes = [Self.finish(a), Self.finish(b)]
            for outcome in outcomes { #expect(outcome.status == 0, "\(outcome.stderr)") }
            let applying = outcomes.map { $0.stdout.components(separatedBy: "applying 001_core.sql").count - 1 }
            #expect(applying.reduce(0, +) == 1)
            let migrations = try MigrationSource.embedded.load()
            let recorded = try db.query("SELECT count(*) AS n FROM schema_migrations")[0].decode("n", as: Int.self)
            #expect(recorded == migrations.count)
            #expect(
                try db.query("SELECT to_regclass('labor_requests') IS NOT NULL AS ok")[0].decode("ok", as: Bool.self))
        }
    }

    @Test func tamperedMigrationIsRefusedNamingTheFile() throws {
        try TestDatabase.withDatabase { _, url in
            let directory = try temporaryCopyOfSQL()
            defer { try? FileManager.default.removeItem(at: directory) }
            let first = try Self.run(["db", "migrate", "--database-url", url, "--sql-dir", directory.path])
            #expect(first.status == 0, "\(first.stderr)")
            let file = directory.appendingPathComponent("001_core.sql")
            let handle = try FileHandle(forWritingTo: file)
            handle.seekToEndOfFile()
            handle.write(Data("\n-- an innocent-looking edit\n".utf8))
            try handle.close()
            let second = try Self.run(["db", "migrate", "--database-url", url, "--sql-dir", directory.path])
            #expect(second.status == 2)
            #expect(second.stderr.contains("001_core.sql"))
            #expect(second.stderr.contains("changed"))
            let status = try Self.run(["db", "status", "--database-url", url, "--sql-dir", directory.path])
            #expect(status.stdout.contains("CHANGED"))
        }
    }

    @Test func deadDatabaseExitsThreeWithoutThePassword() throws {
        let outcome = try Self.run([
            "db", "migrate", "--database-url", "postgresql://kim:hunter2-secret@127.0.0.1:1/ilson",
        ])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("127.0.0.1"))
        #expect(outcome.stderr.contains("port 1"))
        #expect(!outcome.stderr.contains("hunter2-secret"))
        #expect(!outcome.stdout.contains("hunter2-secret"))
    }
}
