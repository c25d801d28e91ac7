import Postgres
import Scheduling
import Vocabulary

/// A labor request (one day of a job) with its farm and the state of that day's roster.
public struct RequestRecord: Sendable, Hashable {
    public var id: Int64
    public var centerID: Int64
    public var jobID: Int64
    public var farmID: Int64
    public var farmCode: String
    public var farmName: String
    public var values: RequestValues
    /// `submitted`, `cancelled` or `closed`.
    public var status: String
    public var cancelReason: String?
    /// The state of the center's roster of this date, nil when there is none yet.
    public var rosterState: String?

    init(_ row: PostgresRow) throws {
        id = try row.decode("id")
        centerID = try row.decode("center_id")
        jobID = try row.decode("job_id")
        farmID = try row.decode("farm_id")
        farmCode = try row.decode("farm_code")
        farmName = try row.decode("farm_name")
        status = try row.decode("status")
        cancelReason = try row.decode("cancel_reason", as: String?.self)
        rosterState = try row.decode("roster_state", as: String?.self)
        values = RequestValues(
            date: Day(try row.decode("work_date", as: PGDate.self)), start: try row.requiredTimeOfDay("start_text"),
            end: try row.requiredTimeOfDay("end_text"), task: try row.decode("task"),
            skills: try row.decode("skills"), headcount: try row.decode("headcount"),
            minHeadcount: try row.decode("min_headcount"), priority: try row.decode("priority"),
            maxTravelKm: try row.decode("max_travel_km", as: Double?.self), wage: try row.decode("wage", as: Int?.self))
    }

    /// Whether the day's roster is approved or being sent or sent: the request may not change.
    public var isLockedByRoster: Bool { ["approved", "sending", "sent"].contains(rosterState ?? "") }
}

/// What one request row holds, for an insert or a full update.
public struct RequestValues: Sendable, Hashable {
    public var date: Day
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var task: String
    public var skills: [String]
    public var headcount: Int
    public var minHeadcount: Int
    public var priority: Int
    public var maxTravelKm: Double?
    public var wage: Int?

    public init(
        date: Day, start: TimeOfDay, end: TimeOfDay, task: String, skills: [String] = [], headcount: Int,
        minHeadcount: Int = 1, priority: Int = 1, maxTravelKm: Double? = nil, wage: Int? = nil
    ) {
        self.date = date
        self.start = start
        self.end = end
        self.task = task
        self.skills = skills
        self.headcount = headcount
        self.minHeadcount = minHeadcount
        self.priority = priority
        self.maxTravelKm = maxTravelKm
        self.wage = wage
    }
}

/// What to list.
public struct RequestFilter: Sendable, Hashable {
    public var from: Day?
    public var to: Day?
    public var farm: Int64?
    public var job: Int64?
    public var includeCancelled: Bool
    public init(from: Day? = nil, to: Day? = nil, farm: Int64? = nil, job: Int64? = nil, includeCancelled: Bool = true) {
        self.from = from
        self.to = to
        self.farm = farm
        self.job = job
        self.includeCancelled = includeCancelled
    }
}

/// SQL for `labor_requests`.
public enum RequestStore {
    static let select: PostgresQuery = """
        SELECT r.id, r.center_id, r.job_id, r.farm_id, f.code AS farm_code, f.name AS farm_name, r.work_date,
               to_char(r.start_time, 'HH24:MI') AS start_text, to_char(r.end_time, 'HH24:MI') AS end_text,
               r.task, r.skills, r.headcount, r.min_headcount, r.priority, r.max_travel_km, r.wage, r.status,
               r.cancel_reason,
               (SELECT ro.state FROM rosters ro WHERE ro.center_id = r.center_id AND ro.work_date = r.work_date)
                   AS roster_state
        FROM labor_requests r JOIN farms f ON f.id = r.farm_id
        """

    /// The request of a center with this id.
    public static func find(id: Int64, center: Int64, on db: Connection) throws -> RequestRecord? {
        try db.query("\(fragment: select) WHERE r.center_id = \(center) AND r.id = \(id)").first.map(RequestRecord.init)
    }

    /// The center code of a request with this id in another center, if any.
    public static func otherCenter(id: Int64, notCenter center: Int64, on db: Connection) throws -> String? {
        try db.query(
            "SELECT c.code FROM labor_requests r JOIN centers c ON c.id = r.center_id WHERE r.id = \(id) AND r.center_id <> \(center)"
        ).first?.decode("code")
    }

    /// The requests of a center matching a filter, by date, farm code and start.
    public static func list(center: Int64, _ filter: RequestFilter, on db: Connection) throws -> [RequestRecord] {
        try db.query(
            """
            \(fragment: select)
            WHERE r.center_id = \(center)
              AND (\(filter.from?.pgDate)::date IS NULL OR r.work_date >= \(filter.from?.pgDate))
              AND (\(filter.to?.pgDate)::date IS NULL OR r.work_date <= \(filter.to?.pgDate))
              AND (\(filter.farm)::bigint IS NULL OR r.farm_id = \(filter.farm))
              AND (\(filter.job)::bigint IS NULL OR r.job_id = \(filter.job))
              AND (\(filter.includeCancelled) OR r.status <> 'cancelled')
            ORDER BY r.work_date, f.code, r.start_time, r.id
            """
        ).map(RequestRecord.init)
    }

    /// The live (not cancelled) requests of a center's farms on the given dates, for natural-key matching.
    public static func live(center: Int64, from: Day, to: Day, on db: Connection) throws -> [RequestRecord] {
        try list(center: center, RequestFilter(from: from, to: to, includeCancelled: false), on: db)
    }

    /// Inserts a request of a job; returns its id.
    ///
    /// - Throws: `PostgresError` (`labor_requests_natural_key` when a live request has the same farm, date,
    ///   task and start; CHECKs).
    public static func insert(center: Int64, job: Int64, farm: Int64, _ v: RequestValues, on db: Connection) throws
        -> Int64
    {
        try db.query(
            """
            INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, skills,
                                        headcount, min_headcount, priority, max_travel_km, wage)
            VALUES (\(center), \(job), \(farm), \(v.date.pgDate), \(v.start.description)::time,
                    \(v.end.description)::time, \(v.task), \(v.skills), \(v.headcount), \(v.minHeadcount),
                    \(v.priority), \(v.maxTravelKm), \(v.wage))
            RETURNING id
            """)[0].decode("id")
    }

    /// Sets every value of a request to `v` (the date and the task stay: they are part of its identity).
    public static func update(id: Int64, _ v: RequestValues, on db: Connection) throws {
        try db.query(
            """
            UPDATE labor_requests SET start_time = \(v.start.description)::time, end_time = \(v.end.description)::time,
                   skills = \(v.skills), headcount = \(v.headcount), min_headcount = \(v.minHeadcount),
                   priority = \(v.priority), max_travel_km = \(v.maxTravelKm), wage = \(v.wage)
            WHERE id = \(id)
            """)
    }

    /// Cancels a request.
    public static func cancel(id: Int64, reason: String?, on db: Connection) throws {
        try db.query(
            """
            UPDATE labor_requests SET status = 'cancelled', cancelled_at = now(), cancel_reason = \(reason)
            WHERE id = \(id) AND status <> 'cancelled'
            """)
    }

    /// The state of a center's roster of a date, nil when there is none.
    public static func rosterState(center: Int64, date: Day, on db: Connection) throws -> String? {
        try db.query("SELECT state FROM rosters WHERE center_id = \(center) AND work_date = \(date.pgDate)")
            .first?.decode("state")
    }
}
