import Foundation
import Postgres
import Testing

@testable import Storage

/// The repository's `sql/` folder (found from this file's path; no `../shared` needed).
let repositorySQLDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sql")

@Suite struct MigrationFileTests {
    @Test(arguments: [
        ("001_core.sql", 1, "core"), ("012_sms_outbox.sql", 12, "sms_outbox"), ("1_x.sql", 1, "x"),
    ])
    func goodNames(_ file: String, _ version: Int, _ name: String) throws {
        let migration = try Migration(fileName: file, contents: Data("SELECT 1;".utf8))
        #expect(migration.version == version)
        #expect(migration.name == name)
    }

    @Test(arguments: ["core.sql", "001.sql", "001_.sql", "001_a-b.sql", "x01_a.sql", "001_a.txt"])
    func badNames(_ file: String) {
        #expect(throws: MigrationError.badFileName(file)) { try Migration(fileName: file, contents: Data()) }
    }

    @Test func embeddedMigrationsAreTheFilesOfSqlByteForByte() throws {
        let embedded = try MigrationSource.embedded.load()
        let files = try MigrationSource.directory(repositorySQLDirectory).load()
        #expect(!embedded.isEmpty)
        #expect(embedded == files)
        #expect(embedded.first?.fileName == "001_core.sql")
    }

    @Test func duplicateVersionsAreRefused() throws {
        let directory = try temporaryCopyOfSQL()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("SELECT 1;".utf8).write(to: directory.appendingPathComponent("001_again.sql"))
        #expect(throws: MigrationError.duplicateVersion("001_again.sql", "001_core.sql")) {
            try MigrationSource.directory(directory).load()
        }
    }
}

/// A temporary copy of `sql/`, to change without touching the repository.
func temporaryCopyOfSQL() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-sql-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: repositorySQLDirectory, to: directory)
    return directory
}

@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct MigrationRunnerTests {
    @Test func migrateTwiceAppliesOnce() throws {
        try TestDatabase.withDatabase { db, _ in
            let runner = try MigrationRunner(source: .embedded)
            #expect(try runner.status(on: db).allSatisfy { $0.state == .pending })
            let first = try runner.migrate(on: db)
            #expect(first.applied.map(\.version) == runner.migrations.map(\.version))
            let second = try runner.migrate(on: db)
            #expect(second.applied.isEmpty)
            #expect(second.alreadyApplied == runner.migrations.count)
            let rows = try db.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
            #expect(try rows.map { try $0.decode("version", as: Int.self) } == runner.migrations.map(\.version))
            #expect(try rows.map { try $0.decode("checksum", as: String.self) } == runner.migrations.map(\.checksum))
            for status in try runner.status(on: db) {
                guard case .applied = status.state else {
                    Issue.record("migration \(status.version) is \(status.state)")
                    continue
                }
            }
        }
    }

    @Test func failingMigrationLeavesNothingOfItself() throws {
        try TestDatabase.withDatabase { db, _ in
            let good = try Migration(fileName: "001_a.sql", contents: Data("CREATE TABLE a (x int);".utf8))
            let bad = try Migration(
                fileName: "002_b.sql", contents: Data("CREATE TABLE b (x int);\nCREATE TABLE broken (;".utf8))
            #expect(throws: MigrationError.self) { try MigrationRunner(migrations: [good, bad]).migrate(on: db) }
            let tables = try db.query("SELECT to_regclass('a') IS NOT NULL AS a, to_regclass('b') IS NOT NULL AS b")[0]
            #expect(try tables.decode("a", as: Bool.self))
            #expect(try !tables.decode("b", as: Bool.self))
            #expect(try db.query("SELECT count(*) AS n FROM schema_migrations")[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func changedAppliedMigrationIsRefusedNamingTheFile() throws {
        try TestDatabase.withDatabase { db, _ in
            let original = try Migration(fileName: "001_a.sql", contents: Data("CREATE TABLE a (x int);".utf8))
            try MigrationRunner(migrations: [original]).migrate(on: db)
            let changed = try Migration(fileName: "001_a.sql", contents: Data("CREATE TABLE a (x bigint);".utf8))
            let next = try Migration(fileName: "002_b.sql", contents: Data("CREATE TABLE b (x int);".utf8))
            do {
                try MigrationRunner(migrations: [changed, next]).migrate(on: db)
                Issue.record("expected the changed migration to be refused")
            } catch let error as MigrationError {
                guard case .checksumMismatch(let file, _, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(file == "001_a.sql")
                #expect(error.description.contains("001_a.sql"))
            }
            // Nothing else was applied.
            #expect(try db.query("SELECT to_regclass('b') IS NULL AS gone")[0].decode("gone", as: Bool.self))
        }
    }
}
