import Foundation
import Postgres
import Storage

/// Throwaway databases for database tests (shared by every test target). Each test that needs the server creates its own
/// database (random name), migrates it with the embedded migrations, and drops it afterwards,
/// so suites and tests run in parallel.
///
/// The server comes from `ILSON_TEST_DATABASE_URL`, else `ILSON_DATABASE_URL` (`scripts/test` sets
/// both). Without either, the tests are skipped with a message, unless `CI` is set: then they fail.
///
/// ```swift
/// @Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))  // skipComment: see below
/// struct RosterPlanTests {
///     @Test func plans() throws {
///         try TestDatabase.withMigratedDatabase { db, url in … }
///     }
/// }
/// ```
public enum TestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    public static var baseURL: String? {
        for key in ["ILSON_TEST_DATABASE_URL", "ILSON_DATABASE_URL"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return nil
    }

    public static var isCI: Bool {
        guard let value = environment["CI"] else { return false }
        return !value.isEmpty && value != "false" && value != "0"
    }

    /// Whether database tests run: with a URL, or under CI (where a missing URL is a failure).
    public static var enabled: Bool { baseURL != nil || isCI }

    /// Why database tests are skipped (each test target wraps it in a `Comment`).
    public static let skipReason =
        "no ILSON_TEST_DATABASE_URL or ILSON_DATABASE_URL: database tests skipped (scripts/test runs them)"

    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "CI is set but neither ILSON_TEST_DATABASE_URL nor ILSON_DATABASE_URL is: database tests cannot run"
        }
    }

    /// Runs `body` with a connection to a new, empty database and its connection string, then drops it.
    /// - Parameter base: the server to create it on (default: `baseURL`), e.g. a cluster of the test's own.
    public static func withDatabase<T>(base: String? = nil, _ body: (Connection, String) throws -> T) throws -> T {
        guard let base = base ?? baseURL else { throw NotConfigured() }
        let name = "ilson_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = try Connection(base, applicationName: "ilson-tests")
        try admin.query("CREATE DATABASE \(identifier: String(name))")
        defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(identifier: String(name)) WITH (FORCE)") }
        var options = try ConnectionString.parse(base)
        options["dbname"] = String(name)
        let url = ConnectionString.keyValue(options)
        let db = try Connection(url, applicationName: "ilson-tests")
        return try body(db, url)
    }

    /// Like `withDatabase`, with every embedded migration applied first.
    public static func withMigratedDatabase<T>(
        base: String? = nil, _ body: (Connection, String) throws -> T
    ) throws -> T {
        try withDatabase(base: base) { db, url in
            try MigrationRunner(source: .embedded).migrate(on: db)
            return try body(db, url)
        }
    }
}
