import CLibPQ
import Foundation

/// One connection to PostgreSQL, owning libpq's `PGconn`.
///
/// libpq blocks, and one `PGconn` must not be used by two threads at once, so a
/// `Connection` is deliberately not `Sendable`: own it in one place and pass it down.
/// Every session is set up the same way: `DateStyle` ISO, `TimeZone` Asia/Seoul,
/// `client_encoding` UTF8, and an `application_name`.
///
/// ```swift
/// let db = try Connection(url)                     // or Connection() for libpq's PG* defaults
/// try db.transaction { tx in
///     try tx.query("INSERT INTO centers (code, name) VALUES (\(code), \(name))")
/// }
/// ```
public final class Connection {
    /// The libpq handle. Never leaves this class.
    private let handle: OpaquePointer
    private let noticeSink: NoticeSink
    /// How many `transaction` calls are open (0: none; 1: BEGIN; more: SAVEPOINTs).
    var transactionDepth = 0

    /// Where this connection went (no password).
    public let target: ConnectionTarget

    /// Settings every session gets. `options` may be replaced by a connection string that sets its own;
    /// `DateStyle` and `TimeZone` are then checked and SET after connecting.
    static let sessionTimeZone = "Asia/Seoul"

    /// Opens a connection.
    ///
    /// - Parameters:
    ///   - connectionString: a libpq connection string (`host=… dbname=…`) or URI
    ///     (`postgresql://user@host:5432/db`); `nil` or empty uses libpq's defaults
    ///     (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, service file, `.pgpass`).
    ///   - applicationName: `application_name` unless the connection string or `PGAPPNAME` sets one.
    ///   - overrides: libpq keywords that win over the connection string, e.g. `["dbname": "other"]`.
    ///   - onNotice: called for each NOTICE or WARNING the server sends (they never go to stderr).
    /// - Throws: `PostgresError` of kind `.connectionFailure`, naming host or socket, port, database
    ///   and user and libpq's reason; never the password.
    public init(
        _ connectionString: String? = nil, applicationName: String = "ilson", overrides: [String: String] = [:],
        onNotice: ((PostgresNotice) -> Void)? = nil
    ) throws(PostgresError) {
        // Later keywords override earlier ones, including those expanded from dbname.
        var parameters: [(String, String)] = [
            ("fallback_application_name", applicationName),
            ("connect_timeout", "10"),
            ("options", "-c DateStyle=ISO -c TimeZone=\(Connection.sessionTimeZone)"),
        ]
        if let connectionString, !connectionString.isEmpty {
            parameters.append(("dbname", connectionString))
        }
        parameters.append(("client_encoding", "UTF8"))
        parameters += overrides.sorted { $0.key < $1.key }

        // libpq is loaded on the first connection (CLibPQ): say so plainly when it is missing.
        if let problem = ilson_libpq_problem() {
            throw PostgresError(kind: .connectionFailure, message: String(cString: problem))
        }
        let connection = Connection.connect(parameters)
        guard let connection else {
            throw PostgresError(kind: .connectionFailure, message: "libpq could not allocate a connection")
        }
        let target = ConnectionTarget(
            host: Connection.copy(PQhost(connection)), port: Connection.copy(PQport(connection)),
            database: Connection.copy(PQdb(connection)), user: Connection.copy(PQuser(connection)))
        guard PQstatus(connection) == CONNECTION_OK else {
            var reason = Connection.copy(PQerrorMessage(connection)) ?? "unknown reason"
            PQfinish(connection)
            // libpq does not print passwords; make sure of it anyway.
            var passwords = [overrides["password"], ProcessInfo.processInfo.environment["PGPASSWORD"]]
            if let connectionString, let options = try? ConnectionString.parse(connectionString) {
                passwords.append(options["password"])
            }
            for case let password? in passwords where !password.isEmpty {
                reason = reason.replacingOccurrences(of: password, with: "****")
            }
            reason = reason.trimmingTrailingNewlines().replacingOccurrences(of: "\n\t", with: " ")
                .replacingOccurrences(of: "\n", with: "; ")
            throw PostgresError(kind: .connectionFailure, message: reason, target: target)
        }
        self.handle = connection
        self.target = target
        self.noticeSink = NoticeSink(handler: onNotice)
        PQsetNoticeReceiver(
            connection,
            { argument, result in
                guard let argument, let result else { return }
                let sink = Unmanaged<NoticeSink>.fromOpaque(argument).takeUnretainedValue()
                sink.receive(PostgresNotice(result))
            }, Unmanaged.passUnretained(noticeSink).toOpaque())
        try ensureSessionSettings()
    }

    deinit {
        PQfinish(handle)
    }

    private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
        // The C strings live only inside this scope.
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            for keyword in keywords { free(keyword) }
            for value in values { free(value) }
        }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        return PQconnectdbParams(keywordPointers, valuePointers, 1)
    }

    /// SETs `DateStyle` and `TimeZone` when the connection string's own `options` replaced ours.
    private func ensureSessionSettings() throws(PostgresError) {
        if !(parameterStatus("DateStyle") ?? "").hasPrefix("ISO") {
            try query("SET DateStyle = ISO")
        }
        if parameterStatus("TimeZone") != Connection.sessionTimeZone {
            try query("SET TimeZone = \(unescaped: "'" + Connection.sessionTimeZone + "'")")
        }
    }

    /// A setting the server reports (`server_version`, `TimeZone`, `DateStyle`, `client_encoding`, …).
    public func parameterStatus(_ name: String) -> String? {
        Connection.copy(PQparameterStatus(handle, name))
    }

    /// The server's version number, e.g. 150010.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// The notices received so far (the most recent 100), oldest first.
    public var notices: [PostgresNotice] { noticeSink.notices }

    /// Whether the connection is still usable.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    // MARK: Queries

    /// Runs one statement with its bind values.
    ///
    /// - Parameter query: built from a string literal; each `\(value)` is a bind parameter.
    /// - Returns: the rows, copied into Swift.
    /// - Throws: `PostgresError` with the server's SQLSTATE, message and constraint.
    @discardableResult
    public func query(_ query: PostgresQuery) throws(PostgresError) -> PostgresResult {
        try execute(sql: query.sql, binds: query.binds)
    }

    /// Runs one statement with `$1`, `$2`, … placeholders and their values.
    ///
    /// - Parameters:
    ///   - sql: SQL text written by the programmer; values go in `parameters`, never in the text.
    ///   - parameters: the values of `$1`, `$2`, …; `nil` is SQL NULL.
    /// - Returns: the rows, copied into Swift.
    /// - Throws: `PostgresError`.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PGValue?]) throws(PostgresError) -> PostgresResult {
        try execute(sql: sql, binds: parameters)
    }

    /// Runs a script of several statements with no parameters (the simple query protocol), e.g. a migration.
    ///
    /// - Parameter script: SQL text from a file the programmer wrote; never data.
    /// - Throws: `PostgresError` for the first failing statement.
    public func executeScript(_ script: String) throws(PostgresError) {
        let result = PQexec(handle, script)
        defer { PQclear(result) }
        try check(result, sql: script)
    }

    private func execute(sql: String, binds: [PGValue?]) throws(PostgresError) -> PostgresResult {
        let texts = binds.map { $0?.textRepresentation }
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(kind: .client, message: "a bind value contains a NUL character", query: sql)
        }
        let types = binds.map { $0?.typeOID ?? 0 }
        // The parameter C strings live only inside this scope.
        let cValues = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for value in cValues { free(value) } }
        let result = cValues.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            types.withUnsafeBufferPointer { types in
                PQexecParams(
                    handle, sql, Int32(binds.count), types.baseAddress, values.baseAddress, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        try check(result, sql: sql)
        return Connection.copyResult(result!)
    }

    /// Throws the error a result carries, if any.
    func check(_ result: OpaquePointer?, sql: String?) throws(PostgresError) {
        guard let result else { throw connectionError(query: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return
        default:
            throw error(from: result, query: sql)
        }
    }

    /// The error of a failed result, with its diagnostic fields.
    func error(from result: OpaquePointer, query: String?) -> PostgresError {
        func field(_ code: UInt8) -> String? { Connection.copy(PQresultErrorField(result, Int32(code))) }
        let state = field(UInt8(ascii: "C")).map(SQLState.init(rawValue:))
        let constraint = field(UInt8(ascii: "n"))
        var message = field(UInt8(ascii: "M")) ?? Connection.copy(PQresultErrorMessage(result)) ?? ""
        message = message.trimmingTrailingNewlines()
        if message.isEmpty { message = Connection.copy(PQerrorMessage(handle))?.trimmingTrailingNewlines() ?? "" }
        var kind = PostgresError.kind(for: state, constraint: constraint)
        if state == nil && connectionBroke { kind = .connectionFailure }
        var error = PostgresError(
            kind: kind, sqlState: state, message: message, detail: field(UInt8(ascii: "D")),
            hint: field(UInt8(ascii: "H")), constraint: constraint, table: field(UInt8(ascii: "t")), query: query,
            target: kind == .connectionFailure ? target : nil)
        error.schema = field(UInt8(ascii: "s"))
        error.column = field(UInt8(ascii: "c"))
        return error
    }

    /// The error when libpq returned no result at all (connection lost, out of memory).
    func connectionError(query: String?) -> PostgresError {
        let message = Connection.copy(PQerrorMessage(handle))?.trimmingTrailingNewlines() ?? "no result from libpq"
        let broken = connectionBroke
        return PostgresError(
            kind: broken ? .connectionFailure : .client, message: message, query: query, target: broken ? target : nil)
    }

    /// Whether the connection broke, asked after a failure that carries no SQLSTATE (libpq's own).
    ///
    /// When the server dies while the connection is idle, the next statement's send fails and libpq reports
    /// "server closed the connection unexpectedly" with the connection still marked `CONNECTION_OK`; only the
    /// next read finds the end of the stream. Reading what is there (`PQconsumeInput`, which never blocks) makes
    /// libpq notice it now, so the failure is classified as a lost connection, not as a client error.
    var connectionBroke: Bool {
        if PQstatus(handle) == CONNECTION_BAD { return true }
        _ = PQconsumeInput(handle)
        return PQstatus(handle) == CONNECTION_BAD
    }

    private static func copyResult(_ result: OpaquePointer) -> PostgresResult {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let names = (0..<columnCount).map { copy(PQfname(result, Int32($0))) ?? "?column?" }
        let types = (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }
        let columnSet = ColumnSet(names: names, typeOIDs: types)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) != 0 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            rows.append(PostgresRow(columnSet: columnSet, values: values))
        }
        let affected = Int(copy(PQcmdTuples(result)) ?? "") ?? 0
        return PostgresResult(
            columnSet: columnSet, rows: rows, rowsAffected: affected, commandTag: copy(PQcmdStatus(result)) ?? "")
    }

    /// A Swift copy of a C string libpq owns.
    static func copy(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    static func copy(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Runs `body` with the raw handle, for the other files of this module (COPY).
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T { try body(handle) }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// A NOTICE, WARNING or other non-error message from the server.
public struct PostgresNotice: Sendable, Hashable, CustomStringConvertible {
    /// `NOTICE`, `WARNING`, `INFO`, `DEBUG`, `LOG`.
    public var severity: String
    public var sqlState: SQLState?
    public var message: String

    init(_ result: OpaquePointer) {
        func field(_ code: UInt8) -> String? { Connection.copy(PQresultErrorField(result, Int32(code))) }
        severity = field(UInt8(ascii: "V")) ?? field(UInt8(ascii: "S")) ?? "NOTICE"
        sqlState = field(UInt8(ascii: "C")).map(SQLState.init(rawValue:))
        message = field(UInt8(ascii: "M")) ?? ""
    }

    public var description: String { "\(severity): \(message)" }
}

/// Collects notices for one connection; libpq calls it synchronously on the connection's thread.
final class NoticeSink {
    private(set) var notices: [PostgresNotice] = []
    let handler: ((PostgresNotice) -> Void)?

    init(handler: ((PostgresNotice) -> Void)?) { self.handler = handler }

    func receive(_ notice: PostgresNotice) {
        if notices.count >= 100 { notices.removeFirst() }
        notices.append(notice)
        handler?(notice)
    }
}
