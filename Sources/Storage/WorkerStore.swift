import Postgres
import Records
import Scheduling

extension WorkerRecord: StoredRecord {
    public static let table = "workers"
}

/// SQL for `workers`, `worker_skills` and `worker_allowed_farms`.
public enum WorkerStore {
    static let select: PostgresQuery = """
        SELECT w.id, w.center_id, w.name, w.phone, w.home_lat, w.home_lon, w.village, w.category, w.max_travel_km,
               w.max_days_per_week, w.sms_consent, w.active, w.pool, w.max_jobs_per_day, w.max_minutes_per_day,
               w.stay_until, w.visa_type, w.car,
               (SELECT p.name FROM pickup_points p WHERE p.id = w.pickup_point_id) AS pickup_point,
               ARRAY(SELECT s.code FROM worker_skills ws JOIN skills s ON s.id = ws.skill_id
                     WHERE ws.worker_id = w.id ORDER BY s.code) AS skills,
               CASE WHEN w.allowed_farms_only
                    THEN ARRAY(SELECT f.code FROM worker_allowed_farms a JOIN farms f ON f.id = a.farm_id
                               WHERE a.worker_id = w.id ORDER BY f.code) END AS allowed_farms
        FROM workers w
        """

    /// The worker of a center a person named by phone or id.
    public static func find(_ ref: PersonRef, center: Int64, on db: Connection) throws -> WorkerRecord? {
        try WorkerRecord.fetchOne(
            db, "\(fragment: select) WHERE w.center_id = \(center) AND \(fragment: ref.condition(alias: "w"))")
    }

    /// The workers of a center by name (active ones only unless `includeInactive`).
    public static func all(center: Int64, includeInactive: Bool = false, on db: Connection) throws -> [WorkerRecord] {
        try WorkerRecord.fetchAll(
            db,
            """
            \(fragment: select) WHERE w.center_id = \(center) AND (w.active OR \(includeInactive))
            ORDER BY w.name, w.id
            """)
    }

    /// Inserts a worker with skills and allowed farms; returns the id.
    ///
    /// - Throws: `PostgresError` (`workers_center_phone_key` when the phone exists, CHECKs).
    public static func insert(center: Int64, _ v: WorkerValues, on db: Connection) throws -> Int64 {
        let id: Int64 = try db.query(
            """
            INSERT INTO workers (center_id, name, phone, home_lat, home_lon, village, category, max_travel_km,
                                 max_days_per_week, sms_consent, allowed_farms_only, pool, max_jobs_per_day,
                                 max_minutes_per_day, stay_until, visa_type, car, pickup_point_id)
            VALUES (\(center), \(v.name), \(v.phone), \(v.homeLat), \(v.homeLon), \(v.village), \(v.category),
                    \(v.maxTravelKm), \(v.maxDaysPerWeek), \(v.smsConsent), \(v.allowedFarms != nil), \(v.pool),
                    \(v.maxJobsPerDay), \(v.maxMinutesPerDay), \(v.stayUntil), \(v.visaType), \(v.car),
                    (SELECT p.id FROM pickup_points p WHERE p.center_id = \(center) AND p.name = \(v.pickupPoint)))
            RETURNING id
            """)[0].decode("id")
        try setSkills(worker: id, center: center, v.skills, on: db)
        try setAllowedFarms(worker: id, center: center, v.allowedFarms ?? [], on: db)
        return id
    }

    /// Sets every column, the skills and the allowed farms of a worker to `v`.
    public static func update(id: Int64, center: Int64, _ v: WorkerValues, on db: Connection) throws {
        try db.query(
            """
            UPDATE workers SET name = \(v.name), phone = \(v.phone), home_lat = \(v.homeLat), home_lon = \(v.homeLon),
                   village = \(v.village), category = \(v.category), max_travel_km = \(v.maxTravelKm),
                   max_days_per_week = \(v.maxDaysPerWeek), sms_consent = \(v.smsConsent),
                   allowed_farms_only = \(v.allowedFarms != nil), pool = \(v.pool), max_jobs_per_day = \(v.maxJobsPerDay),
                   max_minutes_per_day = \(v.maxMinutesPerDay), stay_until = \(v.stayUntil), visa_type = \(v.visaType),
                   car = \(v.car),
                   pickup_point_id = (SELECT p.id FROM pickup_points p
                                      WHERE p.center_id = \(center) AND p.name = \(v.pickupPoint))
            WHERE id = \(id) AND center_id = \(center)
            """)
        try setSkills(worker: id, center: center, v.skills, on: db)
        try setAllowedFarms(worker: id, center: center, v.allowedFarms ?? [], on: db)
    }

    /// Activates or deactivates a worker.
    public static func setActive(id: Int64, _ active: Bool, on db: Connection) throws {
        try db.query("UPDATE workers SET active = \(active) WHERE id = \(id)")
    }

    /// Replaces a worker's skills (creating unknown skill codes in the center).
    static func setSkills(worker: Int64, center: Int64, _ codes: [String], on db: Connection) throws {
        try db.query("DELETE FROM worker_skills WHERE worker_id = \(worker)")
        guard !codes.isEmpty else { return }
        try SkillStore.ensure(codes, center: center, on: db)
        try db.query(
            """
            INSERT INTO worker_skills (center_id, worker_id, skill_id)
            SELECT \(center), \(worker), s.id FROM skills s WHERE s.center_id = \(center) AND s.code = ANY(\(codes))
            """)
    }

    /// Replaces a worker's allowed farms (codes of farms of the same center).
    static func setAllowedFarms(worker: Int64, center: Int64, _ codes: [String], on db: Connection) throws {
        try db.query("DELETE FROM worker_allowed_farms WHERE worker_id = \(worker)")
        guard !codes.isEmpty else { return }
        try db.query(
            """
            INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id)
            SELECT \(center), \(worker), f.id FROM farms f WHERE f.center_id = \(center) AND f.code = ANY(\(codes))
            """)
    }
}
