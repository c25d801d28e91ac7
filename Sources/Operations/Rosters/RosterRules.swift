import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// The checks every roster change makes, and the bookkeeping after it.
enum RosterRules {
    /// The message of a lost optimistic-locking race (exit 4).
    static var changedSinceLoaded: String { T(.errRosterChanged) }

    /// Refuses changes to a day before today.
    static func checkNotPast(_ date: Day, clock: IlsonClock, doing: String) throws(OperationError) {
        guard date >= clock.today else {
            throw .badInput(
                T(.errPastDay, ["date": RequestText.day(date), "today": RequestText.day(clock.today), "doing": doing]))
        }
    }

    /// A change of a draft roster, for the sentences that refuse it.
    enum DraftChange: Sendable, CaseIterable {
        case assign, unassign, replan, approve

        /// What the coordinator wanted to do, after "to": `assign a worker`.
        var infinitive: String {
            switch self {
            case .assign: T(.changeAssign)
            case .unassign: T(.changeUnassign)
            case .replan: T(.changeReplan)
            case .approve: T(.changeApprove)
            }
        }

        /// What to do instead once the roster's messages are out.
        var dayOfWay: String {
            switch self {
            case .assign: T(.dayOfAssign)
            case .unassign: T(.dayOfUnassign)
            case .replan: T(.dayOfReplan)
            case .approve: T(.dayOfApprove)
            }
        }
    }

    /// Refuses a change of a roster that is not a draft, or not at the version the coordinator saw. Every refusal
    /// is one sentence that says what to do instead.
    static func checkEditable(_ roster: RosterRecord, expectedVersion: Int?, doing: DraftChange) throws(OperationError)
    {
        if let expectedVersion, expectedVersion != roster.version {
            throw .conflict(T(.errRosterChangedVersion, ["seen": expectedVersion, "now": roster.version]))
        }
        if let refusal = refusal(roster.state, date: roster.date, doing: doing) { throw refusal }
    }

    /// The sentence refusing `doing` on a roster in `state`, nil when the state allows it (a draft).
    static func refusal(_ state: RosterState, date: Day, doing: DraftChange) -> OperationError? {
        switch state {
        case .draft:
            return nil
        case .approved:
            if doing == .approve { return .conflict(T(.errAlreadyApproved, ["date": RequestText.day(date)])) }
            return .conflict(
                T(.errApprovedReopen, ["date": RequestText.day(date), "change": doing.infinitive, "iso": date]))
        case .sending, .sent:
            return .conflict(
                T(
                    .errMessagesOut,
                    ["date": RequestText.day(date), "state": RequestText.state(state), "way": doing.dayOfWay]))
        case .cancelled:
            return .conflict(T(.errCancelledNoChange, ["date": RequestText.day(date)]))
        }
    }

    /// Takes the next version of the roster, or fails with the optimistic-locking conflict.
    static func claim(_ roster: RosterRecord, on db: Connection) throws -> Int {
        guard let version = try RosterStore.claim(roster: roster.id, version: roster.version, on: db) else {
            throw OperationError.conflict(changedSinceLoaded)
        }
        return version
    }

    /// Refuses to approve a roster whose refreshed outcome breaks a hard rule: a conflict in the words of `message`
    /// (`.errBreaksRules`; `.errBreaksRulesShort` for what was planned after the messages went out) with the count
    /// and the first five rules broken (by name in Korean, as the scorer describes them in English).
    static func checkNoViolations(_ report: ScoreReport, date: Day, message: TextKey) throws(OperationError) {
        guard !report.violations.isEmpty else { return }
        let list =
            Language.current == .ko
            ? report.violations.prefix(5).map { v in v.rule.map(RequestText.ruleName) ?? T(.reasonUnknown) }
            : report.violations.prefix(5).map(\.description)
        throw .conflict(
            T(
                message,
                [
                    "date": RequestText.day(date), "count": report.violations.count,
                    "list": list.joined(separator: "; "),
                ]))
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
        let previous = Dictionary(roster.unfilled.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        var unfilled: [StoredUnfilled] = []
        for r in day.instance.requests {
            let id = try day.ids.requests.id(r.id).rawValue
            let missing = r.headcount - count[id, default: 0]
            if missing > 0 {
                unfilled.append(
                    StoredUnfilled(
                        request: id, missing: missing,
                        reasons: previous[id]?.reasons ?? ["changed by hand since the last plan"],
                        details: previous[id].map(\.details) ?? [StoredReason(kind: StoredReason.changedByHand)]))
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
