/// A five-character SQLSTATE error code, e.g. `23505`, with named constants for the ones
/// ilson reacts to and class matching (`23` is "integrity constraint violation").
public struct SQLState: Sendable, Hashable, RawRepresentable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The two-character class, e.g. `23` for every integrity constraint violation.
    public var errorClass: String { String(rawValue.prefix(2)) }

    /// Whether this code belongs to the class of `other` (same first two characters).
    public func isInClass(of other: SQLState) -> Bool { errorClass == other.errorClass }

    public var description: String { rawValue }

    /// `23505`: a UNIQUE or PRIMARY KEY constraint was violated.
    public static let uniqueViolation: SQLState = "23505"
    /// `23503`: a FOREIGN KEY constraint was violated.
    public static let foreignKeyViolation: SQLState = "23503"
    /// `23514`: a CHECK constraint was violated.
    public static let checkViolation: SQLState = "23514"
    /// `23502`: a NOT NULL constraint was violated.
    public static let notNullViolation: SQLState = "23502"
    /// `23P01`: an EXCLUDE constraint was violated.
    public static let exclusionViolation: SQLState = "23P01"
    /// `40001`: a serializable transaction must be retried.
    public static let serializationFailure: SQLState = "40001"
    /// `40P01`: the transaction was chosen as a deadlock victim; retry it.
    public static let deadlockDetected: SQLState = "40P01"
    /// `55P03`: `NOWAIT`, `lock_timeout` or a `SKIP`-less lock could not be taken.
    public static let lockNotAvailable: SQLState = "55P03"
    /// `57014`: the statement was cancelled (e.g. `statement_timeout`).
    public static let queryCanceled: SQLState = "57014"
    /// `42501`: the role lacks a privilege (or row-level security refused the row).
    public static let insufficientPrivilege: SQLState = "42501"
    /// `42P01`: the table does not exist.
    public static let undefinedTable: SQLState = "42P01"
    /// `42601`: syntax error.
    public static let syntaxError: SQLState = "42601"
    /// `22P02`: a value's text is not valid input for its type.
    public static let invalidTextRepresentation: SQLState = "22P02"
    /// `3D000`: the database does not exist.
    public static let invalidCatalogName: SQLState = "3D000"
    /// `08006`: the connection failed. Class `08` is every connection exception.
    public static let connectionFailure: SQLState = "08006"
    /// `08001`: the client could not establish a connection.
    public static let sqlClientUnableToEstablishConnection: SQLState = "08001"
    /// `57P01`: the server is shutting down (`pg_ctl stop`) and ended the session.
    public static let adminShutdown: SQLState = "57P01"
    /// `57P02`: the server ended the session because another server process crashed.
    public static let crashShutdown: SQLState = "57P02"
    /// `57P03`: the server is starting up or shutting down and accepts no connection.
    public static let cannotConnectNow: SQLState = "57P03"

    /// Whether the code says the connection is gone or cannot be made: class `08` (connection exceptions) and
    /// the server's shutdown codes `57P01`-`57P03`. The database is then unreachable, whatever the statement was.
    public var isConnectionLoss: Bool {
        errorClass == "08" || self == .adminShutdown || self == .crashShutdown || self == .cannotConnectNow
    }
    /// `28P01`: password authentication failed.
    public static let invalidPassword: SQLState = "28P01"

    /// A readable name for the codes above, for messages.
    public var name: String? {
        switch self {
        case .uniqueViolation: return "unique_violation"
        case .foreignKeyViolation: return "foreign_key_violation"
        case .checkViolation: return "check_violation"
        case .notNullViolation: return "not_null_violation"
        case .exclusionViolation: return "exclusion_violation"
        case .serializationFailure: return "serialization_failure"
        case .deadlockDetected: return "deadlock_detected"
        case .lockNotAvailable: return "lock_not_available"
        case .queryCanceled: return "query_canceled"
        case .insufficientPrivilege: return "insufficient_privilege"
        case .undefinedTable: return "undefined_table"
        case .syntaxError: return "syntax_error"
        case .invalidTextRepresentation: return "invalid_text_representation"
        case .invalidCatalogName: return "invalid_catalog_name"
        case .connectionFailure: return "connection_failure"
        case .sqlClientUnableToEstablishConnection: return "sqlclient_unable_to_establish_sqlconnection"
        case .invalidPassword: return "invalid_password"
        default: return nil
        }
    }
}
