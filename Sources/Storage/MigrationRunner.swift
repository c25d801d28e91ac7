import Foundation
import Postgres
import Records

/// What `migrate` did.
public struct MigrationReport: Sendable, Hashable {
    /// The migrations this run applied, in order.
    public var applied: [Migration]
    /// How many were already applied before.
    public var alreadyApplied: Int
}

/// Applies `sql/NNN_name.sql` migrations in order, each in its own transaction, under a
/// PostgreSQL advisory lock, and records each in `schema_migrations` with its SHA-256.
///
/// Two runs at once are safe: the second waits for the lock, then finds nothing to do.
public struct MigrationRunner {
    /// The migrations this runner knows, sorted by version.
    public let migrations: [Migration]

    /// The advisory lock key every ilson migration run takes (session level).
    static let lockKey: Int64 = 0x696C_736F_6E5F_6D69  // "ilson_mi"

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            name        text NOT NULL,
            checksum    text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """

    /// A runner for the given migrations (see `MigrationSource.load()`).
    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// A runner for the migrations of a source.
    /// - Throws: `MigrationError` when the source's files are bad.
    public init(source: MigrationSource) throws(MigrationError) {
        self.init(migrations: try source.load())
    }

    /// Applies every pending migration.
    ///
    /// - Parameters:
    ///   - db: the connection; it must not be inside a transaction.
    ///   - progress: told about each migration as it is applied.
    /// - Returns: what was applied.
    /// - Throws: `MigrationError.checksumMismatch` (nothing applied) when an applied file changed,
    ///   `MigrationError.failed` when a migration fails (earlier ones stay applied), `PostgresError`.
    @discardableResult
    public func migrate(on db: Connection, progress: (Migration) -> Void = { _ in }) throws -> MigrationReport {
        try db.query("SELECT pg_advisory_lock(\(MigrationRunner.lockKey))")
        defer { _ = try? db.query("SELECT pg_advisory_unlock(\(MigrationRunner.lockKey))") }
        try db.query(PostgresQuery(unescaped: MigrationRunner.createTable))

        let recorded = try appliedRows(on: db)
        try verifyChecksums(recorded)
        let pending = migrations.filter { recorded[$0.version] == nil }
        for migration in pending {
            progress(migration)
            do {
                try db.transaction { tx in
                    try tx.executeScript(migration.sql)
                    try tx.query(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """)
                }
            } catch let error as PostgresError where !error.isConnectionFailure {
                throw MigrationError.failed(
                    fileName: migration.fileName, sqlState: error.sqlState?.rawValue, reason: error.message)
            }
        }
        return MigrationReport(applied: pending, alreadyApplied: migrations.count - pending.count)
    }

    /// Every known migration and every recorded one, with its state, by version.
    ///
    /// - Parameter db: the connection.
    /// - Throws: `PostgresError`.
    public func status(on db: Connection) throws -> [MigrationStatus] {
        let exists = try db.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        let recorded = try exists[0].decode("present", as: Bool.self) ? try appliedRows(on: db) : [:]
        var statuses: [MigrationStatus] = migrations.map { migration in
            guard let row = recorded[migration.version] else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending)
            }
            let state: MigrationStatus.State =
                row.checksum == migration.checksum
                ? .applied(at: row.appliedAt) : .checksumMismatch(appliedAt: row.appliedAt)
            return MigrationStatus(version: migration.version, name: migration.name, state: state)
        }
        let known = Set(migrations.map(\.version))
        for (version, row) in recorded where !known.contains(version) {
            statuses.append(
                MigrationStatus(version: version, name: row.name, state: .unknownFile(appliedAt: row.appliedAt)))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    private struct AppliedRow {
        var name: String
        var checksum: String
        var appliedAt: Date
    }

    private func appliedRows(on db: Connection) throws -> [Int: AppliedRow] {
        var rows: [Int: AppliedRow] = [:]
        for row in try db.query("SELECT version, name, checksum, applied_at FROM schema_migrations") {
            rows[try row.decode("version", as: Int.self)] = AppliedRow(
                name: try row.decode("name"), checksum: try row.decode("checksum"),
                appliedAt: try row.decode("applied_at"))
        }
        return rows
    }

    private func verifyChecksums(_ recorded: [Int: AppliedRow]) throws(MigrationError) {
        for migration in migrations {
            if let row = recorded[migration.version], row.checksum != migration.checksum {
                throw .checksumMismatch(
                    fileName: migration.fileName, recorded: row.checksum, current: migration.checksum)
            }
        }
    }
}
