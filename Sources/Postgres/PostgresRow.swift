/// The rows of a statement's result, copied out of libpq (nothing points into C memory).
public struct PostgresResult: Sendable, RandomAccessCollection {
    /// The column names, in order.
    public var columns: [String] { columnSet.names }
    /// The rows.
    public let rows: [PostgresRow]
    /// Rows inserted, updated, deleted, copied or selected (`PQcmdTuples`), 0 when not applicable.
    public let rowsAffected: Int
    /// The command tag, e.g. `INSERT 0 1`.
    public let commandTag: String
    let columnSet: ColumnSet

    init(columnSet: ColumnSet, rows: [PostgresRow], rowsAffected: Int, commandTag: String) {
        self.columnSet = columnSet
        self.rows = rows
        self.rowsAffected = rowsAffected
        self.commandTag = commandTag
    }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(position: Int) -> PostgresRow { rows[position] }

    /// The single row of a result, or `nil` when it has none.
    /// - Throws: `PostgresError` (`.client`) when there is more than one row.
    public func singleRow() throws(PostgresError) -> PostgresRow? {
        guard rows.count <= 1 else {
            throw PostgresError(kind: .client, message: "expected at most one row, got \(rows.count)")
        }
        return rows.first
    }
}

/// The column names and type OIDs of a result, shared by its rows.
final class ColumnSet: Sendable {
    let names: [String]
    let typeOIDs: [UInt32]
    let indexByName: [String: Int]

    init(names: [String], typeOIDs: [UInt32]) {
        self.names = names
        self.typeOIDs = typeOIDs
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.indexByName = index
    }
}

/// One row of a result: values decoded by column name or index.
///
/// ```swift
/// let name = try row.decode("name", as: String.self)
/// let phone = try row.decode("phone", as: String?.self)   // NULL → nil
/// ```
public struct PostgresRow: Sendable {
    let columnSet: ColumnSet
    let values: [String?]

    init(columnSet: ColumnSet, values: [String?]) {
        self.columnSet = columnSet
        self.values = values
    }

    /// The column names, in order.
    public var columns: [String] { columnSet.names }

    /// The value of a column that must not be NULL.
    ///
    /// - Parameters:
    ///   - column: the column name (the first one of that name).
    ///   - type: a `PGDecodable` type: `String`, `Int`, `Int64`, `Double`, `Bool`, `Date`, `PGDate`, `[String]`.
    /// - Throws: `RowDecodingError` for a missing column, a NULL, a type mismatch or unreadable text.
    public func decode<T: PGDecodable>(_ column: String, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        try decode(at: try index(of: column), as: type)
    }

    /// The value of a column that may be NULL (`nil`).
    public func decode<T: PGDecodable>(_ column: String, as type: T?.Type = T?.self) throws(RowDecodingError) -> T? {
        try decode(at: try index(of: column), as: type)
    }

    /// The value at a column index that must not be NULL.
    public func decode<T: PGDecodable>(at index: Int, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard let value = try decode(at: index, as: T?.self) else {
            throw RowDecodingError(column: name(at: index), expected: "\(T.self)", problem: .unexpectedNull)
        }
        return value
    }

    /// The value at a column index that may be NULL (`nil`).
    public func decode<T: PGDecodable>(at index: Int, as type: T?.Type = T?.self) throws(RowDecodingError) -> T? {
        guard values.indices.contains(index) else {
            throw RowDecodingError(column: "#\(index)", expected: "\(T.self)", problem: .noSuchColumn)
        }
        guard let text = values[index] else { return nil }
        let oid = columnSet.typeOIDs[index]
        guard T.acceptsPostgresType(oid) else {
            throw RowDecodingError(
                column: name(at: index), expected: "\(T.self)", problem: .typeMismatch(actual: PGTypeOID.name(of: oid)))
        }
        guard let value = T(postgresText: text) else {
            throw RowDecodingError(
                column: name(at: index), expected: "\(T.self)", problem: .unreadable(actual: PGTypeOID.name(of: oid)))
        }
        return value
    }

    /// The raw text of a column, `nil` for NULL.
    public func text(at index: Int) -> String? { values.indices.contains(index) ? values[index] : nil }

    /// Whether the result has a column of this name.
    public func hasColumn(_ column: String) -> Bool { columnSet.indexByName[column] != nil }

    /// Whether a column is NULL.
    /// - Throws: `RowDecodingError` when there is no such column.
    public func isNull(_ column: String) throws(RowDecodingError) -> Bool { values[try index(of: column)] == nil }

    private func index(of column: String) throws(RowDecodingError) -> Int {
        guard let index = columnSet.indexByName[column] else {
            throw RowDecodingError(column: column, expected: "a column", problem: .noSuchColumn)
        }
        return index
    }

    private func name(at index: Int) -> String { columnSet.names[index] }
}

/// A row value could not be decoded as asked. Names the column and the types, never the value.
public struct RowDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why decoding failed.
    public enum Problem: Sendable, Hashable {
        case noSuchColumn
        case unexpectedNull
        case typeMismatch(actual: String)
        case unreadable(actual: String)
    }

    /// The column name (or `#index`).
    public var column: String
    /// The Swift type asked for.
    public var expected: String
    public var problem: Problem

    public var description: String {
        switch problem {
        case .noSuchColumn: return "no column \"\(column)\" in the result"
        case .unexpectedNull: return "column \"\(column)\": expected \(expected), got NULL"
        case .typeMismatch(let actual): return "column \"\(column)\": expected \(expected), got \(actual)"
        case .unreadable(let actual): return "column \"\(column)\": \(actual) value is not a valid \(expected)"
        }
    }
}
