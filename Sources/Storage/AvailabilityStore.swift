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
            SELECT id, kind, available_from AS "from", available_to AS "to", note FROM worker_availability
            WHERE worker_id = \(worker) ORDER BY available_from, id
            """)
    }

    /// Adds a range unless the same one exists; returns the new id, or nil when it existed.
    public static func add(
        worker: Int64, center: Int64, kind: AvailabilityKind, from: Day, to: Day?, note: String? = nil,
        on db: Connection
    ) throws -> Int64? {
        try db.query(
            """
            INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to, note)
            SELECT \(center), \(worker), \(kind), \(from), \(to), \(note)
            WHERE NOT EXISTS (
                SELECT 1 FROM worker_availability WHERE worker_id = \(worker) AND kind = \(kind)
                AND available_from = \(from) AND available_to IS NOT DISTINCT FROM \(to))
            RETURNING id
            """
        ).first?.decode("id")
    }
}
