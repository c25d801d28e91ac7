import Postgres
import Records

extension FarmerRecord: StoredRecord {
    public static let table = "farmers"
}

/// SQL for `farmers`.
public enum FarmerStore {
    static let select: PostgresQuery = """
        SELECT f.id, f.center_id, f.name, f.phone,
               (SELECT count(*) FROM farms WHERE farms.farmer_id = f.id) AS farm_count
        FROM farmers f
        """

    /// The farmer of a center a person named by phone or id.
    public static func find(_ ref: PersonRef, center: Int64, on db: Connection) throws -> FarmerRecord? {
        try FarmerRecord.fetchOne(
            db, "\(fragment: select) WHERE f.center_id = \(center) AND \(fragment: ref.condition(alias: "f"))")
    }

    /// Every farmer of a center, by name.
    public static func all(center: Int64, on db: Connection) throws -> [FarmerRecord] {
        try FarmerRecord.fetchAll(db, "\(fragment: select) WHERE f.center_id = \(center) ORDER BY f.name, f.id")
    }

    /// Inserts a farmer; returns its id.
    ///
    /// - Throws: `PostgresError` (`farmers_center_phone_key` when the phone exists in the center).
    public static func insert(center: Int64, name: String, phone: String, on db: Connection) throws -> Int64 {
        try db.query(
            "INSERT INTO farmers (center_id, name, phone) VALUES (\(center), \(name), \(phone)) RETURNING id"
        )[0].decode("id")
    }

    /// Renames a farmer.
    public static func rename(id: Int64, name: String, on db: Connection) throws {
        try db.query("UPDATE farmers SET name = \(name) WHERE id = \(id)")
    }
}
