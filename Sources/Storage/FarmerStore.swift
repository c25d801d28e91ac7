import Postgres

/// A farmer (농업인) row.
public struct FarmerRecord: Sendable, Hashable {
    public var id: Int64
    public var centerID: Int64
    public var name: String
    /// Digits only, e.g. `01012345678`.
    public var phone: String
    /// How many farms the farmer owns.
    public var farmCount: Int

    init(_ row: PostgresRow) throws {
        id = try row.decode("id")
        centerID = try row.decode("center_id")
        name = try row.decode("name")
        phone = try row.decode("phone")
        farmCount = try row.decode("farm_count")
    }
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
        try db.query("\(fragment: select) WHERE f.center_id = \(center) AND \(fragment: ref.condition(alias: "f"))")
            .first.map(FarmerRecord.init)
    }

    /// Every farmer of a center, by name.
    public static func all(center: Int64, on db: Connection) throws -> [FarmerRecord] {
        try db.query("\(fragment: select) WHERE f.center_id = \(center) ORDER BY f.name, f.id").map(FarmerRecord.init)
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
