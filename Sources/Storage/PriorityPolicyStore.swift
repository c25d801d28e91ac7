import Postgres
import Records

extension PriorityPolicy: StoredRecord {
    public static let table = "center_priority_policy"
}

/// SQL for `center_priority_policy` (sql/020): one row per center; none means `PriorityPolicy.standard`.
public enum PriorityPolicyStore {
    /// The center's policy, and whether the center set one (false: the standard policy).
    public static func find(center: Int64, on db: Connection) throws -> (policy: PriorityPolicy, stored: Bool) {
        let row = try PriorityPolicy.fetchOne(
            db,
            """
            SELECT base::int AS base, small_farm_ha::float8 AS small_farm_ha, small_farm_points::int AS small_farm_points,
                   disaster_points::int AS disaster_points, elderly_age::int AS elderly_age,
                   elderly_points::int AS elderly_points, woman_points::int AS woman_points,
                   disabled_points::int AS disabled_points, no_family_points::int AS no_family_points
            FROM center_priority_policy WHERE center_id = \(center)
            """)
        return (row ?? .standard, row != nil)
    }

    /// Stores the center's policy (insert or replace).
    ///
    /// - Throws: `PostgresError` (the CHECKs of sql/020).
    public static func save(center: Int64, _ p: PriorityPolicy, on db: Connection) throws {
        try db.query(
            """
            INSERT INTO center_priority_policy (center_id, base, small_farm_ha, small_farm_points, disaster_points,
                                                elderly_age, elderly_points, woman_points, disabled_points,
                                                no_family_points)
            VALUES (\(center), \(p.base), \(p.smallFarmHa), \(p.smallFarmPoints), \(p.disasterPoints),
                    \(p.elderlyAge), \(p.elderlyPoints), \(p.womanPoints), \(p.disabledPoints), \(p.noFamilyPoints))
            ON CONFLICT (center_id) DO UPDATE SET
                base = EXCLUDED.base, small_farm_ha = EXCLUDED.small_farm_ha,
                small_farm_points = EXCLUDED.small_farm_points, disaster_points = EXCLUDED.disaster_points,
                elderly_age = EXCLUDED.elderly_age, elderly_points = EXCLUDED.elderly_points,
                woman_points = EXCLUDED.woman_points, disabled_points = EXCLUDED.disabled_points,
                no_family_points = EXCLUDED.no_family_points, updated_at = now(), updated_by = session_user
            """)
    }

    /// The center's policy row as JSON (for the audit row), nil when it has none.
    public static func snapshot(center: Int64, on db: Connection) throws -> String? {
        try db.query("SELECT row_to_json(p)::text AS j FROM center_priority_policy p WHERE center_id = \(center)")
            .first?.decode("j", as: String.self)
    }
}
