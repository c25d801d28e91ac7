import Foundation
import Postgres
import Records
import Storage
import Texts

/// The database schema: ilson's migrations (`sql/NNN_name.sql`, built into the binary or read from a
/// directory), applied in order, each in its own transaction, under an advisory lock.
public enum Schema {
    /// What `migrate` did.
    public struct MigrateReport: Sendable, Hashable {
        /// The file names applied now, in order.
        public var applied: [String]
        /// How many were applied before.
        public var alreadyApplied: Int
        /// Centers given a county from their farms' locations when 016_center_county was applied now:
        /// `JC: 충청북도 진천군`.
        public var countiesAssigned: [String] = []
    }

    /// Applies the pending migrations.
    ///
    /// - Parameters:
    ///   - directory: a directory of `NNN_name.sql` files, nil for the migrations built in.
    ///   - progress: called before each migration with its file name and the first 12 digits of its SHA-256.
    /// - Throws: `MigrationError` (bad files, an applied migration whose file changed), `PostgresError`.
    public static func migrate(
        directory: String?, on db: Database, progress: (_ file: String, _ checksum: String) -> Void = { _, _ in }
    ) throws -> MigrateReport {
        let report = try runner(directory).migrate(on: db) { progress($0.fileName, String($0.checksum.prefix(12))) }
        var result = MigrateReport(applied: report.applied.map(\.fileName), alreadyApplied: report.alreadyApplied)
        if result.applied.contains(where: { $0.hasPrefix("016_") }) {
            result.countiesAssigned = try db.transaction { db in
                try Centers.assignCountiesFromFarms(on: db).map { "\($0.center): \($0.county)" }
            }
        }
        return result
    }

    /// Every migration, applied or not, in version order.
    public static func status(directory: String?, on db: Database) throws -> [MigrationStatus] {
        try runner(directory).status(on: db)
    }

    /// The SQL (for `psql` as a superuser on a new server, before `pg_restore`) that recreates the roles this
    /// database needs, with their password verifiers and groups: `ilson db roles`. Comment lines first.
    ///
    /// - Throws: `OperationError.permissionDenied` unless the connection is a superuser.
    public static func roleScript(on db: Database) throws -> [String] {
        let lines: [String]
        do {
            lines = try UserStore.roleScript(on: db)
        } catch let error as PostgresError where error.sqlState == .insufficientPrivilege {
            throw OperationError.permissionDenied(T(.errRolesSuperuser))
        }
        return [
            "-- ilson db roles: the roles of this database, for psql as a superuser before pg_restore.",
            "-- Holds password verifiers (SCRAM-SHA-256, never passwords): keep it as private as the dump.",
            "\\set ON_ERROR_STOP on",
        ] + lines
    }

    private static func runner(_ directory: String?) throws -> MigrationRunner {
        guard let directory else { return try MigrationRunner(source: .embedded) }
        return try MigrationRunner(source: .directory(URL(fileURLWithPath: directory, isDirectory: true)))
    }
}
