import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// Plans one center's day as a draft roster (the roster workflow's planner), in its own transaction.
public protocol DraftPlanner {
    /// Plans and stores the draft; returns a one-line summary for the log ("48 of 50 filled, score …").
    func planDraft(center: CenterRecord, date: Day, on db: Connection) throws -> String
}

/// What `batch plan` did for one center.
public struct CenterPlanReport: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case planned(summary: String)
        /// Another run holds the center's plan lock.
        case locked
        /// Another run planned the center's day after this run listed it (several processes share the work).
        case plannedByAnotherRun
        /// The planner failed for this center (the others went on).
        case failed(reason: String)
    }

    public var centerCode: String
    public var status: Status
}

/// `batch plan`: a draft roster for every center with requests on the day and no roster past draft.
public struct BatchPlan {
    public var date: Day
    public var planner: any DraftPlanner
    public var log: (String) -> Void

    /// Configures a run.
    public init(date: Day, planner: any DraftPlanner, log: @escaping (String) -> Void = { _ in }) {
        self.date = date
        self.planner = planner
        self.log = log
    }

    /// How long before a run starts its round begins, in seconds: a center another run planned (done) within it is
    /// left alone. Five minutes: the same cron on several machines fires within seconds of each other, and a planned
    /// day is re-planned on purpose with `roster plan`.
    public static let roundWindow = 300

    /// Plans every center that needs it; each center under its advisory lock, recorded in `batch_runs`.
    ///
    /// - Throws: `PostgresError` when the database fails (a planner's own error is reported per center).
    public func run(on db: Connection) throws -> [CenterPlanReport] {
        var reports: [CenterPlanReport] = []
        // Several processes (on several machines) may run at once against one database: each center is planned
        // by the first to take its lock, and a run that reaches a center another run planned since this round began
        // leaves it alone, so no center is planned twice and none is skipped. The round begins `roundWindow` seconds
        // before this run listed the centers: the same cron on several machines (or a process on a busy one) starts
        // a little late, after another run may already have planned the first centers.
        let listed = try BatchRunStore.databaseNow(minusSeconds: Self.roundWindow, on: db)
        for center in try BatchRosterStore.centersToPlan(date: date, on: db) {
            let planned = try BatchRunStore.withAdvisoryLock(job: .plan, date: date, center: center.id, on: db) {
                if try BatchRunStore.finishedSince(job: .plan, date: date, center: center.id, since: listed, on: db) {
                    log(T(.planByAnother, ["center": center.code]))
                    return CenterPlanReport(centerCode: center.code, status: .plannedByAnotherRun)
                }
                return try plan(center, on: db)
            }
            if let planned {
                reports.append(planned)
            } else {
                log(T(.planLocked, ["center": center.code, "date": date]))
                _ = try BatchRunStore.start(
                    job: .plan, date: date, center: center.id, outcome: .skipped,
                    message: "another run holds the lock", on: db)
                reports.append(CenterPlanReport(centerCode: center.code, status: .locked))
            }
        }
        return reports
    }

    /// One center's day, holding its lock: a draft roster, recorded in `batch_runs`.
    private func plan(_ center: CenterRecord, on db: Connection) throws -> CenterPlanReport {
        try BatchRunStore.closeAbandoned(job: .plan, date: date, center: center.id, on: db)
        let run = try BatchRunStore.start(job: .plan, date: date, center: center.id, on: db)
        do {
            let summary = try planner.planDraft(center: center, date: date, on: db)
            try BatchRunStore.finish(run: run, outcome: .done, countsJSON: "{}", message: summary, on: db)
            log(T(.planDraft, ["center": center.code, "date": date, "summary": summary]))
            return CenterPlanReport(centerCode: center.code, status: .planned(summary: summary))
        } catch let error as PostgresError where error.isConnectionFailure {
            throw error
        } catch {
            let reason = String(describing: error)
            try BatchRunStore.finish(run: run, outcome: .failed, countsJSON: "{}", message: reason, on: db)
            log(T(.planFailed, ["center": center.code, "reason": reason]))
            return CenterPlanReport(centerCode: center.code, status: .failed(reason: reason))
        }
    }
}
