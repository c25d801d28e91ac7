import Postgres

/// The audit log: one row per change, written in the same transaction as the change.
///
/// Changes of `labor_requests` are logged by the database itself (a trigger of sql/010, whoever makes them): the
/// CLI only names its command with `name(via:on:)`. Every row is masked by the database on the way in (sql/010:
/// phone numbers as `Phone.mask`, names of workers and farmers, no home coordinates).
public enum AuditLog {
    /// What kind of change.
    public enum Action: String, Sendable { case create, update, delete, state }

    /// Records a change. `before` and `after` are JSON texts (e.g. from `row_to_json` or `JSONText`),
    /// or nil. The database masks personal data in them (sql/010).
    ///
    /// - Parameters:
    ///   - via: the command, e.g. `"worker edit"`.
    ///   - entity: the table or concept, e.g. `"worker"`.
    ///   - reason: why a person made the change (sql/020), shown by `ilson audit show`.
    public static func record(
        on db: Connection, center: Int64?, via: String, entity: String, id: String, action: Action,
        before: String? = nil, after: String? = nil, reason: String? = nil
    ) throws {
        try db.query(
            """
            INSERT INTO audit_log (center_id, via, entity, entity_id, action, before, after, reason)
            VALUES (\(center), \(via), \(entity), \(id), \(action.rawValue), \(before)::jsonb, \(after)::jsonb,
                    \(reason))
            """)
    }

    /// Records a change of one row, reading its JSON before and after from the table itself:
    /// call `snapshot` before the change and pass its result as `before`.
    public static func snapshot(on db: Connection, table: String, id: Int64) throws -> String? {
        let rows = try db.query("SELECT row_to_json(t)::text AS j FROM \(identifier: table) t WHERE id = \(id)")
        return try rows.first?.decode("j", as: String.self)
    }

    /// Names the command of the current transaction (`ilson.via`, transaction-local) for the rows the database
    /// writes itself (the requests' trigger). A label only: the actor is always the login.
    /// `reason` (sql/020) is the person's reason the trigger copies into the row (cleared when nil).
    public static func name(via: String, reason: String? = nil, on db: Connection) throws {
        try db.query("SELECT set_config('ilson.via', \(via), true), set_config('ilson.reason', \(reason ?? ""), true)")
    }
}
