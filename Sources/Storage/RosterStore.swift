import Foundation
import Postgres
import Records
import Scheduling
import Vocabulary

extension RosterRecord: StoredRecord {
    public static let table = "rosters"
}

/// SQL for `rosters`.
public enum RosterStore {
    static let columns = """
        id, center_id, work_date AS date, state, version, score_hard, score_medium, score_soft, solver_stats::text AS solver_stats,
        unfilled::text AS unfilled, warnings::text AS warnings, planned_at, approved_at, approved_by
        """

    /// The roster of a center's day, if any.
    public static func find(center: Int64, date: Day, on db: Connection) throws -> RosterRecord? {
        try RosterRecord.fetchOne(
            db, "SELECT \(unescaped: columns) FROM rosters WHERE center_id = \(center) AND work_date = \(date)")
    }

    /// The roster of a center's day, created as an empty draft (version 1) when there is none.
    ///
    /// - Returns: the roster and whether this call created it.
    public static func findOrCreate(center: Int64, date: Day, on db: Connection) throws -> (RosterRecord, created: Bool)
    {
        let inserted = try db.query(
            """
            INSERT INTO rosters (center_id, work_date) VALUES (\(center), \(date))
            ON CONFLICT (center_id, work_date) DO NOTHING
            RETURNING \(unescaped: columns)
            """)
        if let row = inserted.first { return (try RosterRecord(row: row), true) }
        guard let roster = try find(center: center, date: date, on: db) else {
            throw PostgresError(kind: .client, message: "the roster vanished while it was being created")
        }
        return (roster, false)
    }

    /// Moves the roster from `version` to `version + 1`, only if it is still at `version`
    /// (optimistic locking): the row stays locked until the transaction ends.
    ///
    /// - Returns: the new version, or nil when someone else changed the roster since `version` was read.
    public static func claim(roster id: Int64, version: Int, on db: Connection) throws -> Int? {
        try db.query(
            """
            UPDATE rosters SET version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(version)
            RETURNING version
            """
        ).first.map { try $0.decode("version", as: Int.self) }
    }

    /// Stores the score, unfilled requests and warnings of the roster's assignments;
    /// with `solverStats`, also the plan's numbers and `planned_at`.
    public static func saveOutcome(
        roster id: Int64, score: Score, unfilled: [StoredUnfilled], warnings: [StoredWarning],
        solverStats: String? = nil, on db: Connection
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let unfilledJSON = String(decoding: try encoder.encode(unfilled), as: UTF8.self)
        let warningsJSON = String(decoding: try encoder.encode(warnings), as: UTF8.self)
        try db.query(
            """
            UPDATE rosters SET score_hard = \(score.hard), score_medium = \(score.medium), score_soft = \(score.soft),
                   unfilled = \(unfilledJSON)::jsonb, warnings = \(warningsJSON)::jsonb,
                   solver_stats = COALESCE(\(solverStats)::jsonb, solver_stats),
                   planned_at = CASE WHEN \(solverStats)::text IS NULL THEN planned_at ELSE now() END,
                   updated_at = now()
            WHERE id = \(id)
            """)
    }

    /// Sets the roster's state; `approved` records when and by whom (the database login).
    public static func setState(roster id: Int64, to state: RosterState, on db: Connection) throws {
        switch state {
        case .approved:
            try db.query(
                """
                UPDATE rosters SET state = 'approved', approved_at = now(), approved_by = session_user, updated_at = now()
                WHERE id = \(id)
                """)
        case .draft:
            try db.query(
                """
                UPDATE rosters SET state = 'draft', approved_at = NULL, approved_by = NULL, updated_at = now()
                WHERE id = \(id)
                """)
        default:
            try db.query("UPDATE rosters SET state = \(state), updated_at = now() WHERE id = \(id)")
        }
    }

    /// The roster as JSON text (for the audit log).
    public static func snapshot(roster id: Int64, on db: Connection) throws -> String? {
        try db.query(
            """
            SELECT json_build_object('id', id, 'work_date', work_date, 'state', state, 'version', version,
                   'score', json_build_array(score_hard, score_medium, score_soft),
                   'assignments', (SELECT count(*) FROM assignments a WHERE a.roster_id = r.id
                                     AND a.status NOT IN ('declined', 'cancelled')))::text AS j
            FROM rosters r WHERE id = \(id)
            """
        ).first?.decode("j", as: String?.self)
    }
}
