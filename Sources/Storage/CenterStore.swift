import Postgres

/// A dispatch center row.
public struct CenterRecord: Sendable, Hashable, CustomStringConvertible {
    public var id: Int64
    public var code: String
    public var name: String
    public var smsSender: String?
    public var description: String { "\(code) \(name)" }

    init(_ row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        smsSender = try row.decode("sms_sender", as: String?.self)
    }
}

/// SQL for `centers`.
public enum CenterStore {
    /// The center with this code (codes are stored upper-case).
    public static func find(code: String, on db: Connection) throws -> CenterRecord? {
        try db.query("SELECT id, code, name, sms_sender FROM centers WHERE code = \(code.uppercased())")
            .first.map(CenterRecord.init)
    }

    /// Centers in code order, at most `limit`.
    public static func all(limit: Int = 1000, on db: Connection) throws -> [CenterRecord] {
        try db.query("SELECT id, code, name, sms_sender FROM centers ORDER BY code LIMIT \(limit)")
            .map(CenterRecord.init)
    }
}
