import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What `roster plan` did for one center's day.
public struct RosterPlanSummary: Sendable, Hashable {
    public var center: String
    public var date: Day
    public var rosterID: Int64
    /// The roster's version after the plan.
    public var version: Int
    /// Whether this plan created the roster.
    public var created: Bool
    /// The roster's state: `draft`, or `sending` / `sent` when it was re-planned around what was announced.
    public var state: RosterState
    /// On a sending or sent roster: the new assignments, proposed until `roster approve` announces them.
    public var proposedNew: Int
    /// Submitted requests of the day, and the workers they want in all.
    public var requests: Int
    public var wanted: Int
    /// Assignments stored (pins included), and requests that got their full headcount.
    public var filled: Int
    public var requestsFull: Int
    /// Requests with fewer workers than they want.
    public var unfilled: Int
    public var pinsKept: Int
    /// Pins that could not be kept, each with why.
    public var droppedPins: [String]
    /// Pins kept although they break rule 1-4.
    public var warnings: [String]
    public var score: Score
    /// The score stored before this plan (nil for a first plan).
    public var previousScore: Score?
    public var workers: Int
    public var candidatePairs: Int
    /// Database load, solve, and database save, in milliseconds; `totalMillis` is the whole transaction.
    public var loadMillis: Int
    public var solveMillis: Int
    public var saveMillis: Int
    public var totalMillis: Int
}

/// Plans a center's day: load from PostgreSQL → `solve` keeping every pin → store a draft roster.
public enum RosterPlanner {
    /// Plans (or re-plans) the draft roster of a center's day, in one transaction.
    ///
    /// Every pinned assignment is kept (a pin that can no longer hold is dropped with a warning); the unpinned
    /// part is replaced by the solver's plan; the score, solver numbers, unfilled requests with their reasons
    /// and warnings are stored; the version goes up by one; one `audit_log` row records it.
    ///
    /// - Parameters:
    ///   - center: the center (see `Centers.resolve`).
    ///   - date: the day; today or later.
    ///   - db: the connection, not inside a transaction of the caller's (or inside one: a savepoint is used).
    ///   - clock: "today".
    ///   - options: the solver's options.
    ///   - expectedVersion: the version the coordinator saw; nil for the current one.
    ///   - via: the command, for the audit log (`roster plan`, `batch plan`).
    /// - Returns: what was planned.
    /// - Throws: `OperationError.badInput` for a past date; `.conflict` when the roster is approved, being sent,
    ///   cancelled, or changed since it was loaded; `PostgresError`.
    public static func plan(
        center: CenterRecord, date: Day, on db: Connection, clock: IlsonClock, options: SolveOptions = SolveOptions(),
        expectedVersion: Int? = nil, via: String = "roster plan"
    ) throws -> RosterPlanSummary {
        try RosterRules.checkNotPast(date, clock: clock, doing: T(.doingPlanning))
        let started = Date()
        return try db.transaction { db in
            let (roster, created) = try RosterStore.findOrCreate(center: center.id, date: date, on: db)
            // A roster whose messages are out is re-planned around everything announced (see `DayOfReplan`).
            let announced = roster.state == .sending || roster.state == .sent
            if announced {
                _ = try DayOfReplan.prepare(roster, expectedVersion: expectedVersion, on: db)
            } else {
                try RosterRules.checkEditable(roster, expectedVersion: expectedVersion, doing: .replan)
            }
            let before = try RosterStore.snapshot(roster: roster.id, on: db)

            let day = try PlanningDay.load(center: center, date: date, on: db)
            if announced { try DayOfReplan.checkNoneDropped(day, date: date) }
            let loaded = Date()
            let plan = solve(day.instance, options: options)
            let solved = Date()

            let version = try RosterRules.claim(roster, on: db)
            try AssignmentStore.deleteUnpinned(roster: roster.id, on: db)
            try AssignmentStore.delete(ids: day.droppedPins.map(\.pin.assignmentID.rawValue), on: db)
            let pinned = Set(day.instance.pinned)
            let farms = Dictionary(uniqueKeysWithValues: day.instance.farms.map { ($0.id, $0.location) })
            let workers = Dictionary(uniqueKeysWithValues: day.instance.workers.map { ($0.id, $0.home) })
            let requestFarm = Dictionary(uniqueKeysWithValues: day.instance.requests.map { ($0.id, $0.farm) })
            var rows: [NewAssignment] = []
            for pair in plan.assignments where !pinned.contains(pair) {
                // The solver assigns only the instance's workers to its requests.
                guard let home = workers[pair.worker], let farm = requestFarm[pair.request].flatMap({ farms[$0] })
                else { throw UnknownDayID(kind: "assignment", id: "\(pair.request)/\(pair.worker)") }
                let (r, w) = try day.ids.ids(of: pair)
                rows.append(
                    NewAssignment(requestID: r.rawValue, workerID: w.rawValue, distanceKm: Distance.km(home, farm)))
            }
            try AssignmentStore.insert(rows, roster: roster.id, center: center.id, date: date, on: db)

            let unfilled = try plan.unfilled.map { u in
                StoredUnfilled(
                    request: try day.ids.requests.id(u.request).rawValue, missing: u.missing, reasons: u.reasons,
                    details: try u.details.map { try StoredReason($0) { try day.ids.requests.id($0).rawValue } })
            }
            var warnings = try plan.warnings.map { try RosterRules.storedWarning($0, ids: day.ids) }
            warnings += day.droppedPins.map {
                StoredWarning(
                    request: $0.pin.requestID.rawValue, worker: $0.pin.workerID.rawValue, rule: nil, message: $0.reason)
            }
            let stats = AuditJSON.object([
                "solveMillis": plan.stats.solveMillis, "candidatePairs": plan.stats.candidatePairs,
                "loadMillis": Int(loaded.timeIntervalSince(started) * 1000), "workers": day.instance.workers.count,
                "requests": day.instance.requests.count, "seed": Int(options.seed),
            ])
            try RosterStore.saveOutcome(
                roster: roster.id, score: plan.score, unfilled: unfilled, warnings: warnings, solverStats: stats, on: db
            )
            try AuditLog.record(
                on: db, center: center.id, via: via, entity: "roster", id: String(roster.id),
                action: created ? .create : .update, before: created ? nil : before,
                after: try RosterStore.snapshot(roster: roster.id, on: db))
            let saved = Date()

            let full = day.instance.requests.filter { r in
                plan.assignments.filter { $0.request == r.id }.count >= r.headcount
            }.count
            return RosterPlanSummary(
                center: center.code, date: date, rosterID: roster.id, version: version, created: created,
                state: roster.state, proposedNew: announced ? rows.count : 0,
                requests: day.instance.requests.count, wanted: day.instance.requests.reduce(0) { $0 + $1.headcount },
                filled: plan.assignments.count, requestsFull: full, unfilled: plan.unfilled.count,
                pinsKept: day.keptPins.count, droppedPins: day.droppedPins.map(\.reason),
                warnings: try plan.warnings.map {
                    T(
                        .planWarning,
                        [
                            "request": RequestText.number(try day.ids.requests.id($0.request).rawValue),
                            "who": day.worker($0.worker).map(RosterText.person) ?? T(.unknownWorker),
                            "rule": $0.rule, "message": RequestText.ruleName($0.rule),
                        ])
                },
                score: plan.score, previousScore: roster.score, workers: day.instance.workers.count,
                candidatePairs: plan.stats.candidatePairs,
                loadMillis: Int(loaded.timeIntervalSince(started) * 1000),
                solveMillis: Int(solved.timeIntervalSince(loaded) * 1000),
                saveMillis: Int(saved.timeIntervalSince(solved) * 1000),
                totalMillis: Int(saved.timeIntervalSince(started) * 1000))
        }
    }
}
