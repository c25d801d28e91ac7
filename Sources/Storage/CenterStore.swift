import Postgres
import Records

extension CenterRecord: StoredRecord {
    public static let table = "centers"
}

/// SQL for `centers`.
public enum CenterStore {
    /// The center with this code (codes are stored upper-case).
    public static func find(code: String, on db: Connection) throws -> CenterRecord? {
        try CenterRecord.fetchOne(
            db, "SELECT id, code, name, sms_sender FROM centers WHERE code = \(code.uppercased())")
    }

    /// Centers in code order, at most `limit`.
    public static func all(limit: Int = 1000, on db: Connection) throws -> [CenterRecord] {
        try CenterRecord.fetchAll(db, "SELECT id, code, name, sms_sender FROM centers ORDER BY code LIMIT \(limit)")
    }
}

extension CenterStore {
    /// Inserts a center.
    ///
    /// - Parameters:
    ///   - code: upper-case code, e.g. `JC`.
    ///   - smsSender: the registered sender number, digits only, or nil.
    /// - Returns: the new row.
    /// - Throws: `PostgresError` (`centers_code_key` when the code exists, a CHECK for a bad code or sender).
    public static func insert(code: String, name: String, smsSender: String?, on db: Connection) throws -> CenterRecord
    {
        try CenterRecord(
            row: db.query(
                """
                INSERT INTO centers (code, name, sms_sender) VALUES (\(code), \(name), \(smsSender))
                RETURNING id, code, name, sms_sender
                """)[0])
    }

    /// Sets a center's name and sender number (pass the current values for what does not change).
    public static func update(id: Int64, name: String, smsSender: String?, on db: Connection) throws -> CenterRecord {
        try CenterRecord(
            row: db.query(
                """
                UPDATE centers SET name = \(name), sms_sender = \(smsSender) WHERE id = \(id)
                RETURNING id, code, name, sms_sender
                """)[0])
    }
}
