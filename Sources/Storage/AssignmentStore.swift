import Foundation
import Postgres
import Records
import Scheduling
import Vocabulary

/// One live assignment of a roster, with the names a coordinator reads.
public struct AssignmentRecord: StoredRecord, Hashable {
    public static let table = "assignments"
    public var id: Int64
    public var rosterID: Int64
    public var requestID: Int64
    public var workerID: Int64
    public var date: Day
    public var pinned: Bool
    public var forced: Bool
    public var status: AssignmentStatus
    public var distanceKm: Double?
    /// The rules a forced pin breaks, as stored (JSON text).
    public var warnings: String
    public var workerName: String
    /// Normalized digits; mask before printing.
    public var workerPhone: String
}

/// A new assignment row.
public struct NewAssignment: Sendable, Hashable {
    public var requestID: Int64
    public var workerID: Int64
    public var distanceKm: Double
    public var pinned: Bool
    public var forced: Bool
    /// JSON text, `[]` when none.
    public var warnings: String
    public init(
        requestID: Int64, workerID: Int64, distanceKm: Double, pinned: Bool = false, forced: Bool = false,
        warnings: String = "[]"
    ) {
        self.requestID = requestID
        self.workerID = workerID
        self.distanceKm = distanceKm
        self.pinned = pinned
        self.forced = forced
        self.warnings = warnings
    }
}

/// A request row as roster editing needs it.
public struct RequestRow: StoredRecord, Hashable {
    public static let table = "labor_requests"
    public var id: Int64
    public var centerID: Int64
    public var centerCode: String
    public var farmID: Int64
    public var date: Day
    public var status: RequestStatus
    public var headcount: Int
}

/// A worker row as roster editing needs it.
public struct WorkerRow: StoredRecord, Hashable {
    public static let table = "workers"
    public var id: Int64
    public var name: String
    public var phone: String
    public var active: Bool
}

/// SQL for `assignments` and `roster_exclusions`.
public enum AssignmentStore {
    static let select = """
        SELECT a.id, a.roster_id, a.request_id, a.worker_id, a.work_date AS date, a.pinned, a.forced, a.status, a.distance_km,
               a.warnings::text AS warnings, w.name AS worker_name, w.phone AS worker_phone
        FROM assignments a JOIN workers w ON w.id = a.worker_id
        """

    /// The roster's live assignments (not declined or cancelled), by request then worker.
    public static func live(roster id: Int64, on db: Connection) throws -> [AssignmentRecord] {
        try AssignmentRecord.fetchAll(
            db,
            """
            \(unescaped: select)
            WHERE a.roster_id = \(id) AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY a.request_id, a.worker_id
            """)
    }

    /// The worker's live assignment on a date, on any roster; with several that day, the first by request.
    public static func live(worker: Int64, date: Day, on db: Connection) throws -> AssignmentRecord? {
        try liveAll(worker: worker, date: date, on: db).first
    }

    /// Every live assignment of the worker on a date (several jobs a day), on any roster, by request.
    public static func liveAll(worker: Int64, date: Day, on db: Connection) throws -> [AssignmentRecord] {
        try AssignmentRecord.fetchAll(
            db,
            """
            \(unescaped: select)
            WHERE a.worker_id = \(worker) AND a.work_date = \(date) AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY a.request_id
            """)
    }

    /// The worker's live assignment on a request.
    public static func live(worker: Int64, request: Int64, on db: Connection) throws -> AssignmentRecord? {
        try AssignmentRecord.fetchOne(
            db,
            """
            \(unescaped: select)
            WHERE a.worker_id = \(worker) AND a.request_id = \(request) AND a.status NOT IN ('declined', 'cancelled')
            """)
    }

    /// Deletes the roster's proposals that no coordinator pinned; returns how many.
    @discardableResult
    public static func deleteUnpinned(roster id: Int64, on db: Connection) throws -> Int {
        try db.query("DELETE FROM assignments WHERE roster_id = \(id) AND NOT pinned AND status = 'proposed'")
            .rowsAffected
    }

    /// Deletes assignments by id.
    public static func delete(ids: [Int64], on db: Connection) throws {
        guard !ids.isEmpty else { return }
        try db.query("DELETE FROM assignments WHERE id = ANY(\(ids.map(String.init))::bigint[])")
    }

    /// Inserts assignments of a roster (status `proposed`) in one statement.
    public static func insert(
        _ rows: [NewAssignment], roster: Int64, center: Int64, date: Day, on db: Connection
    ) throws {
        guard !rows.isEmpty else { return }
        try db.query(
            """
            INSERT INTO assignments (center_id, roster_id, work_date, request_id, worker_id, distance_km, pinned, forced, warnings)
            SELECT \(center), \(roster), \(date), r::bigint, w::bigint, d::double precision, p::boolean, f::boolean, j::jsonb
            FROM unnest(\(rows.map { String($0.requestID) })::text[], \(rows.map { String($0.workerID) })::text[],
                        \(rows.map { String($0.distanceKm) })::text[], \(rows.map { $0.pinned ? "t" : "f" })::text[],
                        \(rows.map { $0.forced ? "t" : "f" })::text[], \(rows.map(\.warnings))::text[]) AS t(r, w, d, p, f, j)
            """)
    }

    /// Marks an assignment as made by hand (kept by re-planning).
    public static func pin(_ id: Int64, forced: Bool, warnings: String, on db: Connection) throws {
        try db.query(
            """
            UPDATE assignments SET pinned = true, forced = \(forced), warnings = \(warnings)::jsonb, updated_at = now()
            WHERE id = \(id)
            """)
    }

    /// Moves the roster's assignments from one status to another; returns how many.
    @discardableResult
    public static func setStatus(
        roster id: Int64, from: AssignmentStatus, to: AssignmentStatus, on db: Connection
    ) throws -> Int {
        try db.query(
            "UPDATE assignments SET status = \(to), updated_at = now() WHERE roster_id = \(id) AND status = \(from)"
        ).rowsAffected
    }

    /// Remembers that a coordinator took this worker off this request.
    public static func exclude(roster: Int64, center: Int64, request: Int64, worker: Int64, on db: Connection) throws {
        try db.query(
            """
            INSERT INTO roster_exclusions (center_id, roster_id, request_id, worker_id)
            VALUES (\(center), \(roster), \(request), \(worker)) ON CONFLICT DO NOTHING
            """)
    }

    /// Forgets an exclusion (a coordinator put the worker back by hand); returns whether there was one.
    ///
    /// Deletes only when there is one: the batch login, which may read exclusions but not delete them, backfills
    /// a decline with a worker the exclusions already ruled out of the ranking, so it never needs to.
    @discardableResult
    public static func unexclude(request: Int64, worker: Int64, on db: Connection) throws -> Bool {
        let excluded: Bool =
            try db.fetchValue(
                """
                SELECT EXISTS (SELECT 1 FROM roster_exclusions WHERE request_id = \(request) AND worker_id = \(worker))
                """) ?? false
        guard excluded else { return false }
        return try db.query("DELETE FROM roster_exclusions WHERE request_id = \(request) AND worker_id = \(worker)")
            .rowsAffected > 0
    }

    /// A request by id, in any center (so that the caller can say it is another center's).
    public static func request(_ id: Int64, on db: Connection) throws -> RequestRow? {
        try RequestRow.fetchOne(
            db,
            """
            SELECT lr.id, lr.center_id, c.code AS center_code, lr.farm_id, lr.work_date AS date, lr.status, lr.headcount
            FROM labor_requests lr JOIN centers c ON c.id = lr.center_id WHERE lr.id = \(id)
            """)
    }

    /// A worker of the center by phone or id.
    public static func worker(_ ref: PersonRef, center: Int64, on db: Connection) throws -> WorkerRow? {
        try WorkerRow.fetchOne(
            db,
            "SELECT id, name, phone, active FROM workers WHERE center_id = \(center) AND \(fragment: ref.condition())")
    }
}
