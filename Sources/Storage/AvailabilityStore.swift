import Postgres
import Records
import Scheduling
import Vocabulary

extension AvailabilityRecord: StoredRecord {
    public static let table = "worker_availability"
}

/// SQL for `worker_availability`.
public enum AvailabilityStore {
    /// A worker's ranges, by start.
    public static func ranges(worker: Int64, on db: Connection) throws -> [AvailabilityRecord] {
        try AvailabilityRecord.fetchAll(
            db,
            """
            SELECT id, kind, available_from AS "from", available_to AS "to", note,
                   to_char(from_time, 'HH24:MI') AS from_time, to_char(to_time, 'HH24:MI') AS to_time
            FROM worker_availability
            WHERE worker_id = \(worker) ORDER BY available_from, id
            """)
    }

    /// Adds a range unless the same one exists; returns the new id, or nil when it existed.
    public static func add(
        worker: Int64, center: Int64, kind: AvailabilityKind, from: Day, to: Day?, note: String? = nil,
        window: (from: TimeOfDay, to: TimeOfDay)? = nil, on db: Connection
    ) throws -> Int64? {
        let start = window?.from.description
        let end = window?.to.description
        return try db.query(
            """
            INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to, note, from_time,
                                             to_time)
            SELECT \(center), \(worker), \(kind), \(from), \(to), \(note), \(start)::time, \(end)::time
            WHERE NOT EXISTS (
                SELECT 1 FROM worker_availability WHERE worker_id = \(worker) AND kind = \(kind)
                AND available_from = \(from) AND available_to IS NOT DISTINCT FROM \(to)
                AND from_time IS NOT DISTINCT FROM \(start)::time AND to_time IS NOT DISTINCT FROM \(end)::time)
            RETURNING id
            """
        ).first?.decode("id")
    }
}
