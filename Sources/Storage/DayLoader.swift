import KoreanText
import Postgres
import Scheduling
import Vocabulary

/// A pinned assignment of the day's roster, as stored, with what the planner needs to keep or drop it.
public struct StoredPin: Sendable, Hashable {
    public var assignmentID: AssignmentID
    public var requestID: RequestID
    public var workerID: WorkerID
    public var forced: Bool
    /// `submitted`, `cancelled` or `closed`.
    public var requestStatus: String
    public var requestDate: Day
    public var workerActive: Bool
}

/// A farm of the day, with what the instance has no field for.
public struct DayFarm: Sendable, Hashable {
    public var id: FarmID
    public var code: String
    public var name: String
    public var meetingPoint: String?
    public var meetingTime: String?
}

/// One center's day read from the database: the scheduler's instance (without pins) and the rows around it.
public struct LoadedDay: Sendable {
    /// Workers (active), farms (of the day's requests), requests (submitted), history, exclusions. No pins:
    /// the caller decides which of `pins` to keep (see `StoredPin`).
    public var instance: Instance
    /// The pinned assignments of the day's roster, live ones only.
    public var pins: [StoredPin]
    /// Farms by database id.
    public var farms: [FarmID: DayFarm]
    /// The solver's ids of the instance, the pins and the roster's live assignments, and the database ids behind
    /// them.
    public var ids: DayIDs

    /// The farm of a solver farm id of the day.
    ///
    /// - Throws: `UnknownDayID` when the day has no such farm.
    public func farm(_ key: String) throws(UnknownDayID) -> DayFarm {
        let id = try ids.farms.id(key)
        guard let farm = farms[id] else { throw UnknownDayID(kind: "farm", id: key) }
        return farm
    }
}

/// Reads one center's day from the database into the scheduler's model (`spec/problem-format.md`).
public enum DayLoader {
    /// A stored window `HH:MM-HH:MM` (the end may be `24:00`).
    static func window(_ text: String) -> ClockWindow? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let from = TimeOfDay(String(parts[0])), let to = TimeOfDay(rangeEnd: String(parts[1])),
            from < to
        else { return nil }
        return ClockWindow(from: from.minutes, to: to.minutes)
    }

    /// Assignment statuses that count as a day worked (for `workedDates` and `recentDaysWorked`).
    static let workedStatuses = "('approved', 'confirmed', 'completed')"

    /// Loads center `center`'s day `date`.
    ///
    /// - workers: active ones; `available` holds `date` when their availability allows it (no `available` row
    ///   means every day; `off` rows take days away); `workedDates`: other dates of the ISO week with an
    ///   approved, confirmed or completed assignment; `recentDaysWorked`: such days in the 30 days before;
    ///   blocked farms from `blocks`; `allowedFarms` when `allowed_farms_only`.
    /// - requests: submitted ones of the date; farms: those of the date's requests.
    /// - history: the live assignments of the day before, for continuity.
    /// - exclusions: the roster's remembered unassigns, as `excludedPairs`.
    /// - ids: every id of the above, and of the roster's live assignments, in the one map (`DayIDs`).
    ///
    /// - Throws: `PostgresError`, `RowDecodingError`.
    public static func load(center: Int64, date: Day, on db: Connection) throws -> LoadedDay {
        let d = date
        let monday = date.adding(days: 1 - date.isoWeekday)
        let sunday = monday.adding(days: 6)
        var ids = DayIDs()

        // Requests of the day.
        var requests: [LaborRequest] = []
        for row in try db.query(
            """
            SELECT id, job_id, farm_id, to_char(start_time, 'HH24:MI') AS start_hm, to_char(end_time, 'HH24:MI') AS end_hm,
                   task, skills, headcount, min_headcount, priority, max_travel_km, wage, pools, pickup_seats,
                   ARRAY(SELECT rp.pickup_point_id::text FROM request_pickup_points rp
                         WHERE rp.request_id = labor_requests.id ORDER BY rp.pickup_point_id) AS pickup_point_ids
            FROM labor_requests
            WHERE center_id = \(center) AND work_date = \(d) AND status = 'submitted'
            ORDER BY id
            """)
        {
            let pools = try row.decode("pools", as: [String]?.self).map { names in
                Set(names.compactMap(WorkerPool.init(rawValue:)))
            }
            let seats = try row.decode("pickup_seats", as: Int?.self)
            let stops = try row.decode("pickup_point_ids", as: [String].self).map { "p\($0)" }
            requests.append(
                LaborRequest(
                    id: ids.requests.add(RequestID(try row.decode("id"))),
                    farm: ids.farms.add(FarmID(try row.decode("farm_id"))),
                    job: ids.jobs.add(JobID(try row.decode("job_id"))), date: date,
                    start: TimeOfDay(try row.decode("start_hm", as: String.self)),
                    end: TimeOfDay(rangeEnd: try row.decode("end_hm", as: String.self)), task: try row.decode("task"),
                    skills: Set(try row.decode("skills", as: [String].self)), headcount: try row.decode("headcount"),
                    minHeadcount: try row.decode("min_headcount"), priority: try row.decode("priority"),
                    maxTravelKm: try row.decode("max_travel_km", as: Double?.self),
                    wage: try row.decode("wage", as: Int?.self).map(Double.init), pools: pools,
                    pickup: seats.map { Pickup(points: Set(stops), seats: $0) }))
        }

        // The center's pickup points (every one: a worker's or a request's may name any).
        var pickupPoints: [PickupPoint] = []
        for row in try db.query(
            "SELECT id, name, lat, lon FROM pickup_points WHERE center_id = \(center) ORDER BY id")
        {
            pickupPoints.append(
                PickupPoint(
                    id: "p\(try row.decode("id", as: Int64.self))", name: try row.decode("name"),
                    location: GeoPoint(lat: try row.decode("lat"), lon: try row.decode("lon"))))
        }

        // Farms of the day's requests (cancelled ones too: a pin may name them).
        var farms: [Farm] = []
        var dayFarms: [FarmID: DayFarm] = [:]
        for row in try db.query(
            """
            SELECT f.id, f.code, f.name, f.lat, f.lon, f.meeting_point, to_char(f.meeting_time, 'HH24:MI') AS meeting_hm
            FROM farms f
            WHERE f.center_id = \(center)
              AND f.id IN (SELECT farm_id FROM labor_requests WHERE center_id = \(center) AND work_date = \(d))
            ORDER BY f.id
            """)
        {
            let id = FarmID(try row.decode("id"))
            let name: String = try row.decode("name")
            farms.append(
                Farm(
                    id: ids.farms.add(id), name: name,
                    location: GeoPoint(lat: try row.decode("lat"), lon: try row.decode("lon"))))
            dayFarms[id] = DayFarm(
                id: id, code: try row.decode("code"), name: name,
                meetingPoint: try row.decode("meeting_point", as: String?.self),
                meetingTime: try row.decode("meeting_hm", as: String?.self))
        }

        // Per-worker sets, keyed by worker id.
        var blocked: [Int64: Set<String>] = [:]
        for row in try db.query("SELECT worker_id, farm_id FROM blocks WHERE center_id = \(center)") {
            blocked[try row.decode("worker_id"), default: []].insert(ids.farms.add(FarmID(try row.decode("farm_id"))))
        }
        var allowed: [Int64: Set<String>] = [:]
        for row in try db.query("SELECT worker_id, farm_id FROM worker_allowed_farms WHERE center_id = \(center)") {
            allowed[try row.decode("worker_id"), default: []].insert(ids.farms.add(FarmID(try row.decode("farm_id"))))
        }
        var worked: [Int64: Set<Day>] = [:]
        for row in try db.query(
            """
            SELECT DISTINCT worker_id, work_date FROM assignments
            WHERE center_id = \(center) AND work_date BETWEEN \(monday) AND \(sunday)
              AND work_date <> \(d) AND status IN \(unescaped: workedStatuses)
            """)
        {
            worked[try row.decode("worker_id"), default: []].insert(try row.decode("work_date", as: Day.self))
        }
        var recent: [Int64: Int] = [:]
        for row in try db.query(
            """
            SELECT worker_id, count(DISTINCT work_date) AS n FROM assignments
            WHERE center_id = \(center) AND work_date BETWEEN \(date.adding(days: -30)) AND \(date.previous)
              AND status IN \(unescaped: workedStatuses)
            GROUP BY worker_id
            """)
        {
            recent[try row.decode("worker_id")] = try row.decode("n")
        }

        // Active workers with skills and availability on the date.
        var workers: [Worker] = []
        for row in try db.query(
            """
            SELECT w.id, w.name, w.phone, w.home_lat, w.home_lon, w.category, w.max_travel_km, w.max_days_per_week,
                   w.allowed_farms_only, w.pool, w.max_jobs_per_day, w.max_minutes_per_day, w.stay_until, w.car,
                   w.pickup_point_id,
                   ARRAY(SELECT to_char(a.from_time, 'HH24:MI') || '-' || to_char(a.to_time, 'HH24:MI')
                         FROM worker_availability a
                         WHERE a.worker_id = w.id AND a.kind = 'available' AND a.from_time IS NOT NULL
                           AND a.available_from <= \(d) AND (a.available_to IS NULL OR a.available_to >= \(d))
                         ORDER BY a.from_time, a.to_time) AS windows,
                   (NOT EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.kind = 'available')
                    OR EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.kind = 'available'
                                 AND a.from_time IS NULL AND a.available_from <= \(d)
                                 AND (a.available_to IS NULL OR a.available_to >= \(d)))) AS whole_day,
                   COALESCE((SELECT array_agg(s.code ORDER BY s.code) FROM worker_skills ws
                             JOIN skills s ON s.id = ws.skill_id WHERE ws.worker_id = w.id), '{}') AS skill_codes,
                   (NOT EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.kind = 'off'
                                  AND a.available_from <= \(d) AND (a.available_to IS NULL OR a.available_to >= \(d)))
                    AND (NOT EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.kind = 'available')
                         OR EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.kind = 'available'
                                      AND a.available_from <= \(d) AND (a.available_to IS NULL OR a.available_to >= \(d)))))
                   AS available_on_date
            FROM workers w
            WHERE w.center_id = \(center) AND w.active
            ORDER BY w.id
            """)
        {
            let id: Int64 = try row.decode("id")
            let onlyAllowed: Bool = try row.decode("allowed_farms_only")
            let available = try row.decode("available_on_date", as: Bool.self)
            var windows: [Day: [ClockWindow]] = [:]
            if available, !(try row.decode("whole_day", as: Bool.self)) {
                windows[date] = try row.decode("windows", as: [String].self).compactMap(Self.window)
            }
            workers.append(
                Worker(
                    id: ids.workers.add(WorkerID(id)), name: try row.decode("name"),
                    phone: Phone.format(try row.decode("phone", as: String.self)),
                    home: GeoPoint(lat: try row.decode("home_lat"), lon: try row.decode("home_lon")),
                    skills: Set(try row.decode("skill_codes", as: [String].self)),
                    category: WorkerCategory(rawValue: try row.decode("category")) ?? .general,
                    maxTravelKm: try row.decode("max_travel_km"),
                    available: try row.decode("available_on_date", as: Bool.self) ? [date] : [],
                    maxDaysPerWeek: try row.decode("max_days_per_week"), recentDaysWorked: recent[id] ?? 0,
                    workedDates: worked[id] ?? [], blockedFarms: blocked[id] ?? [],
                    allowedFarms: onlyAllowed ? (allowed[id] ?? []) : nil, windows: windows,
                    pool: try row.status("pool", table: "workers"),
                    stayUntil: try row.decode("stay_until", as: Day?.self),
                    maxJobsPerDay: try row.decode("max_jobs_per_day"),
                    maxMinutesPerDay: try row.decode("max_minutes_per_day", as: Int?.self),
                    car: try row.decode("car"),
                    pickupPoint: try row.decode("pickup_point_id", as: Int64?.self).map { "p\($0)" }))
        }

        // The day before: live assignments, for continuity.
        var history: [HistoryEntry] = []
        for row in try db.query(
            """
            SELECT a.worker_id, lr.farm_id, lr.job_id FROM assignments a
            JOIN labor_requests lr ON lr.id = a.request_id
            JOIN rosters r ON r.id = a.roster_id
            WHERE a.center_id = \(center) AND a.work_date = \(date.previous)
              AND a.status NOT IN ('declined', 'cancelled', 'no_show') AND r.state <> 'cancelled'
            ORDER BY a.worker_id
            """)
        {
            history.append(
                HistoryEntry(
                    worker: ids.workers.add(WorkerID(try row.decode("worker_id"))),
                    farm: ids.farms.add(FarmID(try row.decode("farm_id"))),
                    job: ids.jobs.add(JobID(try row.decode("job_id"))),
                    date: date.previous))
        }

        // The roster's pins and exclusions.
        var pins: [StoredPin] = []
        for row in try db.query(
            """
            SELECT a.id, a.request_id, a.worker_id, a.forced, lr.status AS request_status, lr.work_date,
                   w.active AS worker_active
            FROM assignments a
            JOIN rosters r ON r.id = a.roster_id
            JOIN labor_requests lr ON lr.id = a.request_id
            JOIN workers w ON w.id = a.worker_id
            WHERE r.center_id = \(center) AND r.work_date = \(d) AND a.pinned
              AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY a.id
            """)
        {
            let pin = StoredPin(
                assignmentID: AssignmentID(try row.decode("id")), requestID: RequestID(try row.decode("request_id")),
                workerID: WorkerID(try row.decode("worker_id")), forced: try row.decode("forced"),
                requestStatus: try row.decode("request_status"),
                requestDate: try row.decode("work_date", as: Day.self),
                workerActive: try row.decode("worker_active"))
            ids.requests.add(pin.requestID)
            ids.workers.add(pin.workerID)
            pins.append(pin)
        }
        var excluded = Set<Pair>()
        for row in try db.query(
            """
            SELECT e.request_id, e.worker_id FROM roster_exclusions e
            JOIN rosters r ON r.id = e.roster_id
            WHERE r.center_id = \(center) AND r.work_date = \(d)
            """)
        {
            excluded.insert(
                Pair(
                    request: ids.requests.add(RequestID(try row.decode("request_id"))),
                    worker: ids.workers.add(WorkerID(try row.decode("worker_id")))))
        }
        // The roster's live assignments: scored and reported by the solver's ids, whoever and whatever they name
        // now (a worker deactivated since, a request cancelled since).
        for row in try db.query(
            """
            SELECT a.request_id, a.worker_id FROM assignments a
            JOIN rosters r ON r.id = a.roster_id
            WHERE r.center_id = \(center) AND r.work_date = \(d) AND a.status NOT IN ('declined', 'cancelled')
            """)
        {
            ids.requests.add(RequestID(try row.decode("request_id")))
            ids.workers.add(WorkerID(try row.decode("worker_id")))
        }

        var instance = Instance(
            name: nil, workers: workers, farms: farms, requests: requests, pinned: [], history: history,
            excludedPairs: excluded)
        instance.pickupPoints = pickupPoints
        return LoadedDay(instance: instance, pins: pins, farms: dayFarms, ids: ids)
    }
}
