import Postgres
import Records
import Scheduling
import Vocabulary

/// One worker row of an import, decided by Operations: what to write and its audit JSON.
public struct WorkerImportRow: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable { case create, update, none }
    /// The existing worker's id (nil for a new one).
    public var workerID: Int64?
    public var change: Change
    /// The full values after the import.
    public var values: WorkerValues
    /// An availability range to add (when not recorded already).
    public var availableFrom: Day?
    public var availableTo: Day?
    /// Version 2: the window of each date of the range (`from < to`; `to` may be 24:00); nil for the whole day.
    public var windowFrom: TimeOfDay?
    public var windowTo: TimeOfDay?
    /// Audit JSON before and after.
    public var before: String?
    public var after: String?

    public init(
        workerID: Int64?, change: Change, values: WorkerValues, availableFrom: Day? = nil, availableTo: Day? = nil,
        before: String? = nil, after: String? = nil
    ) {
        self.workerID = workerID
        self.change = change
        self.values = values
        self.availableFrom = availableFrom
        self.availableTo = availableTo
        self.before = before
        self.after = after
    }
}

extension WorkerStore {
    /// Writes an import's workers in bulk: COPY into a temporary staging table, then set-based
    /// `INSERT … SELECT` / `UPDATE … FROM` into `workers`, their skills, allowed farms, availability and
    /// `audit_log` (row-level security refuses COPY straight into the tables). Call it inside a transaction.
    ///
    /// - Returns: how many availability ranges were added.
    /// - Throws: `PostgresError`.
    @discardableResult
    public static func importRows(_ rows: [WorkerImportRow], center: Int64, via: String, on db: Connection) throws
        -> Int
    {
        guard !rows.isEmpty else { return 0 }
        try db.query("DROP TABLE IF EXISTS pg_temp.worker_import_stage")
        try db.query(
            """
            CREATE TEMPORARY TABLE worker_import_stage (
                ord int, worker_id bigint, change text, name text, phone text, home_lat float8, home_lon float8,
                village text, category text, max_travel_km float8, max_days_per_week int, sms_consent bool,
                allowed_farms_only bool, skills text[], allowed_farms text[], available_from date, available_to date,
                before jsonb, after jsonb, pool text, max_jobs_per_day int, max_minutes_per_day int, stay_until date,
                visa_type text, car bool, pickup_point text, window_from time, window_to time
            ) ON COMMIT DROP
            """)
        let columns = [
            "ord", "worker_id", "change", "name", "phone", "home_lat", "home_lon", "village", "category",
            "max_travel_km",
            "max_days_per_week", "sms_consent", "allowed_farms_only", "skills", "allowed_farms", "available_from",
            "available_to", "before", "after", "pool", "max_jobs_per_day", "max_minutes_per_day", "stay_until",
            "visa_type", "car", "pickup_point", "window_from", "window_to",
        ]
        try db.copy(into: "worker_import_stage", columns: columns) { writer in
            for (ord, row) in rows.enumerated() {
                let v = row.values
                try writer.append([
                    .int(Int64(ord)), row.workerID.map(PGValue.int), .text(row.change.rawValue), .text(v.name),
                    .text(v.phone), .double(v.homeLat), .double(v.homeLon), v.village.map(PGValue.text),
                    .text(v.category.rawValue), .double(v.maxTravelKm), .int(Int64(v.maxDaysPerWeek)),
                    .bool(v.smsConsent),
                    .bool(v.allowedFarms != nil), .textArray(v.skills), .textArray(v.allowedFarms ?? []),
                    row.availableFrom?.pgValue, row.availableTo?.pgValue,
                    row.before.map(PGValue.text), row.after.map(PGValue.text),
                    .text(v.pool.rawValue), .int(Int64(v.maxJobsPerDay)), v.maxMinutesPerDay.map { .int(Int64($0)) },
                    v.stayUntil?.pgValue, v.visaType.map(PGValue.text), .bool(v.car), v.pickupPoint.map(PGValue.text),
                    row.windowFrom.map { .text($0.description) }, row.windowTo.map { .text($0.description) },
                ])
            }
        }
        try db.query(
            """
            UPDATE workers w SET name = s.name, phone = s.phone, home_lat = s.home_lat, home_lon = s.home_lon,
                   village = s.village, category = s.category, max_travel_km = s.max_travel_km,
                   max_days_per_week = s.max_days_per_week, sms_consent = s.sms_consent,
                   allowed_farms_only = s.allowed_farms_only, pool = s.pool, max_jobs_per_day = s.max_jobs_per_day,
                   max_minutes_per_day = s.max_minutes_per_day, stay_until = s.stay_until, visa_type = s.visa_type,
                   car = s.car, pickup_point_id = (SELECT p.id FROM pickup_points p
                                                   WHERE p.center_id = \(center) AND p.name = s.pickup_point)
            FROM worker_import_stage s WHERE s.change = 'update' AND w.id = s.worker_id AND w.center_id = \(center)
            """)
        try db.query(
            """
            WITH inserted AS (
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon, village, category, max_travel_km,
                                     max_days_per_week, sms_consent, allowed_farms_only, pool, max_jobs_per_day,
                                     max_minutes_per_day, stay_until, visa_type, car, pickup_point_id)
                SELECT \(center), name, phone, home_lat, home_lon, village, category, max_travel_km, max_days_per_week,
                       sms_consent, allowed_farms_only, pool, max_jobs_per_day, max_minutes_per_day, stay_until,
                       visa_type, car,
                       (SELECT p.id FROM pickup_points p WHERE p.center_id = \(center) AND p.name = pickup_point)
                FROM worker_import_stage WHERE change = 'create' ORDER BY ord
                RETURNING id, phone)
            UPDATE worker_import_stage s SET worker_id = i.id FROM inserted i WHERE s.change = 'create' AND s.phone = i.phone
            """)
        try db.query(
            """
            INSERT INTO skills (center_id, code)
            SELECT DISTINCT \(center), c FROM worker_import_stage, unnest(skills) AS c WHERE change <> 'none'
            ON CONFLICT (center_id, code) DO NOTHING
            """)
        // Skills and allowed farms: the workers' lists by code replace what an updated worker had.
        for (link, column, target, codes) in [
            ("worker_skills", "skill_id", "skills", "skills"),
            ("worker_allowed_farms", "farm_id", "farms", "allowed_farms"),
        ] {
            try db.query(
                """
                DELETE FROM \(identifier: link) l USING worker_import_stage s
                WHERE s.change = 'update' AND l.worker_id = s.worker_id
                """)
            try db.query(
                """
                INSERT INTO \(identifier: link) (center_id, worker_id, \(identifier: column))
                SELECT \(center), s.worker_id, t.id
                FROM worker_import_stage s CROSS JOIN LATERAL unnest(s.\(identifier: codes)) AS c
                JOIN \(identifier: target) t ON t.center_id = \(center) AND t.code = c
                WHERE s.change <> 'none'
                """)
        }
        try db.query(
            """
            INSERT INTO audit_log (center_id, via, entity, entity_id, action, before, after)
            SELECT \(center), \(via), 'worker', worker_id::text, change, before, after
            FROM worker_import_stage WHERE change <> 'none' ORDER BY ord
            """)
        return try db.query(
            """
            WITH added AS (
                INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to, from_time,
                                                 to_time)
                SELECT DISTINCT \(center), s.worker_id, 'available', s.available_from, s.available_to, s.window_from,
                       s.window_to
                FROM worker_import_stage s
                WHERE s.available_from IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM worker_availability a WHERE a.worker_id = s.worker_id AND a.kind = 'available'
                      AND a.available_from = s.available_from AND a.available_to IS NOT DISTINCT FROM s.available_to
                      AND a.from_time IS NOT DISTINCT FROM s.window_from AND a.to_time IS NOT DISTINCT FROM s.window_to)
                RETURNING *)
            INSERT INTO audit_log (center_id, via, entity, entity_id, action, after)
            SELECT \(center), \(via), 'worker_availability', added.id::text, 'create', to_jsonb(added) FROM added
            RETURNING 1
            """
        ).count
    }
}
