import Postgres
import Records
import Scheduling
import Vocabulary

extension PickupPointRecord: StoredRecord {
    public static let table = "pickup_points"
}

/// SQL for `pickup_points`, `farm_pickup_points` and `request_pickup_points`.
public enum PickupStore {
    /// A center's pickup points by name.
    public static func all(center: Int64, on db: Connection) throws -> [PickupPointRecord] {
        try PickupPointRecord.fetchAll(
            db,
            """
            SELECT id, center_id, name, village, lat, lon FROM pickup_points
            WHERE center_id = \(center) ORDER BY name, id
            """)
    }

    /// Inserts a pickup point; returns its id.
    ///
    /// - Throws: `PostgresError` (`pickup_points_center_name_key` when the name exists in the center, CHECKs).
    public static func insert(
        center: Int64, name: String, village: String?, lat: Double, lon: Double, on db: Connection
    ) throws -> Int64 {
        try db.query(
            """
            INSERT INTO pickup_points (center_id, name, village, lat, lon)
            VALUES (\(center), \(name), \(village), \(lat), \(lon)) RETURNING id
            """)[0].decode("id")
    }

    /// A farm's default van.
    public static func farmDefault(farm: Int64, on db: Connection) throws -> PickupRecord {
        let seats: Int? = try db.fetchValue("SELECT pickup_seats FROM farms WHERE id = \(farm)")
        let points: [String] = try db.fetchColumn(
            """
            SELECT p.name FROM farm_pickup_points fp JOIN pickup_points p ON p.id = fp.pickup_point_id
            WHERE fp.farm_id = \(farm) ORDER BY p.name
            """)
        return PickupRecord(seats: seats, points: points)
    }

    /// Sets a farm's default van (names of the center's points; an unknown name is ignored: check first).
    public static func setFarmDefault(farm: Int64, center: Int64, _ pickup: PickupRecord, on db: Connection) throws {
        try db.query(
            "UPDATE farms SET pickup_seats = \(pickup.seats)::smallint WHERE id = \(farm) AND center_id = \(center)")
        try db.query("DELETE FROM farm_pickup_points WHERE farm_id = \(farm) AND center_id = \(center)")
        guard pickup.seats != nil, !pickup.points.isEmpty else { return }
        try db.query(
            """
            INSERT INTO farm_pickup_points (center_id, farm_id, pickup_point_id)
            SELECT \(center), \(farm), p.id FROM pickup_points p WHERE p.center_id = \(center) AND p.name = ANY(\(pickup.points))
            """)
    }

    /// Copies a farm's default stops onto a new request (its seats are copied by the insert).
    static func copyFarmDefault(request: Int64, farm: Int64, center: Int64, on db: Connection) throws {
        try db.query(
            """
            INSERT INTO request_pickup_points (center_id, request_id, pickup_point_id)
            SELECT \(center), \(request), fp.pickup_point_id FROM farm_pickup_points fp
            WHERE fp.center_id = \(center) AND fp.farm_id = \(farm)
            """)
    }

    /// Replaces a request's stops (names of the center's points).
    static func setRequestPoints(request: Int64, center: Int64, names: [String], on db: Connection) throws {
        try db.query("DELETE FROM request_pickup_points WHERE request_id = \(request) AND center_id = \(center)")
        guard !names.isEmpty else { return }
        try db.query(
            """
            INSERT INTO request_pickup_points (center_id, request_id, pickup_point_id)
            SELECT \(center), \(request), p.id FROM pickup_points p WHERE p.center_id = \(center) AND p.name = ANY(\(names))
            """)
    }
}
