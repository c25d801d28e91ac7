import Postgres
import Records
import Vocabulary

/// A stored assignment a current rule rejects (`ilson db check`): written behind ilson's back, or before the rule.
public struct RuleFinding: Sendable, Hashable, Decodable {
    public var centerCode: String
    public var assignmentID: Int64
    public var date: Day
    public var requestID: Int64
    public var farmName: String
    public var workerName: String
    /// Normalized digits; mask before printing.
    public var workerPhone: String
    /// `stay_until`, `allowed_farms`, `pools` or `jobs_per_day`.
    public var rule: String
    /// The worker's stay end, for `stay_until`.
    public var stayUntil: Day?
}

extension RuleFinding: StoredRecord {
    public static let table = "assignments"
}

/// Read-only queries that find stored rows the current rules reject.
public enum IntegrityStore {
    /// Live assignments (not declined or cancelled, on a roster not cancelled) that break a legal limit (the
    /// worker's stay end, allowed farms, the request's pools) or the worker's jobs a day; of one center, or of every
    /// center the caller may see when `center` is nil. By center, date, worker.
    public static func ruleFindings(center: Int64?, on db: Connection) throws -> [RuleFinding] {
        try RuleFinding.fetchAll(
            db,
            """
            WITH live AS (
                SELECT a.id, a.center_id, a.work_date, a.request_id, a.worker_id, lr.farm_id, lr.pools,
                       w.pool, w.stay_until, w.allowed_farms_only, w.max_jobs_per_day
                FROM assignments a
                JOIN rosters ro ON ro.id = a.roster_id AND ro.state <> 'cancelled'
                JOIN labor_requests lr ON lr.id = a.request_id
                JOIN workers w ON w.id = a.worker_id
                WHERE a.status NOT IN ('declined', 'cancelled')
                  AND (\(center)::bigint IS NULL OR a.center_id = \(center))
            ), found AS (
                SELECT id, 'stay_until' AS rule FROM live WHERE stay_until < work_date
                UNION ALL
                SELECT id, 'allowed_farms' FROM live l WHERE allowed_farms_only AND NOT EXISTS (
                    SELECT 1 FROM worker_allowed_farms af WHERE af.worker_id = l.worker_id AND af.farm_id = l.farm_id)
                UNION ALL
                SELECT id, 'pools' FROM live WHERE pools IS NOT NULL AND NOT pool = ANY (pools)
                UNION ALL
                SELECT id, 'jobs_per_day' FROM live l WHERE (
                    SELECT count(*) FROM live o WHERE o.worker_id = l.worker_id AND o.work_date = l.work_date
                ) > max_jobs_per_day
            )
            SELECT c.code AS center_code, l.id AS assignment_id, l.work_date AS date, l.request_id,
                   f.name AS farm_name, w.name AS worker_name, w.phone AS worker_phone, found.rule, l.stay_until
            FROM found JOIN live l ON l.id = found.id
            JOIN centers c ON c.id = l.center_id
            JOIN farms f ON f.id = l.farm_id
            JOIN workers w ON w.id = l.worker_id
            ORDER BY c.code, l.work_date, w.name, l.id, found.rule
            """)
    }
}
