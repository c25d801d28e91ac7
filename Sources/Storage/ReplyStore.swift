import Foundation
import Postgres
import Records
import Vocabulary

/// A reply to store: one `sms_inbound` row.
public struct NewInbound: Sendable, Hashable {
    public var providerId: String
    public var sender: String
    /// The sender's digits, nil when not a mobile number.
    public var senderDigits: String?
    public var recipient: String
    public var body: String
    /// ISO 8601 with offset; nil when absent or unreadable.
    public var receivedAt: String?

    /// Creates a row; every field as the table names it.
    public init(
        providerId: String, sender: String, senderDigits: String?, recipient: String, body: String,
        receivedAt: String?
    ) {
        self.providerId = providerId
        self.sender = sender
        self.senderDigits = senderDigits
        self.recipient = recipient
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// A stored reply not read yet, taken under a row lock.
public struct ClaimedInbound: StoredRecord, Hashable {
    public static let table = "sms_inbound"
    public var id: Int64
    public var providerId: String
    public var senderDigits: String?
    public var recipient: String
    public var body: String
}

/// The latest notice a worker's number was sent, with where its assignment stands.
public struct AnsweredNotice: StoredRecord, Hashable {
    public static let table = "sms_outbox"
    public static func table(ofColumn column: String) -> String {
        switch column {
        case "roster_state": "rosters"
        case "assignment_status": "assignments"
        default: table
        }
    }
    public var noticeId: Int64
    public var centerId: Int64
    public var centerCode: String
    public var workDate: Day
    public var kind: MessageKind
    public var assignmentId: Int64?
    public var workerId: Int64
    public var rosterState: RosterState
    public var assignmentStatus: AssignmentStatus?
}

extension InboundState: PGEncodable {}

extension ReplySettings: StoredRecord {
    public static let table = "centers"
}

extension StoredReply: StoredRecord {
    public static let table = "sms_inbound"
    public static func table(ofColumn column: String) -> String { column == "worker_name" ? "workers" : table }
}

extension SilentWorker: StoredRecord {
    public static let table = "assignments"
}

extension DueReminder: StoredRecord {
    public static let table = "assignments"
}

extension ShortRequest: StoredRecord {
    public static let table = "labor_requests"
}

/// `sms_inbound`, its cursor, and the reads `batch replies` and `roster calls` need.
public enum ReplyStore {
    /// A center's reply settings.
    public static func settings(center: Int64, on db: Connection) throws -> ReplySettings {
        try ReplySettings.fetchOne(
            db, "SELECT reply_prompt, reply_deadline, auto_backfill, reply_reminder FROM centers WHERE id = \(center)")
            ?? ReplySettings(replyDeadline: TimeOfDay(hour: 21, minute: 0)!)
    }

    /// Saves a center's reply settings.
    public static func save(_ s: ReplySettings, center: Int64, on db: Connection) throws {
        try db.query(
            """
            UPDATE centers SET reply_prompt = \(s.replyPrompt), reply_deadline = \(s.replyDeadline.description)::time,
                   auto_backfill = \(s.autoBackfill), reply_reminder = \(s.replyReminder)
            WHERE id = \(center)
            """)
    }

    /// The polling cursor of a provider, nil before the first page.
    public static func cursor(source: String, on db: Connection) throws -> String? {
        try db.fetchValue("SELECT cursor FROM sms_inbound_cursor WHERE source = \(source)")
    }

    /// Moves the polling cursor (call it in the transaction that stored the page).
    public static func setCursor(_ cursor: String, source: String, on db: Connection) throws {
        try db.query(
            """
            INSERT INTO sms_inbound_cursor (source, cursor) VALUES (\(source), \(cursor))
            ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()
            """)
    }

    /// Stores replies, each provider id once (a repeat is ignored).
    ///
    /// - Returns: how many were new.
    @discardableResult
    public static func insert(_ rows: [NewInbound], via: String, on db: Connection) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        return try db.query(
            """
            INSERT INTO sms_inbound (provider_id, sender, sender_digits, recipient, body, received_at, via)
            SELECT p, s, nullif(d, ''), r, b, nullif(t, '')::timestamptz, \(via)
            FROM unnest(\(rows.map(\.providerId)), \(rows.map(\.sender)), \(rows.map { $0.senderDigits ?? "" }),
                        \(rows.map(\.recipient)), \(rows.map(\.body)), \(rows.map { $0.receivedAt ?? "" }))
                 WITH ORDINALITY AS m(p, s, d, r, b, t, n)
            ORDER BY n
            ON CONFLICT (provider_id) DO NOTHING
            """
        ).rowsAffected
    }

    /// The oldest reply not read yet, locked for this transaction; one another run holds is skipped.
    public static func claimNext(on db: Connection) throws -> ClaimedInbound? {
        try ClaimedInbound.fetchOne(
            db,
            """
            SELECT id, provider_id, sender_digits, recipient, body FROM sms_inbound
            WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            """)
    }

    /// How many replies are not read yet.
    public static func unread(on db: Connection) throws -> Int {
        try db.fetchValue("SELECT count(*)::int FROM sms_inbound WHERE state = 'new'") ?? 0
    }

    /// The latest worker notice delivered to a number (an assignment, a change or a cancellation).
    public static func latestNotice(to digits: String, on db: Connection) throws -> AnsweredNotice? {
        try AnsweredNotice.fetchOne(
            db,
            """
            SELECT o.id AS notice_id, o.center_id, c.code AS center_code, o.work_date, o.kind, o.assignment_id,
                   o.recipient_id AS worker_id, r.state AS roster_state, a.status AS assignment_status
            FROM sms_outbox o
            JOIN rosters r ON r.id = o.roster_id
            JOIN centers c ON c.id = o.center_id
            LEFT JOIN assignments a ON a.id = o.assignment_id
            WHERE o.recipient = \(digits) AND o.recipient_role = 'worker' AND o.state = 'sent'
              AND o.kind IN ('assignment', 'change', 'cancellation')
            ORDER BY o.sent_at DESC, o.id DESC LIMIT 1
            """)
    }

    /// The center whose registered number a reply was sent to, for a reply from an unknown number.
    public static func center(ofNumber number: String, on db: Connection) throws -> Int64? {
        let digits = number.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return try db.fetchValue("SELECT id FROM centers WHERE sms_sender = \(digits) ORDER BY id LIMIT 1")
    }

    /// Whether an answer was already acted on for an assignment.
    public static func acted(assignment: Int64, answer: String, on db: Connection) throws -> Bool {
        try db.fetchValue(
            """
            SELECT EXISTS (SELECT 1 FROM sms_inbound WHERE assignment_id = \(assignment) AND answer = \(answer)
                           AND state IN ('confirmed', 'declined'))
            """) ?? false
    }

    /// Records what became of a reply.
    public static func mark(
        _ id: Int64, state: InboundState, answer: String?, center: Int64?, worker: Int64?, notice: Int64?,
        assignment: Int64?, date: Day?, note: String?, on db: Connection
    ) throws {
        try db.query(
            """
            UPDATE sms_inbound SET state = \(state), answer = \(answer), center_id = \(center), worker_id = \(worker),
                   notice_id = \(notice), assignment_id = \(assignment), work_date = \(date),
                   note = left(\(note), 500), handled_at = now()
            WHERE id = \(id)
            """)
    }

    /// A center's replies of a day (or with no day: from unknown numbers, in the two days before), oldest first.
    ///
    /// - Parameter states: only these states (all when empty).
    public static func replies(center: Int64, date: Day, states: [InboundState] = [], on db: Connection) throws
        -> [StoredReply]
    {
        try StoredReply.fetchAll(
            db,
            """
            SELECT i.id, i.provider_id, i.sender, i.body, i.state, i.answer, i.worker_id, w.name AS worker_name,
                   i.work_date, i.assignment_id, i.note,
                   to_char(i.stored_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI') AS stored_at
            FROM sms_inbound i LEFT JOIN workers w ON w.id = i.worker_id
            WHERE i.center_id = \(center)
              AND (i.work_date = \(date)
                   OR (i.work_date IS NULL AND i.stored_at >= (\(date)::date - 2)::timestamp AT TIME ZONE 'Asia/Seoul'
                       AND i.stored_at < (\(date)::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul'))
              AND (cardinality(\(states.map(\.rawValue))::text[]) = 0 OR i.state = ANY (\(states.map(\.rawValue))::text[]))
            ORDER BY i.id
            """)
    }

    /// The live assignments of a roster whose worker was told (a notice delivered) and has not confirmed, each
    /// saying whether the notice went out after the deadline (`deadline` on the evening before, Asia/Seoul).
    public static func silent(roster: Int64, deadline: TimeOfDay, on db: Connection) throws -> [SilentWorker] {
        try SilentWorker.fetchAll(
            db,
            """
            SELECT a.id AS assignment_id, w.id AS worker_id, w.name AS worker_name, w.phone AS worker_phone,
                   f.name AS farm_name, to_char(r.start_time, 'HH24:MI') AS start,
                   told.at > ((a.work_date - 1) + \(deadline.description)::time) AT TIME ZONE 'Asia/Seoul'
                       AS told_after_deadline
            FROM assignments a
            JOIN workers w ON w.id = a.worker_id
            JOIN labor_requests r ON r.id = a.request_id
            JOIN farms f ON f.id = r.farm_id
            JOIN LATERAL (SELECT min(o.sent_at) AS at FROM sms_outbox o
                          WHERE o.assignment_id = a.id AND o.state = 'sent' AND o.kind IN ('assignment', 'change')
                         ) told ON told.at IS NOT NULL
            WHERE a.roster_id = \(roster) AND a.status = 'approved'
            ORDER BY r.id, a.id
            """)
    }

    /// The workers of centers that send reminders, on `dates`, who hold a live unanswered assignment on a roster that
    /// told them (`sending` or `sent`), were told before the deadline (`reply_deadline` on the evening before, Asia/
    /// Seoul), sent no reply at all for that day, and have had no reminder for it: one row per center, day and
    /// worker, with their first job of the day. Whether the deadline has passed is the caller's to decide.
    public static func dueReminders(dates: [Day], on db: Connection) throws -> [DueReminder] {
        guard !dates.isEmpty else { return [] }
        return try DueReminder.fetchAll(
            db,
            """
            SELECT DISTINCT ON (a.center_id, a.work_date, a.worker_id)
                   a.center_id, c.code AS center_code, c.name AS center_name, a.roster_id, a.work_date,
                   c.reply_deadline, a.id AS assignment_id, a.worker_id, w.phone AS worker_phone,
                   f.name AS farm_name, r.start_time AS start
            FROM assignments a
            JOIN centers c ON c.id = a.center_id AND c.reply_reminder
            JOIN rosters ro ON ro.id = a.roster_id AND ro.state IN ('sending', 'sent')
            JOIN workers w ON w.id = a.worker_id
            JOIN labor_requests r ON r.id = a.request_id
            JOIN farms f ON f.id = r.farm_id
            WHERE a.work_date = ANY (\(dates.map(\.description))::date[]) AND a.status = 'approved'
              AND EXISTS (SELECT 1 FROM sms_outbox o
                          WHERE o.assignment_id = a.id AND o.state = 'sent' AND o.kind IN ('assignment', 'change')
                            AND o.sent_at <= ((a.work_date - 1) + c.reply_deadline) AT TIME ZONE 'Asia/Seoul')
              AND NOT EXISTS (SELECT 1 FROM sms_inbound i
                              WHERE i.worker_id = a.worker_id AND i.work_date = a.work_date)
              AND NOT EXISTS (SELECT 1 FROM sms_outbox o
                              WHERE o.kind = 'reminder' AND o.center_id = a.center_id AND o.work_date = a.work_date
                                AND o.recipient_id = a.worker_id)
            ORDER BY a.center_id, a.work_date, a.worker_id, r.start_time, a.id
            """)
    }

    /// Queues a reminder unless one was queued for the worker's day already (by a run at the same time).
    ///
    /// - Returns: whether this call queued it.
    public static func queueReminder(
        _ due: DueReminder, recipient: String, type: String, body: String, byteCount: Int, on db: Connection
    ) throws -> Bool {
        try db.query(
            """
            INSERT INTO sms_outbox (center_id, roster_id, work_date, assignment_id, recipient, recipient_role,
                                    recipient_id, kind, type, body, byte_count)
            VALUES (\(due.centerId), \(due.rosterId), \(due.workDate), \(due.assignmentId), \(recipient), 'worker',
                    \(due.workerId), 'reminder', \(type), \(body), \(byteCount))
            ON CONFLICT (center_id, work_date, recipient_id) WHERE kind = 'reminder' DO NOTHING
            """
        ).rowsAffected == 1
    }

    /// The requests of a roster's day (not cancelled) holding fewer live assignments than their minimum, when the
    /// roster was approved and at least one of their assignments was declined: a gap a person must fill.
    public static func shortAfterDecline(roster: Int64, on db: Connection) throws -> [ShortRequest] {
        try ShortRequest.fetchAll(
            db,
            """
            SELECT lr.id AS request_id, f.name AS farm_name,
                   count(a.id) FILTER (WHERE a.status NOT IN ('declined', 'cancelled'))::int AS assigned,
                   lr.min_headcount, lr.headcount
            FROM rosters ro
            JOIN labor_requests lr ON lr.center_id = ro.center_id AND lr.work_date = ro.work_date
            JOIN farms f ON f.id = lr.farm_id
            LEFT JOIN assignments a ON a.request_id = lr.id AND a.roster_id = ro.id
            WHERE ro.id = \(roster) AND ro.state IN ('approved', 'sending', 'sent') AND lr.status <> 'cancelled'
            GROUP BY lr.id, f.name, lr.min_headcount, lr.headcount
            HAVING count(a.id) FILTER (WHERE a.status NOT IN ('declined', 'cancelled')) < lr.min_headcount
               AND count(a.id) FILTER (WHERE a.status = 'declined') > 0
            ORDER BY lr.id
            """)
    }

    /// The worker's declined assignment on a roster (the latest), for `roster replace` after `roster decline`.
    public static func declinedAssignment(worker: Int64, roster: Int64, on db: Connection) throws -> Int64? {
        try db.fetchValue(
            """
            SELECT id FROM assignments WHERE roster_id = \(roster) AND worker_id = \(worker) AND status = 'declined'
            ORDER BY status_changed_at DESC NULLS LAST, id DESC LIMIT 1
            """)
    }

    /// The request of an assignment.
    public static func request(ofAssignment id: Int64, on db: Connection) throws -> Int64? {
        try db.fetchValue("SELECT request_id FROM assignments WHERE id = \(id)")
    }
}
