import Foundation
import Postgres
import Scheduling
import Vocabulary

/// An unfilled request as a roster stores it (`rosters.unfilled`).
public struct StoredUnfilled: Sendable, Hashable, Codable {
    /// The request's database id.
    public var request: Int64
    public var missing: Int
    public var reasons: [String]
    public init(request: Int64, missing: Int, reasons: [String]) {
        self.request = request
        self.missing = missing
        self.reasons = reasons
    }
}

/// A warning as a roster stores it (`rosters.warnings`): a kept pin that breaks a rule, or a dropped pin.
public struct StoredWarning: Sendable, Hashable, Codable {
    public var request: Int64?
    public var worker: Int64?
    /// 1 to 4 for a pin kept against a rule; nil for a dropped pin.
    public var rule: Int?
    public var message: String
    public init(request: Int64?, worker: Int64?, rule: Int?, message: String) {
        self.request = request
        self.worker = worker
        self.rule = rule
        self.message = message
    }
}

/// One roster row: a center's day.
public struct RosterRecord: Sendable, Hashable {
    public var id: Int64
    public var centerID: Int64
    public var date: Day
    public var state: RosterState
    public var version: Int
    /// The score of the stored assignments (nil before the first plan).
    public var score: Score?
    /// The solver's numbers of the last plan, as JSON text.
    public var solverStats: String?
    public var unfilled: [StoredUnfilled]
    public var warnings: [StoredWarning]
    public var plannedAt: Date?
    public var approvedAt: Date?
    public var approvedBy: String?

    init(_ row: PostgresRow) throws {
        id = try row.decode("id")
        centerID = try row.decode("center_id")
        date = Day(try row.decode("work_date", as: PGDate.self))
        let stateText: String = try row.decode("state")
        state = RosterState(rawValue: stateText) ?? .cancelled
        version = try row.decode("version")
        if let hard = try row.decode("score_hard", as: Int?.self) {
            score = Score(
                hard: hard, medium: try row.decode("score_medium", as: Int?.self) ?? 0,
                soft: try row.decode("score_soft", as: Int?.self) ?? 0)
        }
        solverStats = try row.decode("solver_stats", as: String?.self)
        let decoder = JSONDecoder()
        unfilled = (try? decoder.decode([StoredUnfilled].self, from: Data(try row.decode("unfilled", as: String.self).utf8))) ?? []
        warnings = (try? decoder.decode([StoredWarning].self, from: Data(try row.decode("warnings", as: String.self).utf8))) ?? []
        plannedAt = try row.decode("planned_at", as: Date?.self)
        approvedAt = try row.decode("approved_at", as: Date?.self)
        approvedBy = try row.decode("approved_by", as: String?.self)
    }
}

/// SQL for `rosters`.
public enum RosterStore {
    static let columns = """
        id, center_id, work_date, state, version, score_hard, score_medium, score_soft, solver_stats::text AS solver_stats,
        unfilled::text AS unfilled, warnings::text AS warnings, planned_at, approved_at, approved_by
        """

    /// The roster of a center's day, if any.
    public static func find(center: Int64, date: Day, on db: Connection) throws -> RosterRecord? {
        try db.query(
            "SELECT \(unescaped: columns) FROM rosters WHERE center_id = \(center) AND work_date = \(date.pgDate)"
        ).first.map(RosterRecord.init)
    }

    /// The roster of a center's day, created as an empty draft (version 1) when there is none.
    ///
    /// - Returns: the roster and whether this call created it.
    public static func findOrCreate(center: Int64, date: Day, on db: Connection) throws -> (RosterRecord, created: Bool) {
        let inserted = try db.query(
            """
            INSERT INTO rosters (center_id, work_date) VALUES (\(center), \(date.pgDate))
            ON CONFLICT (center_id, work_date) DO NOTHING
            RETURNING \(unescaped: columns)
            """)
        if let row = inserted.first { return (try RosterRecord(row), true) }
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
            try db.query("UPDATE rosters SET state = \(state.rawValue), updated_at = now() WHERE id = \(id)")
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
