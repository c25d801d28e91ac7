import Foundation
import Postgres
import Storage
import Testing

/// Throwaway migrated databases for the batch tests (one per test, random name, dropped afterwards).
///
/// The server comes from `ILSON_TEST_DATABASE_URL`, else `ILSON_DATABASE_URL` (`scripts/test` sets both);
/// without either the tests are skipped, unless `CI` is set.
enum TestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    static var baseURL: String? {
        for key in ["ILSON_TEST_DATABASE_URL", "ILSON_DATABASE_URL"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return nil
    }

    static var enabled: Bool { baseURL != nil || !(environment["CI"] ?? "").isEmpty }

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String { "no ILSON_TEST_DATABASE_URL: the batch tests need a database (scripts/test)" }
    }

    /// Runs `body` with a connection to a new migrated database and its URL, then drops it.
    static func withDatabase<T>(base: String? = nil, _ body: (Connection, String) throws -> T) throws -> T {
        guard let base = base ?? baseURL else { throw NotConfigured() }
        let name = "ilson_batch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = try Connection(base, applicationName: "ilson-tests")
        try admin.query("CREATE DATABASE \(identifier: String(name))")
        defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(identifier: String(name)) WITH (FORCE)") }
        var options = try ConnectionString.parse(base)
        options["dbname"] = String(name)
        let url = ConnectionString.keyValue(options)
        let db = try Connection(url, applicationName: "ilson-tests")
        try MigrationRunner(source: .embedded).migrate(on: db)
        return try body(db, url)
    }
}
