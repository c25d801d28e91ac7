import Postgres
import Records
import Scheduling
import Vocabulary

extension FarmRecord: StoredRecord {
    public static let table = "farms"
}

/// SQL for `farms`.
public enum FarmStore {
    static let select: PostgresQuery = """
        SELECT f.id, f.center_id, f.code, f.name, f.farmer_id, p.name AS farmer_name, p.phone AS farmer_phone,
               f.lat, f.lon, f.address, f.village, f.meeting_point, to_char(f.meeting_time, 'HH24:MI') AS meeting_time,
               f.active, f.area_ha::float8 AS area_ha, f.disaster_until, f.farmer_birth_year::int AS farmer_birth_year,
               f.woman_farmer, f.disabled_farmer, f.no_family_labor
        FROM farms f JOIN farmers p ON p.id = f.farmer_id
        """

    /// The farm of a center with this code.
    public static func find(code: String, center: Int64, on db: Connection) throws -> FarmRecord? {
        try FarmRecord.fetchOne(db, "\(fragment: select) WHERE f.center_id = \(center) AND f.code = \(code)")
    }

    /// The center code of the farm with this code in another center, if any (for "farm of another center").
    public static func otherCenters(code: String, notCenter center: Int64, on db: Connection) throws -> [String] {
        try db.fetchColumn(
            """
            SELECT c.code FROM farms f JOIN centers c ON c.id = f.center_id
            WHERE f.code = \(code) AND f.center_id <> \(center) ORDER BY c.code
            """)
    }

    /// Every farm of a center, by code.
    public static func all(center: Int64, on db: Connection) throws -> [FarmRecord] {
        try FarmRecord.fetchAll(db, "\(fragment: select) WHERE f.center_id = \(center) ORDER BY f.code")
    }

    /// Inserts a farm; returns its id.
    ///
    /// - Throws: `PostgresError` (`farms_center_code_key` when the code exists in the center, CHECKs).
    public static func insert(center: Int64, _ v: FarmValues, on db: Connection) throws -> Int64 {
        try db.query(
            """
            INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, address, village, meeting_point, meeting_time)
            VALUES (\(center), \(v.code), \(v.name), \(v.farmerID), \(v.lat), \(v.lon), \(v.address), \(v.village),
                    \(v.meetingPoint), \(v.meetingTime?.description)::time)
            RETURNING id
            """)[0].decode("id")
    }

    /// Sets every column of a farm to `v`.
    public static func update(id: Int64, _ v: FarmValues, on db: Connection) throws {
        try db.query(
            """
            UPDATE farms SET code = \(v.code), name = \(v.name), farmer_id = \(v.farmerID), lat = \(v.lat),
                   lon = \(v.lon), address = \(v.address), village = \(v.village), meeting_point = \(v.meetingPoint),
                   meeting_time = \(v.meetingTime?.description)::time
            WHERE id = \(id)
            """)
    }
}

extension FarmStore {
    /// Sets a farm's profile (sql/020): the attributes the center's priority policy reads.
    ///
    /// - Throws: `PostgresError` (the CHECKs `farms_area_ha_range`, `farms_farmer_birth_year_range`, …).
    public static func setProfile(id: Int64, _ p: FarmProfile, on db: Connection) throws {
        try db.query(
            """
            UPDATE farms SET area_ha = \(p.areaHa), disaster_until = \(p.disasterUntil),
                   farmer_birth_year = \(p.farmerBirthYear), woman_farmer = \(p.womanFarmer),
                   disabled_farmer = \(p.disabledFarmer), no_family_labor = \(p.noFamilyLabor)
            WHERE id = \(id)
            """)
    }
}
