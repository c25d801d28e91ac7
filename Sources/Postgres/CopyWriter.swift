import CLibPQ

extension Connection {
    /// Loads rows with `COPY table (columns) FROM STDIN` in text format: the fast path for bulk writes.
    ///
    /// The COPY is one statement: when any row is bad (or `produce` throws), nothing is loaded.
    ///
    /// ```swift
    /// try db.copy(into: "workers", columns: ["center_id", "name", "phone"]) { writer in
    ///     for worker in workers { try writer.append([.int(center), .text(worker.name), .text(worker.phone)]) }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - table: the table name (quoted as an identifier, so it is never SQL).
    ///   - schema: its schema, or `nil` for the search path.
    ///   - columns: the column names, in the order of every row's values.
    ///   - produce: appends the rows to the writer.
    /// - Returns: the number of rows loaded.
    /// - Throws: `PostgresError` (e.g. a bad value, with the server's line number in `message`),
    ///   or what `produce` throws.
    @discardableResult
    public func copy(
        into table: String, schema: String? = nil, columns: [String], _ produce: (CopyWriter) throws -> Void
    ) throws -> Int {
        var target = PostgresQuery.quoteIdentifier(table)
        if let schema { target = PostgresQuery.quoteIdentifier(schema) + "." + target }
        let columnList = columns.map(PostgresQuery.quoteIdentifier).joined(separator: ", ")
        let sql = "COPY \(target) (\(columnList)) FROM STDIN"

        let start = withHandle { PQexec($0, sql) }
        defer { PQclear(start) }
        try check(start, sql: sql)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            throw PostgresError(kind: .client, message: "COPY did not start", query: sql)
        }
        let writer = CopyWriter(connection: self, columnCount: columns.count)
        var producerError: (any Error)?
        do {
            try produce(writer)
            try writer.flush()
        } catch {
            producerError = error
        }
        let outcome = finishCopy(abortMessage: producerError == nil ? nil : "aborted by the client", sql: sql)
        if let producerError { throw producerError }
        return try outcome.get()
    }

    /// Loads rows given as a sequence; see `copy(into:schema:columns:_:)`.
    @discardableResult
    public func copy<Rows: Sequence<[PGValue?]>>(
        into table: String, schema: String? = nil, columns: [String], rows: Rows
    ) throws -> Int {
        try copy(into: table, schema: schema, columns: columns) { writer in
            for row in rows { try writer.append(row) }
        }
    }

    /// Sends the end of data (or an abort) and reads every result until libpq has none left.
    private func finishCopy(abortMessage: String?, sql: String) -> Result<Int, PostgresError> {
        withHandle { handle in
            if PQputCopyEnd(handle, abortMessage) != 1 {
                return .failure(connectionError(query: sql))
            }
            var outcome: Result<Int, PostgresError> = .failure(connectionError(query: sql))
            var first = true
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                guard first else { continue }
                first = false
                if PQresultStatus(result) == PGRES_COMMAND_OK {
                    outcome = .success(Int(Connection.copy(PQcmdTuples(result)) ?? "") ?? 0)
                } else {
                    outcome = .failure(error(from: result, query: sql))
                }
            }
            return outcome
        }
    }

    fileprivate func putCopyData(_ bytes: [UInt8]) throws(PostgresError) {
        let sent = withHandle { handle in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
        }
        guard sent == 1 else { throw connectionError(query: nil) }
    }
}

/// Receives the rows of one `Connection.copy(into:…)`; encodes them in COPY's text format.
public final class CopyWriter {
    private let connection: Connection
    private let columnCount: Int
    private var buffer: [UInt8] = []
    private static let flushSize = 256 * 1024
    /// Rows appended so far.
    public private(set) var rowCount = 0

    fileprivate init(connection: Connection, columnCount: Int) {
        self.connection = connection
        self.columnCount = columnCount
        buffer.reserveCapacity(CopyWriter.flushSize + 4096)
    }

    /// Appends one row: one value per column, `nil` for NULL.
    ///
    /// - Throws: `PostgresError` (`.client`) when the row has the wrong number of values or a value
    ///   holds a NUL character; `PostgresError` when sending fails.
    public func append(_ row: [PGValue?]) throws(PostgresError) {
        guard row.count == columnCount else {
            throw PostgresError(
                kind: .client, message: "COPY row \(rowCount + 1) has \(row.count) values for \(columnCount) columns")
        }
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in value.textRepresentation.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0:
                    throw PostgresError(kind: .client, message: "COPY row \(rowCount + 1) holds a NUL character")
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        rowCount += 1
        if buffer.count >= CopyWriter.flushSize { try flush() }
    }

    /// Sends what is buffered.
    func flush() throws(PostgresError) {
        guard !buffer.isEmpty else { return }
        try connection.putCopyData(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

@available(*, unavailable)
extension CopyWriter: Sendable {}
