import Foundation
import Postgres
import Records
import Vocabulary

/// A record Storage reads from rows, in the style of GRDB's `FetchableRecord`: the record declares its
/// properties (and `Decodable`), and `init(row:)` decodes each property from the column of the same name in
/// snake case (`centerID` → `center_id`, `distanceKm` → `distance_km`).
///
/// - A `StoredStatus` property reads its text and throws `StoredValueError` naming the table, the column and
///   the value when no case matches: never a silent fallback.
/// - A `PGDecodable` property (`String`, `Int`, `Int64`, `Double`, `Bool`, `Date`, `Day`, `TimeOfDay`,
///   `[String]`) reads its column; an optional one reads NULL as nil. A missing column is an error.
/// - Another `Decodable` property is read from the JSON text of its column when the row has one
///   (`unfilled::text AS unfilled`), or else from the same row's columns (a nested value such as
///   `RequestValues`).
///
/// ```swift
/// struct CenterRecord: StoredRecord {
///     static let table = "centers"
///     var id: Int64
///     var smsSender: String?
/// }
/// let centers = try CenterRecord.fetchAll(db, "SELECT id, sms_sender FROM centers")
/// ```
public protocol StoredRecord: Decodable, Sendable {
    /// The table the record reads (named in errors).
    static var table: String { get }
    /// The table a column comes from, when the record joins another table; `table` by default.
    static func table(ofColumn column: String) -> String
}

extension StoredRecord {
    public static func table(ofColumn column: String) -> String { table }

    /// Decodes a record from one row.
    ///
    /// - Throws: `StoredValueError` for an unknown status or an unreadable time; `RowDecodingError` for a
    ///   missing column, a NULL where a value must be, or a type mismatch.
    public init(row: PostgresRow) throws {
        try self.init(from: RowDecoder(row: row, tableOf: Self.table(ofColumn:)))
    }

    /// Every row of a query as a record.
    public static func fetchAll(_ db: Connection, _ query: PostgresQuery) throws -> [Self] {
        try db.query(query).map(Self.init(row:))
    }

    /// The only row of a query as a record, nil when there is none.
    ///
    /// - Throws: also `PostgresError` (`.client`) when the query returns more than one row.
    public static func fetchOne(_ db: Connection, _ query: PostgresQuery) throws -> Self? {
        try db.query(query).singleRow().map(Self.init(row:))
    }
}

extension PostgresRow {
    /// A status column as its enum.
    ///
    /// - Throws: `StoredValueError` naming the table, the column and the value when no case matches.
    public func status<S: StoredStatus>(_ column: String, table: String, as type: S.Type = S.self) throws -> S {
        let text = try decode(column, as: String.self)
        guard let status = S(rawValue: text) else { throw StoredValueError(table: table, column: column, value: text) }
        return status
    }
}

extension Connection {
    /// The values of one column of every row (`SELECT id FROM …`).
    public func fetchColumn<T: PGDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try self.query(query).map { try $0.decode(at: 0, as: T.self) }
    }

    /// The value of one column of the first row; nil when there is no row or the value is NULL.
    public func fetchValue<T: PGDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try self.query(query).first else { return nil }
        return try row.decode(at: 0, as: T?.self)
    }
}

/// The `Decoder` behind `StoredRecord.init(row:)`: one keyed container over the row's columns.
struct RowDecoder: Decoder {
    let row: PostgresRow
    let tableOf: (String) -> String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: [], debugDescription: "a row is read by column names, not as a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: [], debugDescription: "a row is read by column names, not as one value"))
    }

    /// `centerID` → `center_id`, `distanceKm` → `distance_km`, `maxDaysPerWeek` → `max_days_per_week`.
    static func column(for key: String) -> String {
        var out = ""
        var previous: Character? = nil
        for c in key {
            if c.isUppercase, let p = previous, p.isLowercase || p.isNumber { out.append("_") }
            out += c.lowercased()
            previous = c
        }
        return out
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RowDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    var row: PostgresRow { decoder.row }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        let column = RowDecoder.column(for: key.stringValue)
        // A nested value has no column of its name: it is read from the row, never nil.
        return row.hasColumn(column) ? try row.isNull(column) : false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let column = RowDecoder.column(for: key.stringValue)
        if let status = T.self as? any StoredStatus.Type {
            return try decodeStatus(status, column) as! T
        }
        if let value = T.self as? any PGDecodable.Type {
            return try decodeValue(value, column) as! T
        }
        if row.hasColumn(column) {
            let text = try row.decode(column, as: String.self)
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        }
        return try T(from: decoder)
    }

    private func decodeStatus<S: StoredStatus>(_ type: S.Type, _ column: String) throws -> S {
        try row.status(column, table: decoder.tableOf(column))
    }

    private func decodeValue<V: PGDecodable>(_ type: V.Type, _ column: String) throws -> V {
        let result: Result<V, RowDecodingError> = Result { () throws(RowDecodingError) -> V in
            try row.decode(column, as: V.self)
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            if error.problem.isUnreadable && V.self == TimeOfDay.self {
                throw StoredValueError(table: decoder.tableOf(column), column: column)
            }
            throw error
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unsupported(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unsupported(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unsupported(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unsupported(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unsupported(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unsupported(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unsupported(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unsupported(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unsupported(type, key) }

    private func decode<T: PGDecodable>(_ type: T.Type, _ key: Key) throws -> T {
        try row.decode(RowDecoder.column(for: key.stringValue), as: T.self)
    }

    private func unsupported(_ type: Any.Type, _ key: Key) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [key], debugDescription: "Storage reads no \(type) from a row"))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

extension RowDecodingError.Problem {
    fileprivate var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
