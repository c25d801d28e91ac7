import Postgres
import Scheduling
import Vocabulary

/// One assignment on a roster that was approved (or is being or was sent): a placement, or a
/// no-show, or a day still to come. The rows of `ilson report placements`.
public struct PlacementRow: StoredRecord, Hashable {
    public static let table = "assignments"
    public var assignmentID: Int64
    public var date: Day
    /// `proposed`, `approved`, `confirmed`, `completed` or `noShow` (declined and cancelled are not read).
    public var status: AssignmentStatus
    public var workerID: Int64
    public var category: WorkerCategory
    /// The worker's village as registered (`이월면 중산리`), when one was.
    public var village: String?
    public var homeLat: Double
    public var homeLon: Double
    public var requestID: Int64
    public var farmCode: String
    public var farmName: String
    public var task: String
    public var distanceKm: Double?
    /// The request's hours (start to end).
    public var hours: Double
    /// The worker's pool (`day`, `volunteer`, `seasonal`; `day` where the database has no pools yet).
    public var pool: String

    public init(
        assignmentID: Int64, date: Day, status: AssignmentStatus, workerID: Int64, category: WorkerCategory,
        village: String?, homeLat: Double, homeLon: Double, requestID: Int64, farmCode: String, farmName: String,
        task: String, distanceKm: Double?, hours: Double, pool: String
    ) {
        self.assignmentID = assignmentID
        self.date = date
        self.status = status
        self.workerID = workerID
        self.category = category
        self.village = village
        self.homeLat = homeLat
        self.homeLon = homeLon
        self.requestID = requestID
        self.farmCode = farmCode
        self.farmName = farmName
        self.task = task
        self.distanceKm = distanceKm
        self.hours = hours
        self.pool = pool
    }
}

/// One request (not cancelled) with the slots its approved roster filled: the demand side of a report.
public struct DemandRow: StoredRecord, Hashable {
    public static let table = "labor_requests"
    public var requestID: Int64
    public var date: Day
    public var farmCode: String
    public var farmName: String
    public var task: String
    public var headcount: Int
    /// Live assignments on an approved, sending or sent roster (no-shows included: the slot was filled).
    public var filled: Int
}

/// SQL for reports: reads only, one center, a closed range of dates.
public enum ReportStore {
    /// Roster states whose assignments count: the coordinator approved them.
    public static let countedRosterStates: [RosterState] = [.approved, .sending, .sent]

    /// The live assignments (not declined or cancelled) of the center's approved, sending or sent
    /// rosters from `from` to `to` inclusive, in date then assignment order.
    ///
    /// - Throws: `PostgresError`.
    public static func placements(center: Int64, from: Day, to: Day, on db: Connection) throws -> [PlacementRow] {
        // The pool column of version 2 (sql/017) may not be there yet.
        let pool: PostgresQuery = try TargetStore.hasWorkerPools(on: db) ? "w.pool::text" : "'day'::text"
        return try PlacementRow.fetchAll(
            db,
            """
            SELECT a.id AS assignment_id, a.work_date AS date, a.status, a.worker_id, w.category, w.village, w.home_lat, w.home_lon,
                   a.request_id, f.code AS farm_code, f.name AS farm_name,
                   ilson_task_name(lr.center_id, lr.task) AS task, a.distance_km,
                   (extract(epoch FROM lr.end_time - lr.start_time) / 3600.0)::float8 AS hours,
                   \(fragment: pool) AS pool
            FROM assignments a
            JOIN rosters r ON r.id = a.roster_id AND r.center_id = a.center_id
            JOIN workers w ON w.id = a.worker_id AND w.center_id = a.center_id
            JOIN labor_requests lr ON lr.id = a.request_id AND lr.center_id = a.center_id
            JOIN farms f ON f.id = lr.farm_id AND f.center_id = a.center_id
            WHERE a.center_id = \(center) AND a.work_date BETWEEN \(from) AND \(to)
              AND r.state = ANY(\(countedRosterStates.map(\.rawValue)))
              AND a.status NOT IN ('declined', 'cancelled')
            ORDER BY a.work_date, a.id
            """)
    }

    /// The center's requests (not cancelled) from `from` to `to` inclusive, each with the slots
    /// filled on an approved, sending or sent roster; in date then request order.
    ///
    /// - Throws: `PostgresError`.
    public static func demand(center: Int64, from: Day, to: Day, on db: Connection) throws -> [DemandRow] {
        try DemandRow.fetchAll(
            db,
            """
            SELECT lr.id AS request_id, lr.work_date AS date, f.code AS farm_code, f.name AS farm_name, ilson_task_name(lr.center_id, lr.task) AS task,
                   lr.headcount::bigint AS headcount,
                   (SELECT count(*) FROM assignments a
                    JOIN rosters r ON r.id = a.roster_id AND r.center_id = a.center_id
                    WHERE a.request_id = lr.id AND a.center_id = lr.center_id
                      AND r.state = ANY(\(countedRosterStates.map(\.rawValue)))
                      AND a.status NOT IN ('declined', 'cancelled')) AS filled
            FROM labor_requests lr
            JOIN farms f ON f.id = lr.farm_id AND f.center_id = lr.center_id
            WHERE lr.center_id = \(center) AND lr.work_date BETWEEN \(from) AND \(to)
              AND lr.status <> 'cancelled'
            ORDER BY lr.work_date, lr.id
            """)
    }
}
