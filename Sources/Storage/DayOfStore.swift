import Postgres
import Scheduling
import Vocabulary

/// The SQL of day-of changes on a roster whose messages may be out (`roster decline`, `roster replace`,
/// `request cancel` on an approved or sent roster, re-planning a sent roster): who was told, withdrawing
/// what is no longer true, and the assignment status moves. Every statement is one of the caller's
/// transaction, which holds the roster's row lock (`BatchRosterStore.lock`).
public enum DayOfStore {
    /// Outbox states that mean "this person may have been told": delivered, or claimed by a sender that died
    /// (the provider may have taken it). Call with the roster locked: then no live sender holds a claim.
    static let toldStates = [OutboxState.sent, .sending].map(\.rawValue)

    /// An assignment's notices to its worker (`assignment` or `change`; cancellation notices are not among them).
    private static func workerNotices(_ assignment: Int64) -> PostgresQuery {
        "assignment_id = \(assignment) AND recipient_role = 'worker' AND kind IN ('assignment', 'change')"
    }

    /// The lists to a farmer of a request's farm and day (`farmer_list` or `change`): one list names every request
    /// of a farm and day, and is kept with one of them.
    private static func farmerLists(_ request: Int64) -> PostgresQuery {
        """
        request_id IN (SELECT o.id FROM labor_requests o JOIN labor_requests x
                       ON x.farm_id = o.farm_id AND x.work_date = o.work_date WHERE x.id = \(request))
        AND recipient_role = 'farmer' AND kind IN ('farmer_list', 'change')
        """
    }

    /// Whether any of these messages was delivered, or is in doubt.
    private static func told(_ messages: PostgresQuery, on db: Connection) throws -> Bool {
        try db.fetchValue(
            "SELECT EXISTS (SELECT 1 FROM sms_outbox WHERE \(fragment: messages) AND state = ANY(\(toldStates)))")
            ?? false
    }

    /// These messages not yet delivered (`pending`, or `sending` in doubt) become `withdrawn`; returns how many.
    private static func withdraw(_ messages: PostgresQuery, on db: Connection) throws -> Int {
        try db.query(
            """
            UPDATE sms_outbox SET state = 'withdrawn', withdrawn_at = now(), updated_at = now()
            WHERE \(fragment: messages) AND state IN ('pending', 'sending')
            """
        ).rowsAffected
    }

    /// Whether the worker of an assignment was told about it (an `assignment` or `change` notice delivered,
    /// or in doubt).
    public static func workerTold(assignment: Int64, on db: Connection) throws -> Bool {
        try told(workerNotices(assignment), on: db)
    }

    /// The assignment's worker messages not yet delivered (`pending`, or `sending` in doubt) become `withdrawn`;
    /// cancellation notices are left alone.
    ///
    /// - Returns: how many were withdrawn.
    @discardableResult
    public static func withdrawWorkerMessages(assignment: Int64, on db: Connection) throws -> Int {
        try withdraw(workerNotices(assignment), on: db)
    }

    /// Whether a request's farmer was told who comes (a list or a changed list of the request's farm and day
    /// delivered, or in doubt).
    public static func farmerTold(request: Int64, on db: Connection) throws -> Bool {
        try told(farmerLists(request), on: db)
    }

    /// The farmer lists of the request's farm and day not yet delivered become `withdrawn` (a newer list replaces
    /// them).
    ///
    /// - Returns: how many were withdrawn.
    @discardableResult
    public static func withdrawFarmerLists(request: Int64, on db: Connection) throws -> Int {
        try withdraw(farmerLists(request), on: db)
    }

    /// Whether the roster has any message in the outbox (it was written by `batch send`, or queued since).
    public static func hasMessages(roster: Int64, on db: Connection) throws -> Bool {
        try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sms_outbox WHERE roster_id = \(roster))") ?? false
    }

    /// One assignment → `declined` (or another status), with the reason.
    public static func setStatus(
        assignment: Int64, to status: AssignmentStatus, reason: String?, on db: Connection
    ) throws {
        try db.query(
            """
            UPDATE assignments SET status = \(status), status_reason = \(reason), status_changed_at = now(),
                   updated_at = now()
            WHERE id = \(assignment)
            """)
    }

    /// Every live assignment of a request → `cancelled` with the reason.
    ///
    /// - Returns: the ids of the assignments cancelled.
    @discardableResult
    public static func cancelAssignments(request: Int64, reason: String?, on db: Connection) throws -> [Int64] {
        try db.fetchColumn(
            """
            UPDATE assignments SET status = 'cancelled', status_reason = \(reason), status_changed_at = now(),
                   updated_at = now()
            WHERE request_id = \(request) AND status NOT IN ('declined', 'cancelled')
            RETURNING id
            """, as: Int64.self
        ).sorted()
    }

    /// The workers of a center who declined an assignment on a date: they said they cannot come that day, so
    /// neither a re-plan nor a suggestion puts them back on it.
    public static func declinedWorkers(center: Int64, date: Day, on db: Connection) throws -> Set<Int64> {
        Set(
            try db.fetchColumn(
                """
                SELECT DISTINCT worker_id FROM assignments
                WHERE center_id = \(center) AND work_date = \(date) AND status = 'declined'
                """))
    }

    /// Pins every announced assignment of a roster (`approved` or `confirmed`, live): re-planning a roster whose
    /// messages are out keeps them all.
    ///
    /// - Returns: how many were pinned by this call.
    @discardableResult
    public static func pinAnnounced(roster: Int64, on db: Connection) throws -> Int {
        try db.query(
            """
            UPDATE assignments SET pinned = true, updated_at = now()
            WHERE roster_id = \(roster) AND NOT pinned AND status IN ('approved', 'confirmed')
            """
        ).rowsAffected
    }

    /// The roster's assignments still `proposed` (planned after its messages went out, not announced yet).
    public static func proposed(roster: Int64, on db: Connection) throws -> [Int64] {
        try db.fetchColumn("SELECT id FROM assignments WHERE roster_id = \(roster) AND status = 'proposed' ORDER BY id")
    }

    /// `sent` → `sending`: new messages were queued, so the roster is not done sending until they are final.
    public static func reopenSending(roster: Int64, on db: Connection) throws {
        try db.query(
            """
            UPDATE rosters SET state = 'sending', updated_at = now() WHERE id = \(roster) AND state = 'sent'
            """)
    }

    /// Moves the roster to the next version (it is locked by the caller).
    ///
    /// - Returns: the new version.
    @discardableResult
    public static func bumpVersion(roster: Int64, on db: Connection) throws -> Int {
        try db.query(
            "UPDATE rosters SET version = version + 1, updated_at = now() WHERE id = \(roster) RETURNING version"
        ).first!.decode("version")
    }

    /// A request's farmer and farm, for a cancellation confirmation.
    public static func farmer(ofRequest request: Int64, on db: Connection) throws -> RequestFarmer? {
        try RequestFarmer.fetchOne(
            db,
            """
            SELECT fr.id, fr.name, fr.phone, f.name AS farm_name, to_char(lr.start_time, 'HH24:MI') AS start
            FROM labor_requests lr JOIN farms f ON f.id = lr.farm_id JOIN farmers fr ON fr.id = f.farmer_id
            WHERE lr.id = \(request)
            """)
    }
}

/// A request's farmer and farm (`DayOfStore.farmer(ofRequest:)`).
public struct RequestFarmer: StoredRecord, Hashable {
    public static let table = "farmers"
    public var id: Int64
    public var name: String
    /// Digits.
    public var phone: String
    public var farmName: String
    /// `HH:MM`.
    public var start: String
}
