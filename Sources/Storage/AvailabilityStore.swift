import Postgres
import Scheduling
import Vocabulary

/// One `worker_availability` row: a range of days a worker is available, or off.
public struct AvailabilityRecord: Sendable, Hashable {
    public var id: Int64
    /// `available` or `off`.
    public var kind: String
    public var from: Day
    /// nil: open-ended.
    public var to: Day?
    public var note: String?

    init(_ row: PostgresRow) throws {
        id = try row.decode("id")
        kind = try row.decode("kind")
        from = Day(try row.decode("available_from", as: PGDate.self))
        to = try row.decode("available_to", as: PGDate?.self).map(Day.init)
        note = try row.decode("note", as: String?.self)
    }
}

/// SQL for `worker_availability`.
public enum AvailabilityStore {
    /// A worker's ranges, by start.
    public static func ranges(worker: Int64, on db: Connection) throws -> [AvailabilityRecord] {
        try db.query(
            """
            SELECT id, kind, available_from, available_to, note FROM worker_availability
            WHERE worker_id = \(worker) ORDER BY available_from, id
            """
        ).map(AvailabilityRecord.init)
    }

    /// Adds a range unless the same one exists; returns the new id, or nil when it existed.
    public static func add(
        worker: Int64, center: Int64, kind: String, from: Day, to: Day?, note: String? = nil, on db: Connection
    ) throws -> Int64? {
        try db.query(
            """
            INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to, note)
            SELECT \(center), \(worker), \(kind), \(from.pgDate), \(to?.pgDate), \(note)
            WHERE NOT EXISTS (
                SELECT 1 FROM worker_availability WHERE worker_id = \(worker) AND kind = \(kind)
                AND available_from = \(from.pgDate) AND available_to IS NOT DISTINCT FROM \(to?.pgDate))
            RETURNING id
            """
        ).first?.decode("id")
    }
}
