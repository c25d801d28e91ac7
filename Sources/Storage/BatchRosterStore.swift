import Postgres
import Records
import Vocabulary

/// A roster as the batch sees it: its center, day and state.
public struct BatchRoster: StoredRecord, Hashable {
    public static let table = "rosters"
    public var id: Int64
    public var centerId: Int64
    public var centerCode: String
    public var centerName: String
    /// The center's registered sender number (발신번호), digits.
    public var smsSender: String?
    public var workDate: Day
    public var state: RosterState
    public var version: Int
}

/// One live assignment with everything its messages say (worker, request, farm, farmer).
public struct AssignmentForMessage: StoredRecord, Hashable {
    public static let table = "assignments"
    public var assignmentId: Int64
    public var requestId: Int64
    public var workerId: Int64
    public var workerName: String
    public var workerPhone: String
    public var smsConsent: Bool
    /// `HH:MM`.
    public var start: String
    public var end: String
    public var task: String
    public var wage: Int?
    public var headcount: Int
    public var farmCode: String
    public var farmName: String
    public var farmAddress: String?
    public var village: String?
    public var meetingPoint: String?
    /// `HH:MM`.
    public var meetingTime: String?
    public var farmerId: Int64
    public var farmerName: String
    public var farmerPhone: String
    /// Version 2: the pickup point the worker rides from on this job (no car, farther than walking, and the
    /// request's van stops at their point), nil when they come by their own means.
    public var ridePoint: String? = nil
    /// Whether the worker confirmed this assignment by SMS (status `confirmed`).
    public var confirmed = false
}

/// The roster SQL of the batch and of `roster cancel` / `roster calls`: loading rosters and their
/// assignments, and the state moves approved → sending → sent, and → cancelled.
public enum BatchRosterStore {
    static let columns = """
        r.id, r.center_id, c.code AS center_code, c.name AS center_name, c.sms_sender, r.work_date, r.state, r.version
        """

    /// Every center's roster of a day, by center code.
    public static func rosters(date: Day, center: Int64? = nil, on db: Connection) throws -> [BatchRoster] {
        try BatchRoster.fetchAll(
            db,
            """
            SELECT \(unescaped: columns) FROM rosters r JOIN centers c ON c.id = r.center_id
            WHERE r.work_date = \(date) AND (\(center)::bigint IS NULL OR r.center_id = \(center))
            ORDER BY c.code
            """)
    }

    /// One roster, its row locked (`FOR UPDATE`) until the transaction ends.
    public static func lock(roster: Int64, on db: Connection) throws -> BatchRoster? {
        try BatchRoster.fetchOne(
            db,
            """
            SELECT \(unescaped: columns) FROM rosters r JOIN centers c ON c.id = r.center_id
            WHERE r.id = \(roster) FOR UPDATE OF r
            """)
    }

    /// Holds the rosters' rows in share mode until the transaction ends, so a cancellation (which locks the row
    /// for update) waits until the messages being delivered are recorded; returns their states.
    public static func guardDelivery(rosters: [Int64], on db: Connection) throws -> [Int64: RosterState] {
        var states: [Int64: RosterState] = [:]
        for row in try db.query(
            "SELECT id, state FROM rosters WHERE id = ANY(\(rosters.map(String.init))::bigint[]) FOR SHARE")
        {
            states[try row.decode("id", as: Int64.self)] = try row.status("state", table: "rosters")
        }
        return states
    }

    /// The live assignments of a roster (not declined or cancelled), by request then assignment.
    public static func assignmentsForMessages(roster: Int64, on db: Connection) throws -> [AssignmentForMessage] {
        try AssignmentForMessage.fetchAll(
            db,
            """
            SELECT a.id AS assignment_id, a.request_id, w.id AS worker_id, w.name AS worker_name,
                   w.phone AS worker_phone, w.sms_consent, to_char(r.start_time, 'HH24:MI') AS start,
                   to_char(r.end_time, 'HH24:MI') AS "end", ilson_task_name(r.center_id, r.task) AS task, r.wage, r.headcount,
                   f.code AS farm_code, f.name AS farm_name, f.address AS farm_address, f.village, f.meeting_point,
                   to_char(f.meeting_time, 'HH24:MI') AS meeting_time,
                   fr.id AS farmer_id, fr.name AS farmer_name, fr.phone AS farmer_phone,
                   CASE WHEN NOT w.car AND r.pickup_seats IS NOT NULL
                         AND EXISTS (SELECT 1 FROM request_pickup_points rp
                                     WHERE rp.request_id = r.id AND rp.pickup_point_id = w.pickup_point_id)
                         -- Farther than walking (2 km, spec "Travel, walking and riding"), great-circle.
                         AND 2 * 6371.0 * asin(least(1, sqrt(
                               sin(radians(f.lat - w.home_lat) / 2) ^ 2
                               + cos(radians(w.home_lat)) * cos(radians(f.lat))
                                 * sin(radians(f.lon - w.home_lon) / 2) ^ 2))) > 2.0
                        THEN (SELECT p.name FROM pickup_points p WHERE p.id = w.pickup_point_id) END AS ride_point,
                   a.status = 'confirmed' AS confirmed
            FROM assignments a
            JOIN workers w ON w.id = a.worker_id
            JOIN labor_requests r ON r.id = a.request_id
            JOIN farms f ON f.id = r.farm_id
            JOIN farmers fr ON fr.id = f.farmer_id
            WHERE a.roster_id = \(roster) AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY r.id, a.id
            """)
    }

    /// approved → sending (in the transaction that writes its messages).
    /// - Returns: false when the roster was not approved.
    public static func markSending(roster: Int64, on db: Connection) throws -> Bool {
        try db.query(
            """
            UPDATE rosters SET state = 'sending', version = version + 1, updated_at = now()
            WHERE id = \(roster) AND state = 'approved'
            """
        ).rowsAffected == 1
    }

    /// sending → sent when every message of the roster is final (sent, failed or withdrawn).
    /// - Returns: whether the roster is now sent.
    public static func markSentIfComplete(roster: Int64, on db: Connection) throws -> Bool {
        try db.query(
            """
            UPDATE rosters SET state = 'sent', version = version + 1, updated_at = now()
            WHERE id = \(roster) AND state = 'sending'
              AND NOT EXISTS (SELECT 1 FROM sms_outbox
                              WHERE roster_id = \(roster) AND state IN ('pending', 'sending'))
            """
        ).rowsAffected == 1
    }

    /// → cancelled with the reason; its live assignments become `cancelled` (the workers are free again).
    public static func markCancelled(roster: Int64, reason: String?, on db: Connection) throws {
        try db.query(
            """
            UPDATE rosters SET state = 'cancelled', cancelled_at = now(), cancel_reason = \(reason),
                   version = version + 1, updated_at = now()
            WHERE id = \(roster)
            """)
        try db.query(
            """
            UPDATE assignments SET status = 'cancelled', updated_at = now()
            WHERE roster_id = \(roster) AND status NOT IN ('declined', 'cancelled')
            """)
    }

    /// Centers with submitted requests on a day and no roster past draft: the ones `batch plan` plans.
    public static func centersToPlan(date: Day, on db: Connection) throws -> [CenterRecord] {
        try CenterRecord.fetchAll(
            db,
            """
            SELECT c.id, c.code, c.name, c.sms_sender FROM centers c
            WHERE EXISTS (SELECT 1 FROM labor_requests q
                          WHERE q.center_id = c.id AND q.work_date = \(date) AND q.status = 'submitted')
              AND NOT EXISTS (SELECT 1 FROM rosters r
                              WHERE r.center_id = c.id AND r.work_date = \(date) AND r.state <> 'draft')
            ORDER BY c.code
            """)
    }
}
