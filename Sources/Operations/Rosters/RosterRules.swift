import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

/// The checks every roster change makes, and the bookkeeping after it.
enum RosterRules {
    /// The message of a lost optimistic-locking race (exit 4).
    static let changedSinceLoaded = "roster changed since you loaded it; show it again"

    /// Refuses changes to a day before today.
    static func checkNotPast(_ date: Day, clock: IlsonClock, doing: String) throws(OperationError) {
        guard date >= clock.today else {
            throw .badInput(
                "\(date) is in the past (today is \(clock.today)): \(doing) is only for today and later days")
        }
    }

    /// Refuses a change of a roster that is not a draft, or not at the version the coordinator saw.
    static func checkEditable(_ roster: RosterRecord, expectedVersion: Int?, doing: String) throws(OperationError) {
        if let expectedVersion, expectedVersion != roster.version {
            throw .conflict(
                "\(changedSinceLoaded) (you saw version \(expectedVersion), it is now at version \(roster.version))")
        }
        switch roster.state {
        case .draft: return
        case .approved:
            throw .conflict(
                "the roster of \(roster.date) is approved: reopen it first (`ilson roster reopen --date \(roster.date)`) to \(doing)"
            )
        case .sending, .sent:
            throw .conflict(
                "the roster of \(roster.date) is \(roster.state.rawValue): its messages are out, it can no longer be changed by \(doing)"
            )
        case .cancelled:
            throw .conflict("the roster of \(roster.date) was cancelled")
        }
    }

    /// Takes the next version of the roster, or fails with the optimistic-locking conflict.
    static func claim(_ roster: RosterRecord, on db: Connection) throws -> Int {
        guard let version = try RosterStore.claim(roster: roster.id, version: roster.version, on: db) else {
            throw OperationError.conflict(changedSinceLoaded)
        }
        return version
    }

    /// Recomputes the stored score, unfilled counts and warnings of a roster from its live assignments,
    /// after a change by hand; keeps the solver's reasons for requests still unfilled.
    @discardableResult
    static func refreshOutcome(roster: RosterRecord, center: CenterRecord, on db: Connection) throws -> ScoreReport {
        let day = try PlanningDay.load(center: center, date: roster.date, on: db)
        let live = try AssignmentStore.live(roster: roster.id, on: db)
        let report = score(day.instance, assignments: try day.pairs(live))
        var count: [Int64: Int] = [:]
        for a in live { count[a.requestID, default: 0] += 1 }
        let previous = Dictionary(roster.unfilled.map { ($0.request, $0.reasons) }, uniquingKeysWith: { a, _ in a })
        var unfilled: [StoredUnfilled] = []
        for r in day.instance.requests {
            let id = try day.ids.requests.id(r.id).rawValue
            let missing = r.headcount - count[id, default: 0]
            if missing > 0 {
                unfilled.append(
                    StoredUnfilled(
                        request: id, missing: missing, reasons: previous[id] ?? ["changed by hand since the last plan"])
                )
            }
        }
        var warnings = try report.warnings.map { try storedWarning($0, ids: day.ids) }
        warnings += try report.violations.map {
            StoredWarning(
                request: try $0.request.map { try day.ids.requests.id($0).rawValue },
                worker: try $0.worker.map { try day.ids.workers.id($0).rawValue }, rule: $0.rule,
                message: "breaks " + $0.description)
        }
        try RosterStore.saveOutcome(
            roster: roster.id, score: report.score, unfilled: unfilled, warnings: warnings, on: db)
        return report
    }

    /// A pin's warning as stored, by database ids.
    static func storedWarning(_ w: PinWarning, ids: DayIDs) throws(UnknownDayID) -> StoredWarning {
        StoredWarning(
            request: try ids.requests.id(w.request).rawValue, worker: try ids.workers.id(w.worker).rawValue,
            rule: w.rule, message: w.message)
    }
}

/// JSON texts for the audit log.
enum AuditJSON {
    /// A JSON object from keys and plain values (String, Int, Int64, Double, Bool, arrays of them, nil).
    static func object(_ fields: KeyValuePairs<String, Any?>) -> String {
        var dict: [String: Any] = [:]
        for (k, v) in fields { dict[k] = v ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: dict, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
