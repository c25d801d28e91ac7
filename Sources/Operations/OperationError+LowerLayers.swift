import Postgres
import Records
import Storage
import Texts

extension OperationError {
    /// The error of a lower layer (the database, the migrations, a stored value, a typed reference) as an
    /// `OperationError`, so that the command line maps one error type to its messages and exit codes;
    /// nil for an error that is not one of them.
    ///
    /// Messages hold the SQLSTATE, constraint and table, or the column, never bind values or a password.
    public init?(lowerLayer error: any Error) {
        switch error {
        case let error as OperationError: self = error
        // A connection that breaks here was opened before (`DatabaseAccess.open` maps failures to connect).
        case let error as PostgresError: self = OperationError(error, connecting: false, settingsSource: nil)
        case let error as MigrationError: self = .badInput(error.description)
        case let error as InvalidReference: self = .badInput(error.message)
        // A value in the database ilson cannot read: names the table and column (and a status), never personal data.
        case let error as StoredValueError: self = .badInput(error.description)
        // Names the column and the types, never the value.
        case let error as RowDecodingError: self = .badInput(error.description)
        case let error as UnknownDayID: self = .badInput(error.description)
        default: return nil
        }
    }

    /// A database error with the exit code of `spec/cli.md`: unreachable (3), a conflict (4), a role's
    /// refusal (5), else bad input (2).
    ///
    /// Connection failures are unreachable (3) whatever the statement was: libpq's broken connection, SQLSTATE
    /// class `08`, the server's shutdown codes `57P01`-`57P03`, a refused login.
    ///
    /// - Parameters:
    ///   - connecting: true when the error came while opening the connection; false when a connection that was
    ///     open broke (the server stopped or crashed mid-run).
    ///   - settingsSource: where the connection settings came from, for a failure to connect.
    init(_ error: PostgresError, connecting: Bool = true, settingsSource: String?) {
        switch error.kind {
        case _
        where (error.isConnectionFailure || error.sqlState?.isConnectionLoss == true) && !connecting
            && error.sqlState?.errorClass != "28":
            let reason = error.message.split(separator: "\n").first.map(String.init) ?? error.message
            self = .unreachable(
                T(.errDatabaseLost, ["target": error.target?.description ?? T(.errDatabaseLostIt), "reason": reason]))
        case _ where error.isConnectionFailure || error.sqlState?.isConnectionLoss == true:
            let source = settingsSource.map { T(.errSettingsFrom, ["source": $0]) } ?? T(.errSettingsFromLibpq)
            self = .unreachable(
                T(
                    .errDatabaseUnreachable,
                    [
                        "target": error.target?.description ?? T(.errDatabaseUnknownTarget), "message": error.message,
                        "source": source,
                    ]))
        case .serializationFailure, .lockNotAvailable:
            self = .conflict(OperationError.plain(error))
        case .server(let state) where state == .deadlockDetected:
            self = .conflict(OperationError.plain(error))
        case .server(let state) where state == .insufficientPrivilege:
            // Row-level security and GRANTs (sql/008_roles.sql); the server's text names a table or policy, no values.
            // The server's own text stays as it is (it names a table or policy); the sentence around it is ilson's.
            let key: TextKey =
                error.message.hasPrefix("permission denied") ? .errPermissionServer : .errPermissionDenied
            self = .permissionDenied(T(key, ["message": error.message]))
        case .server(let state) where state == .undefinedTable:
            self = .badInput(T(.errSchemaOld, ["error": error.description]))
        default:
            self = .badInput(OperationError.plain(error))
        }
    }

    private static func plain(_ error: PostgresError) -> String {
        error.description + (error.hint.map { "\n" + T(.errHint, ["hint": $0]) } ?? "")
    }
}
