import Postgres

/// SQL for `skills`: the skill codes a center knows.
public enum SkillStore {
    /// Makes sure every code exists in the center (new codes are added).
    public static func ensure(_ codes: [String], center: Int64, on db: Connection) throws {
        guard !codes.isEmpty else { return }
        try db.query(
            """
            INSERT INTO skills (center_id, code) SELECT \(center), c FROM unnest(\(codes)::text[]) AS c
            ON CONFLICT (center_id, code) DO NOTHING
            """)
    }

    /// The skill codes of a center, sorted.
    public static func codes(center: Int64, on db: Connection) throws -> [String] {
        try db.fetchColumn("SELECT code FROM skills WHERE center_id = \(center) ORDER BY code")
    }
}
