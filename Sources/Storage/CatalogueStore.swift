import Postgres
import Records

/// SQL for `tasks` and `skills` as a catalogue: codes with Korean names (`sql/023_task_skill_catalogue.sql`).
public enum CatalogueStore {
    /// A center's tasks or skills, by code.
    public static func load(_ kind: CatalogueKind, center: Int64, on db: Connection) throws -> Catalogue {
        let rows = try db.query(
            "SELECT code, name FROM \(identifier: kind.table) WHERE center_id = \(center) ORDER BY code")
        return Catalogue(
            kind: kind,
            entries: try rows.map {
                CatalogueEntry(code: try $0.decode("code"), name: try $0.decode("name", as: String?.self))
            })
    }

    /// Adds an entry; returns its id.
    public static func insert(_ kind: CatalogueKind, center: Int64, code: String, name: String, on db: Connection)
        throws -> Int64
    {
        try db.query(
            "INSERT INTO \(identifier: kind.table) (center_id, code, name) VALUES (\(center), \(code), \(name)) RETURNING id"
        )[0].decode("id")
    }

    /// How many live requests and workers use a code (for `list`).
    public static func uses(_ kind: CatalogueKind, center: Int64, on db: Connection) throws -> [String: Int] {
        let rows: PostgresResult
        switch kind {
        case .task:
            rows = try db.query(
                """
                SELECT task AS code, count(*)::bigint AS n FROM labor_requests
                WHERE center_id = \(center) AND status <> 'cancelled' GROUP BY task
                """)
        case .skill:
            rows = try db.query(
                """
                SELECT s.code, count(*)::bigint AS n FROM worker_skills ws JOIN skills s ON s.id = ws.skill_id
                WHERE ws.center_id = \(center) GROUP BY s.code
                """)
        }
        var uses: [String: Int] = [:]
        for row in rows { uses[try row.decode("code")] = Int(try row.decode("n", as: Int64.self)) }
        return uses
    }
}

extension CatalogueStore {
    /// The id of a code's row.
    public static func id(_ kind: CatalogueKind, center: Int64, code: String, on db: Connection) throws -> Int64? {
        try db.query("SELECT id FROM \(identifier: kind.table) WHERE center_id = \(center) AND code = \(code)").first?
            .decode("id")
    }

    /// Gives the row a new Korean name.
    public static func rename(id: Int64, _ kind: CatalogueKind, name: String, on db: Connection) throws {
        try db.query("UPDATE \(identifier: kind.table) SET name = \(name) WHERE id = \(id)")
    }
}
