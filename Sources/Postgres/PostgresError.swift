/// An error from PostgreSQL or from talking to it.
///
/// `description` is deliberately short and holds no data: only the kind, the SQLSTATE
/// and the names of the constraint and table, which are schema, never bind values.
/// The server's message, detail and hint (which may quote values, e.g. "Key (phone)=(…)")
/// and the query text are in the properties and in `debugDescription`; bind values are
/// never kept.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, in the cases callers handle differently.
    public enum Kind: Sendable, Hashable {
        /// A UNIQUE or PRIMARY KEY constraint (`23505`), by name when the server said.
        case uniqueViolation(constraint: String?)
        /// A FOREIGN KEY constraint (`23503`).
        case foreignKeyViolation(constraint: String?)
        /// A CHECK constraint (`23514`).
        case checkViolation(constraint: String?)
        /// A serializable transaction must be retried (`40001`).
        case serializationFailure
        /// A lock could not be taken at once (`55P03`).
        case lockNotAvailable
        /// The server could not be reached, refused the login, or the connection broke.
        case connectionFailure
        /// Any other error the server reported, by SQLSTATE.
        case server(SQLState)
        /// The client misused the API or libpq failed without a server error (e.g. out of memory).
        case client
    }

    /// What went wrong.
    public var kind: Kind
    /// The SQLSTATE, when the server (or libpq) gave one.
    public var sqlState: SQLState?
    /// The primary message (server's or libpq's). May quote values: keep it out of logs.
    public var message: String
    /// The server's DETAIL, which may quote row values.
    public var detail: String?
    /// The server's HINT.
    public var hint: String?
    /// The constraint involved, when the server named one.
    public var constraint: String?
    /// The schema, table and column involved, when the server named them.
    public var schema: String?
    public var table: String?
    public var column: String?
    /// The SQL text of the statement (never its bind values), for `debugDescription`.
    public var query: String?
    /// For a connection failure: where libpq tried to connect, password masked.
    public var target: ConnectionTarget?

    /// An error of the given kind.
    public init(
        kind: Kind, sqlState: SQLState? = nil, message: String, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil, table: String? = nil, query: String? = nil, target: ConnectionTarget? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.query = query
        self.target = target
    }

    /// Classifies a SQLSTATE into a `Kind`.
    static func kind(for state: SQLState?, constraint: String?) -> Kind {
        guard let state else { return .client }
        switch state {
        case .uniqueViolation: return .uniqueViolation(constraint: constraint)
        case .foreignKeyViolation: return .foreignKeyViolation(constraint: constraint)
        case .checkViolation: return .checkViolation(constraint: constraint)
        case .serializationFailure: return .serializationFailure
        case .lockNotAvailable: return .lockNotAvailable
        default:
            // 28: login refused; 08 and 57P01-57P03: the connection is gone (`isConnectionLoss`).
            if state.isConnectionLoss || state.errorClass == "28" || state.rawValue.hasPrefix("57P") {
                return .connectionFailure
            }
            return .server(state)
        }
    }

    /// Whether the database could not be reached or the connection broke.
    public var isConnectionFailure: Bool { kind == .connectionFailure }

    public var description: String {
        switch kind {
        case .connectionFailure:
            // libpq's reason names host and port, never the password; the target is masked.
            var text = "cannot connect to PostgreSQL"
            if let target { text += " at \(target)" }
            return text + ": " + message
        case .client:
            return "PostgreSQL client error: " + message
        default:
            var text = "PostgreSQL error"
            if let sqlState {
                text += " \(sqlState)"
                if let name = sqlState.name { text += " (\(name))" }
            }
            if let constraint { text += " on constraint \(constraint)" }
            if let table { text += " in table \(table)" }
            return text
        }
    }

    public var debugDescription: String {
        var lines = [description]
        if kind != .connectionFailure && kind != .client { lines.append("message: \(message)") }
        if let detail { lines.append("detail: \(detail)") }
        if let hint { lines.append("hint: \(hint)") }
        if let query { lines.append("query: \(query)") }
        return lines.joined(separator: "\n")
    }
}
