import Foundation
import Postgres
import Records
import Scheduling
import Vocabulary

extension AttendanceLine: StoredRecord {
    public static let table = "assignments"
    public static func table(ofColumn column: String) -> String { column == "outcome" ? "attendance" : table }
}

extension WorkerDayRow: StoredRecord {
    public static let table = "assignments"
    public static func table(ofColumn column: String) -> String { column == "outcome" ? "attendance" : table }
}

/// SQL for `attendance`: what happened on a day, per assignment.
public enum AttendanceStore {
    /// The assignments of a center's day that attendance is recorded for: live ones (and those already
    /// recorded as completed or no-show) on the day's roster when it was approved, is being sent or was sent;
    /// by farm, request, worker.
    public static func day(center: Int64, date: Day, on db: Connection) throws -> [AttendanceLine] {
        try AttendanceLine.fetchAll(
            db,
            """
            SELECT a.id AS assignment_id, a.request_id, a.status, a.worker_id, w.name AS worker_name,
                   w.phone AS worker_phone, f.code AS farm_code, f.name AS farm_name,
                   to_char(lr.start_time, 'HH24:MI') AS start, to_char(lr.end_time, 'HH24:MI') AS "end", t.outcome, t.hours::double precision AS hours, t.note
            FROM assignments a
            JOIN rosters r ON r.id = a.roster_id
            JOIN workers w ON w.id = a.worker_id
            JOIN labor_requests lr ON lr.id = a.request_id
            JOIN farms f ON f.id = lr.farm_id
            LEFT JOIN attendance t ON t.assignment_id = a.id
            WHERE a.center_id = \(center) AND a.work_date = \(date)
              AND r.state IN ('approved', 'sending', 'sent')
              AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY f.code, a.request_id, w.name, a.id
            """)
    }

    /// Records (or corrects) one assignment's outcome: the `attendance` row and the assignment's status
    /// (`completed` or `no_show`).
    public static func record(
        assignment: Int64, center: Int64, date: Day, outcome: AttendanceOutcome, hours: Double?, note: String?,
        status: AssignmentStatus, on db: Connection
    ) throws {
        try db.query(
            """
            INSERT INTO attendance (assignment_id, center_id, work_date, outcome, hours, note)
            VALUES (\(assignment), \(center), \(date), \(outcome), \(hours)::numeric, \(note))
            ON CONFLICT (assignment_id) DO UPDATE
               SET outcome = excluded.outcome, hours = excluded.hours, note = excluded.note,
                   recorded_by = session_user, updated_at = now()
            """)
        try db.query(
            """
            UPDATE assignments SET status = \(status), status_changed_at = now(), updated_at = now()
            WHERE id = \(assignment)
            """)
    }

    /// An assignment's status and attendance as JSON text (the audit log's before and after).
    public static func snapshot(assignment: Int64, on db: Connection) throws -> String? {
        try db.query(
            """
            SELECT json_build_object('assignment', a.id, 'worker', a.worker_id, 'request', a.request_id,
                   'work_date', a.work_date, 'status', a.status, 'outcome', t.outcome, 'hours', t.hours,
                   'note', t.note)::text AS j
            FROM assignments a LEFT JOIN attendance t ON t.assignment_id = a.id
            WHERE a.id = \(assignment)
            """
        ).first?.decode("j", as: String?.self)
    }

    /// A worker's days up to `through`, newest first: every assignment on an approved, sending, sent or
    /// cancelled roster (declines and cancellations included, with their reasons).
    public static func recentDays(worker: Int64, through: Day, limit: Int, on db: Connection) throws -> [WorkerDayRow] {
        try WorkerDayRow.fetchAll(
            db,
            """
            SELECT a.work_date AS date, a.request_id, f.code AS farm_code, f.name AS farm_name, ilson_task_name(lr.center_id, lr.task) AS task, a.status,
                   a.status_reason AS reason, t.outcome, t.hours::double precision AS hours, t.note
            FROM assignments a
            JOIN rosters r ON r.id = a.roster_id
            JOIN labor_requests lr ON lr.id = a.request_id
            JOIN farms f ON f.id = lr.farm_id
            LEFT JOIN attendance t ON t.assignment_id = a.id
            WHERE a.worker_id = \(worker) AND a.work_date <= \(through) AND r.state <> 'draft'
            ORDER BY a.work_date DESC, a.id DESC
            LIMIT \(limit)
            """)
    }

    /// A worker's counts of attended days, no-shows and declines, all time.
    public static func totals(worker: Int64, on db: Connection) throws -> (completed: Int, noShows: Int, declined: Int)
    {
        let row = try db.query(
            """
            SELECT count(*) FILTER (WHERE status = 'completed') AS completed,
                   count(*) FILTER (WHERE status = 'no_show') AS no_shows,
                   count(*) FILTER (WHERE status = 'declined') AS declined
            FROM assignments WHERE worker_id = \(worker)
            """
        ).first!
        return (try row.decode("completed"), try row.decode("no_shows"), try row.decode("declined"))
    }

    /// Past days of a center (up to `before`, exclusive) with live assignments on an approved, sending or sent
    /// roster still without a recorded outcome: what a coordinator has left to record.
    public static func unrecordedDays(center: Int64, before: Day, on db: Connection) throws -> [(date: Day, count: Int)]
    {
        try db.query(
            """
            SELECT a.work_date, count(*) AS n FROM assignments a JOIN rosters r ON r.id = a.roster_id
            WHERE a.center_id = \(center) AND a.work_date < \(before)
              AND r.state IN ('approved', 'sending', 'sent')
              AND a.status IN ('proposed', 'approved', 'confirmed')
            GROUP BY a.work_date ORDER BY a.work_date
            """
        ).map { (try $0.decode("work_date"), try $0.decode("n")) }
    }
}
