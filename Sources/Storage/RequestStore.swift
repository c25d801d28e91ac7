import Postgres
import Records
import Scheduling
import Vocabulary

extension RequestRecord: StoredRecord {
    public static let table = "labor_requests"
    public static func table(ofColumn column: String) -> String { column == "roster_state" ? "rosters" : table }
}

/// What to list.
public struct RequestFilter: Sendable, Hashable {
    public var from: Day?
    public var to: Day?
    public var farm: Int64?
    public var job: Int64?
    public var includeCancelled: Bool
    public init(from: Day? = nil, to: Day? = nil, farm: Int64? = nil, job: Int64? = nil, includeCancelled: Bool = true)
    {
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
        SELECT r.id, r.center_id, r.job_id, r.farm_id, f.code AS farm_code, f.name AS farm_name, r.work_date AS date,
               to_char(r.start_time, 'HH24:MI') AS start, to_char(r.end_time, 'HH24:MI') AS "end",
               r.task, r.skills, r.headcount, r.min_headcount, r.priority, r.max_travel_km, r.wage, r.status,
               r.cancel_reason, r.priority_source, r.priority_reason, r.priority_by,
               array_to_json(r.pools)::text AS pools, r.pickup_seats,
               ARRAY(SELECT p.name FROM request_pickup_points rp JOIN pickup_points p ON p.id = rp.pickup_point_id
                     WHERE rp.request_id = r.id ORDER BY p.name) AS pickup_points,
               (SELECT ro.state FROM rosters ro WHERE ro.center_id = r.center_id AND ro.work_date = r.work_date)
                   AS roster_state
        FROM labor_requests r JOIN farms f ON f.id = r.farm_id
        """

    /// The request of a center with this id.
    public static func find(id: Int64, center: Int64, on db: Connection) throws -> RequestRecord? {
        try RequestRecord.fetchOne(db, "\(fragment: select) WHERE r.center_id = \(center) AND r.id = \(id)")
    }

    /// The request with this id, whatever its center (as the caller may see it).
    static func find(id: Int64, on db: Connection) throws -> RequestRecord? {
        try RequestRecord.fetchOne(db, "\(fragment: select) WHERE r.id = \(id)")
    }

    /// The center code of a request with this id in another center, if any.
    public static func otherCenter(id: Int64, notCenter center: Int64, on db: Connection) throws -> String? {
        try db.fetchValue(
            "SELECT c.code FROM labor_requests r JOIN centers c ON c.id = r.center_id WHERE r.id = \(id) AND r.center_id <> \(center)"
        )
    }

    /// The requests of a center matching a filter, by date, farm code and start.
    public static func list(center: Int64, _ filter: RequestFilter, on db: Connection) throws -> [RequestRecord] {
        try RequestRecord.fetchAll(
            db,
            """
            \(fragment: select)
            WHERE r.center_id = \(center)
              AND (\(filter.from)::date IS NULL OR r.work_date >= \(filter.from))
              AND (\(filter.to)::date IS NULL OR r.work_date <= \(filter.to))
              AND (\(filter.farm)::bigint IS NULL OR r.farm_id = \(filter.farm))
              AND (\(filter.job)::bigint IS NULL OR r.job_id = \(filter.job))
              AND (\(filter.includeCancelled) OR r.status <> 'cancelled')
            ORDER BY r.work_date, f.code, r.start_time, r.id
            """)
    }

    /// The live (not cancelled) requests of a center's farms on the given dates, for natural-key matching.
    public static func live(center: Int64, from: Day, to: Day, on db: Connection) throws -> [RequestRecord] {
        try list(center: center, RequestFilter(from: from, to: to, includeCancelled: false), on: db)
    }

    /// Inserts a request of a job; returns its id. The database writes its audit row (sql/010), naming `via`.
    /// A request given no van of its own (`pickupSeats` nil) gets its farm's default van, points and seats.
    ///
    /// - Parameter priorityReason: nil: the priority comes from the center's policy (the database computes it,
    ///   sql/020, and `v.priority` is not used); else `v.priority` is an override with this reason.
    /// - Throws: `PostgresError` (`labor_requests_natural_key` when a live request has the same farm, date,
    ///   task and start; CHECKs).
    public static func insert(
        center: Int64, job: Int64, farm: Int64, _ v: RequestValues, priorityReason: String? = nil, via: String,
        on db: Connection
    ) throws -> Int64 {
        try AuditLog.name(via: via, reason: priorityReason, on: db)
        let source = priorityReason == nil ? PrioritySource.policy.rawValue : PrioritySource.override.rawValue
        let id: Int64 = try db.query(
            """
            INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, skills,
                                        headcount, min_headcount, priority, max_travel_km, wage, priority_source,
                                        priority_reason, priority_by, pools, pickup_seats)
            VALUES (\(center), \(job), \(farm), \(v.date), \(v.start.description)::time,
                    \(v.end.description)::time, \(v.task), \(v.skills), \(v.headcount), \(v.minHeadcount),
                    \(v.priority), \(v.maxTravelKm), \(v.wage), \(source), \(priorityReason),
                    CASE WHEN \(priorityReason)::text IS NULL THEN NULL ELSE session_user END,
                    \(v.pools?.map(\.rawValue))::text[],
                    COALESCE(\(v.pickupSeats)::smallint,
                             (SELECT f.pickup_seats FROM farms f WHERE f.id = \(farm) AND f.center_id = \(center))))
            RETURNING id
            """)[0].decode("id")
        if v.pickupSeats == nil {
            try PickupStore.copyFarmDefault(request: id, farm: farm, center: center, on: db)
        } else {
            try PickupStore.setRequestPoints(request: id, center: center, names: v.pickupPoints, on: db)
        }
        return id
    }

    /// Sets every value of a request to `v` (the date and the task stay: they are part of its identity). The
    /// database writes its audit row (sql/010), naming `via`, and refuses a farmer's change of a locked request.
    ///
    /// - Parameter priority: `.keep` leaves where the priority comes from as it is (on the policy, the database
    ///   recomputes it and `v.priority` is not used); `.override(reason)` makes `v.priority` an override with
    ///   this reason; `.policy` puts the request back on the center's policy.
    public static func update(
        id: Int64, _ v: RequestValues, priority: PriorityChange = .keep, via: String, on db: Connection
    ) throws {
        var reason: String? = nil
        if case .override(let why) = priority { reason = why }
        try AuditLog.name(via: via, reason: reason, on: db)
        if priority == .keep {
            // Only the columns a farmer may change too (sql/008's column grants).
            try db.query(
                """
                UPDATE labor_requests SET start_time = \(v.start.description)::time, end_time = \(v.end.description)::time,
                       skills = \(v.skills), headcount = \(v.headcount), min_headcount = \(v.minHeadcount),
                       priority = \(v.priority), max_travel_km = \(v.maxTravelKm), wage = \(v.wage)
                WHERE id = \(id)
                """)
        } else {
            let source = reason == nil ? PrioritySource.policy.rawValue : PrioritySource.override.rawValue
            try db.query(
                """
                UPDATE labor_requests SET start_time = \(v.start.description)::time, end_time = \(v.end.description)::time,
                       skills = \(v.skills), headcount = \(v.headcount), min_headcount = \(v.minHeadcount),
                       priority = \(v.priority), max_travel_km = \(v.maxTravelKm), wage = \(v.wage),
                       priority_source = \(source), priority_reason = \(reason),
                       priority_by = CASE WHEN \(reason)::text IS NULL THEN NULL ELSE session_user END
                WHERE id = \(id)
                """)
        }
        // The version 2 values only when they change: a farmer's change of hours needs no right on them.
        guard let stored = try find(id: id, on: db) else { return }
        if stored.values.pools != v.pools || stored.values.pickupSeats != v.pickupSeats {
            try db.query(
                """
                UPDATE labor_requests SET pools = \(v.pools?.map(\.rawValue))::text[],
                       pickup_seats = \(v.pickupSeats)::smallint
                WHERE id = \(id)
                """)
        }
        let points = v.pickupSeats == nil ? [] : v.pickupPoints
        if stored.values.pickupPoints != points.sorted() {
            try PickupStore.setRequestPoints(request: id, center: stored.centerID, names: points, on: db)
        }
    }

    /// Recomputes the priority of the center's live requests on the policy from `from` on (of one farm, or all):
    /// after a farm's profile or the policy changed (the database's triggers of sql/020 do it from the real today
    /// on; this covers the clock's today). Returns how many requests it changed.
    public static func refreshPolicyPriorities(
        center: Int64, farm: Int64? = nil, from: Day, via: String, on db: Connection
    ) throws -> Int {
        try AuditLog.name(via: via, on: db)
        return try db.fetchColumn(
            """
            UPDATE labor_requests r SET priority = ilson_policy_priority(r.center_id, r.farm_id, r.work_date)
            WHERE r.center_id = \(center) AND r.priority_source = 'policy' AND r.status = 'submitted'
              AND r.work_date >= \(from) AND (\(farm)::bigint IS NULL OR r.farm_id = \(farm))
              AND r.priority <> ilson_policy_priority(r.center_id, r.farm_id, r.work_date)
            RETURNING r.id
            """, as: Int64.self
        ).count
    }

    /// The priorities of the center's live requests on the policy from `from` on (of one farm, or all), by id.
    public static func policyPriorities(center: Int64, farm: Int64? = nil, from: Day, on db: Connection) throws
        -> [Int64: Int]
    {
        var out: [Int64: Int] = [:]
        for row in try db.query(
            """
            SELECT id, priority FROM labor_requests
            WHERE center_id = \(center) AND priority_source = 'policy' AND status = 'submitted' AND work_date >= \(from)
              AND (\(farm)::bigint IS NULL OR farm_id = \(farm))
            """)
        {
            out[try row.decode("id", as: Int64.self)] = try row.decode("priority", as: Int.self)
        }
        return out
    }

    /// The terms of the center's policy that apply to a request's farm on its day, with their points (base first).
    public static func priorityTerms(center: Int64, farm: Int64, date: Day, on db: Connection) throws
        -> [(term: String, points: Int)]
    {
        try db.query("SELECT term, points FROM ilson_priority_terms(\(center), \(farm), \(date))").map {
            (try $0.decode("term", as: String.self), try $0.decode("points", as: Int.self))
        }
    }

    /// Cancels a request. The database writes its audit row (sql/010), naming `via`, and refuses a farmer's
    /// cancellation of a request on an approved, sending or sent roster.
    public static func cancel(id: Int64, reason: String?, via: String, on db: Connection) throws {
        try AuditLog.name(via: via, on: db)
        try db.query(
            """
            UPDATE labor_requests SET status = 'cancelled', cancelled_at = now(), cancel_reason = \(reason)
            WHERE id = \(id) AND status <> 'cancelled'
            """)
    }

    /// The state of a center's roster of a date, nil when there is none.
    public static func rosterState(center: Int64, date: Day, on db: Connection) throws -> RosterState? {
        try db.query("SELECT state FROM rosters WHERE center_id = \(center) AND work_date = \(date)")
            .first?.status("state", table: "rosters")
    }
}

/// How a request's update treats where its priority comes from.
public enum PriorityChange: Sendable, Hashable {
    /// As it is.
    case keep
    /// A person's override, with its reason.
    case override(reason: String)
    /// Back to the center's policy.
    case policy
}
