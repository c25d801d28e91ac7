import Foundation
import Postgres
import Vocabulary

/// One audit row as `ilson audit show` reads it: who, when, by which command, why, and what it was about (the
/// worker, farm, request and day it concerns, resolved from its ids so nobody reads an internal id).
public struct AuditEntry: StoredRecord, Hashable {
    public static let table = "audit_log"
    public var id: Int64
    public var at: Date
    public var actor: String
    public var via: String
    public var entity: String
    public var action: String
    public var reason: String?
    /// The row before and after, as JSON text (masked by the database, sql/010).
    public var before: String?
    public var after: String?
    public var workerName: String?
    public var workerPhone: String?
    public var farmCode: String?
    public var farmName: String?
    public var task: String?
    /// The work day the change concerns (a request's or a roster's), if any.
    public var workDate: Day?
}

/// What `ilson audit show` asks for: any of a day, a worker, a farm (ids of the center).
public struct AuditFilter: Sendable, Hashable {
    /// Changes made on this day (Korean time) or concerning this work day.
    public var date: Day?
    public var worker: Int64?
    public var farm: Int64?
    public var limit: Int

    public init(date: Day? = nil, worker: Int64? = nil, farm: Int64? = nil, limit: Int = 500) {
        self.date = date
        self.worker = worker
        self.farm = farm
        self.limit = limit
    }
}

/// Reads `audit_log` for people. Row-level security (sql/008, sql/010) keeps a coordinator to their own center's
/// rows whatever is asked.
public enum AuditTrailStore {
    /// The center's audit rows matching the filter, oldest first, at most `filter.limit`.
    public static func entries(center: Int64, _ filter: AuditFilter, on db: Connection) throws -> [AuditEntry] {
        try AuditEntry.fetchAll(
            db,
            """
            WITH l AS (
                SELECT l.*, coalesce(l.after, l.before) AS j FROM audit_log l WHERE l.center_id = \(center)
            ), k AS (
                SELECT l.*,
                       CASE l.entity
                           WHEN 'worker' THEN l.entity_id
                           WHEN 'assignment' THEN coalesce(l.j ->> 'worker_id', l.j ->> 'worker',
                                                           nullif(split_part(l.entity_id, '/', 3), ''))
                           WHEN 'attendance' THEN (SELECT a.worker_id::text FROM assignments a
                                                   WHERE a.id::text = l.entity_id)
                       END AS worker_key,
                       CASE l.entity
                           WHEN 'labor_request' THEN l.entity_id
                           WHEN 'assignment' THEN coalesce(l.j ->> 'request_id', l.j ->> 'request',
                                                           nullif(split_part(l.entity_id, '/', 2), ''))
                           WHEN 'attendance' THEN (SELECT a.request_id::text FROM assignments a
                                                   WHERE a.id::text = l.entity_id)
                       END AS request_key
                FROM l
            ), e AS (
                SELECT k.*, r.task, coalesce(r.work_date, ro.work_date) AS work_date,
                       CASE WHEN k.entity = 'farm' THEN k.entity_id ELSE r.farm_id::text END AS farm_key
                FROM k
                LEFT JOIN labor_requests r ON r.id::text = k.request_key AND r.center_id = k.center_id
                LEFT JOIN rosters ro ON k.entity = 'roster' AND ro.id::text = k.entity_id AND ro.center_id = k.center_id
            )
            SELECT e.id, e.at, e.actor, e.via, e.entity, e.action, e.reason, e.before::text AS before,
                   e.after::text AS after, w.name AS worker_name, w.phone AS worker_phone, f.code AS farm_code,
                   f.name AS farm_name, e.task, e.work_date
            FROM e
            LEFT JOIN workers w ON w.id::text = e.worker_key AND w.center_id = e.center_id
            LEFT JOIN farms f ON f.id::text = e.farm_key AND f.center_id = e.center_id
            WHERE (\(filter.date)::date IS NULL OR e.work_date = \(filter.date)
                   OR (e.at AT TIME ZONE 'Asia/Seoul')::date = \(filter.date))
              AND (\(filter.worker)::bigint IS NULL OR e.worker_key = \(filter.worker)::text)
              AND (\(filter.farm)::bigint IS NULL OR e.farm_key = \(filter.farm)::text)
            ORDER BY e.at, e.id
            LIMIT \(filter.limit)
            """)
    }
}
