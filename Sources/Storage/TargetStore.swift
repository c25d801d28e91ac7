import Postgres
import Records
import Vocabulary

extension YearlyTarget: StoredRecord {
    public static let table = "yearly_targets"
}

/// One worker's day on an approved, sending or sent roster: a person counts once per day however many jobs
/// (연인원), with the hours of all their jobs that day.
public struct PersonDayRow: StoredRecord, Hashable {
    public static let table = "assignments"
    public var date: Day
    public var workerID: Int64
    public var category: WorkerCategory
    public var pool: String
    /// Any of the day's jobs recorded as attended (`completed`).
    public var attended: Bool
    /// Every job of the day recorded as a no-show.
    public var noShow: Bool
    /// The hours of the day's jobs (request start to end), no-shows aside.
    public var hours: Double

    public init(
        date: Day, workerID: Int64, category: WorkerCategory, pool: String, attended: Bool, noShow: Bool,
        hours: Double
    ) {
        self.date = date
        self.workerID = workerID
        self.category = category
        self.pool = pool
        self.attended = attended
        self.noShow = noShow
        self.hours = hours
    }
}

/// SQL for `yearly_targets` and the worker-days they are compared with.
public enum TargetStore {
    /// Sets (inserts or replaces) a target.
    public static func save(center: Int64, year: Int, category: String, pool: String, days: Int, on db: Connection)
        throws
    {
        try db.query(
            """
            INSERT INTO yearly_targets (center_id, year, category, pool, days)
            VALUES (\(center), \(year), \(category), \(pool), \(days))
            ON CONFLICT (center_id, year, category, pool) DO UPDATE SET
                days = EXCLUDED.days, updated_at = now(), updated_by = session_user
            """)
    }

    /// The center's targets of a year (every year when nil), by year, category and pool.
    public static func list(center: Int64, year: Int?, on db: Connection) throws -> [YearlyTarget] {
        try YearlyTarget.fetchAll(
            db,
            """
            SELECT year::int AS year, category, pool, days, updated_by FROM yearly_targets
            WHERE center_id = \(center) AND (\(year)::int IS NULL OR year = \(year))
            ORDER BY year, category, pool
            """)
    }

    /// Whether the database has the workers' pool column of version 2 (sql/017, another branch): without it,
    /// every worker is in the `day` pool.
    public static func hasWorkerPools(on db: Connection) throws -> Bool {
        try db.fetchValue(
            """
            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = current_schema() AND table_name = 'workers' AND column_name = 'pool')
            """, as: Bool.self) ?? false
    }

    /// The workers' pools by id (all `day` when the database has no pools yet).
    public static func workerPools(center: Int64, on db: Connection) throws -> [Int64: String] {
        guard try hasWorkerPools(on: db) else { return [:] }
        var pools: [Int64: String] = [:]
        for row in try db.query("SELECT id, pool::text AS pool FROM workers WHERE center_id = \(center)") {
            pools[try row.decode("id", as: Int64.self)] = try row.decode("pool", as: String.self)
        }
        return pools
    }

    /// The worker-days of the center's approved, sending and sent rosters from `from` to `to`: one row per worker
    /// and day (declined and cancelled assignments are not read).
    public static func workerDays(center: Int64, from: Day, to: Day, on db: Connection) throws -> [PersonDayRow] {
        let pools = try workerPools(center: center, on: db)
        let rows = try db.query(
            """
            SELECT a.work_date AS date, a.worker_id, w.category,
                   bool_or(a.status = 'completed') AS attended, bool_and(a.status = 'no_show') AS no_show,
                   coalesce(sum(extract(epoch FROM lr.end_time - lr.start_time) / 3600.0)
                            FILTER (WHERE a.status <> 'no_show'), 0)::float8 AS hours
            FROM assignments a
            JOIN rosters r ON r.id = a.roster_id AND r.center_id = a.center_id
            JOIN workers w ON w.id = a.worker_id AND w.center_id = a.center_id
            JOIN labor_requests lr ON lr.id = a.request_id AND lr.center_id = a.center_id
            WHERE a.center_id = \(center) AND a.work_date BETWEEN \(from) AND \(to)
              AND r.state = ANY(\(ReportStore.countedRosterStates.map(\.rawValue)))
              AND a.status NOT IN ('declined', 'cancelled')
            GROUP BY a.work_date, a.worker_id, w.category
            ORDER BY a.work_date, a.worker_id
            """)
        return try rows.map { row in
            let id = try row.decode("worker_id", as: Int64.self)
            return PersonDayRow(
                date: try row.decode("date"), workerID: id, category: try row.status("category", table: "workers"),
                pool: pools[id] ?? "day", attended: try row.decode("attended"), noShow: try row.decode("no_show"),
                hours: try row.decode("hours"))
        }
    }
}
