import Foundation
import Storage

/// The database schema: ilson's migrations (`sql/NNN_name.sql`, built into the binary or read from a
/// directory), applied in order, each in its own transaction, under an advisory lock.
public enum Schema {
    /// One migration and whether it is applied.
    public struct Entry: Sendable, Hashable {
        /// Whether a migration is applied, pending, or out of step with its file.
        public enum State: Sendable, Hashable {
            case applied(at: Date)
            case pending
            /// Applied, but the file has changed since (it will be refused).
            case checksumMismatch(appliedAt: Date)
            /// Applied, but this ilson has no such file.
            case unknownFile(appliedAt: Date)
        }
        public var version: Int
        public var name: String
        public var state: State
    }

    /// What `migrate` did.
    public struct MigrateReport: Sendable, Hashable {
        /// The file names applied now, in order.
        public var applied: [String]
        /// How many were applied before.
        public var alreadyApplied: Int
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
        return MigrateReport(applied: report.applied.map(\.fileName), alreadyApplied: report.alreadyApplied)
    }

    /// Every migration, applied or not, in version order.
    public static func status(directory: String?, on db: Database) throws -> [Entry] {
        try runner(directory).status(on: db).map { status in
            let state: Entry.State
            switch status.state {
            case .applied(let at): state = .applied(at: at)
            case .pending: state = .pending
            case .checksumMismatch(let at): state = .checksumMismatch(appliedAt: at)
            case .unknownFile(let at): state = .unknownFile(appliedAt: at)
            }
            return Entry(version: status.version, name: status.name, state: state)
        }
    }

    private static func runner(_ directory: String?) throws -> MigrationRunner {
        guard let directory else { return try MigrationRunner(source: .embedded) }
        return try MigrationRunner(source: .directory(URL(fileURLWithPath: directory, isDirectory: true)))
    }
}
