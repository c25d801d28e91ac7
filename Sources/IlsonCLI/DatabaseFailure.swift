import Operations
import Postgres
import Storage

/// A database error as the person at the terminal sees it, with the exit code of `spec/cli.md`.
///
/// The message holds the target (host or socket, port, database, user) and libpq's reason
/// for connection failures; for other errors the SQLSTATE, constraint and table, never
/// bind values or the password.
struct DatabaseFailure: IlsonFailure {
    let error: PostgresError
    let origin: Configuration.Setting.Origin?

    init(_ error: PostgresError, origin: Configuration.Setting.Origin? = nil) {
        self.error = error
        self.origin = origin
    }

    var exitCode: IlsonExitCode {
        switch error.kind {
        case .connectionFailure: return .databaseUnreachable
        case .serializationFailure, .lockNotAvailable: return .conflict
        case .server(let state) where state == .insufficientPrivilege: return .permissionDenied
        case .server(let state) where state == .deadlockDetected: return .conflict
        default: return .badInput
        }
    }

    var message: String {
        switch error.kind {
        case .connectionFailure:
            let source = origin.map { "from \($0)" } ?? "from libpq's defaults (PG* variables; no ILSON_DATABASE_URL)"
            return """
                cannot reach the database at \(error.target?.description ?? "(unknown)"): \(error.message)
                (connection settings \(source); set --database-url or ILSON_DATABASE_URL, \
                or start a development database with scripts/dev-db start)
                """
        case .server(let state) where state == .insufficientPrivilege:
            // Row-level security and GRANTs (sql/008_roles.sql); the server's text names a table or policy, no values.
            let reason = error.message.hasPrefix("permission denied") ? error.message : "permission denied: " + error.message
            return reason + " (this login's role may not do it: see docs/roles.md)"
        case .server(let state) where state == .undefinedTable:
            return "\(error.description): the schema is missing or old; run `ilson db migrate`"
        default:
            return error.description + (error.hint.map { "\nhint: \($0)" } ?? "")
        }
    }
}

/// A migration problem: bad files or a changed applied migration are bad input (exit 2).
struct MigrationFailure: IlsonFailure {
    let error: MigrationError
    var message: String { error.description }
    var exitCode: IlsonExitCode { .badInput }
}

/// Turns the errors of the lower layers into `IlsonFailure`s; other errors pass through.
func ilsonFailure(for error: any Error) -> (any IlsonFailure)? {
    switch error {
    case let failure as any IlsonFailure: return failure
    case let error as PostgresError: return DatabaseFailure(error)
    case let error as MigrationError: return MigrationFailure(error: error)
    case let error as OperationError: return OperationFailure(error: error)
    case let error as InvalidReference: return CommandFailure(error.message, exitCode: .badInput)
    case let error as StoredValueError: return CommandFailure(error.description, exitCode: .badInput)
    default: return nil
    }
}
