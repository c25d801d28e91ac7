import Postgres

/// `message_templates`: a center's own text per slot (`assignment`, `farmer_list`, `cancellation`, …).
/// Validation belongs to the caller (Messaging's `Template`); this only stores text.
public enum MessageTemplateStore {
    /// The center's templates by slot name.
    public static func templates(center: Int64, on db: Connection) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try db.query("SELECT slot, body FROM message_templates WHERE center_id = \(center)") {
            out[try row.decode("slot", as: String.self)] = try row.decode("body", as: String.self)
        }
        return out
    }

    /// Saves (inserts or replaces) one slot's text.
    public static func save(center: Int64, slot: String, body: String, on db: Connection) throws {
        try db.query(
            """
            INSERT INTO message_templates (center_id, slot, body) VALUES (\(center), \(slot), \(body))
            ON CONFLICT (center_id, slot) DO UPDATE SET body = excluded.body, updated_at = now()
            """)
    }

    /// Removes a slot's text, so the default applies again.
    /// - Returns: whether there was one.
    @discardableResult
    public static func remove(center: Int64, slot: String, on db: Connection) throws -> Bool {
        try db.query("DELETE FROM message_templates WHERE center_id = \(center) AND slot = \(slot)").rowsAffected > 0
    }
}
