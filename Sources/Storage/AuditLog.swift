import Postgres

/// The audit log: one row per change, written in the same transaction as the change.
public enum AuditLog {
    /// What kind of change.
    public enum Action: String, Sendable { case create, update, delete, state }

    /// Records a change. `before` and `after` are JSON texts (e.g. from `row_to_json` or `JSONText`),
    /// or nil. Phone numbers in them are stored as they are in the tables (the log is as private as the data).
    ///
    /// - Parameters:
    ///   - via: the command, e.g. `"worker edit"`.
    ///   - entity: the table or concept, e.g. `"worker"`.
    public static func record(
        on db: Connection, center: Int64?, via: String, entity: String, id: String, action: Action,
        before: String? = nil, after: String? = nil
    ) throws {
        try db.query(
            """
            INSERT INTO audit_log (center_id, via, entity, entity_id, action, before, after)
            VALUES (\(center), \(via), \(entity), \(id), \(action.rawValue), \(before)::jsonb, \(after)::jsonb)
            """)
    }

    /// Records a change of one row, reading its JSON before and after from the table itself:
    /// call `snapshot` before the change and pass its result as `before`.
    public static func snapshot(on db: Connection, table: String, id: Int64) throws -> String? {
        let rows = try db.query("SELECT row_to_json(t)::text AS j FROM \(identifier: table) t WHERE id = \(id)")
        return try rows.first?.decode("j", as: String.self)
    }
}
