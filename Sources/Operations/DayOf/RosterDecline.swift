import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What `roster decline` did, and who could fill the gap.
public struct DeclineOutcome: Sendable {
    public var report: DayOfReport
    /// The request the worker left, now short.
    public var requestID: Int64
    public var assigned: Int
    public var headcount: Int
    /// `roster suggest` for that request, best first.
    public var suggestions: [RosterSuggestion]
}

/// `roster decline` and `roster replace`: a worker cannot come.
public enum RosterDecline {
    /// The worker's assignment of the day becomes `declined` (with the reason). When the roster's messages are
    /// out, their undelivered notice is withdrawn, or, when they were told already, one cancellation notice is
    /// queued; the farmer's list is sent again as it now stands (a `change`). One transaction; audit rows.
    /// Afterwards, the ranked replacements of `roster suggest` for the request left short.
    ///
    /// - Throws: `.badInput` for a past day or an unknown worker; `.notFound` when the worker is not on the day's
    ///   roster; `.conflict` for a cancelled roster or a stale version.
    public static func decline(
        center: CenterRecord, date: Day, worker ref: PersonRef, request: Int64? = nil, reason: String?,
        expectedVersion: Int? = nil, suggestions limit: Int = 5, suggestFreeOnly: Bool = false,
        via: String = "roster decline", on db: Connection,
        clock: IlsonClock
    ) throws -> DeclineOutcome {
        try RosterRules.checkNotPast(date, clock: clock, doing: T(.doingDeclining))
        let reason = try RegistryInput.text(reason, TextLimits.reason, option: "--reason")
        let (report, requestID) = try db.transaction { tx -> (DayOfReport, Int64) in
            var change = try DayOfChange(center: center, date: date, expectedVersion: expectedVersion, on: tx)
            change.via = via
            let worker = try RosterEditor.checkWorker(ref, center: center, on: tx)
            guard let a = try change.live(worker: worker.id, request: request) else {
                let who = RosterText.person(name: worker.name, phone: worker.phone)
                if try ReplyStore.declinedAssignment(worker: worker.id, roster: change.roster.id, on: tx) != nil {
                    throw OperationError.notFound(
                        T(
                            .errAlreadyDeclined,
                            ["who": who, "date": RequestText.day(date), "iso": date, "worker": worker.id]))
                }
                throw OperationError.notFound(T(.errNoAssignment, ["who": who, "date": RequestText.day(date)]))
            }
            try change.release(a, status: .declined, reason: reason)
            change.report.lines.append(
                T(
                    .dayDeclined,
                    [
                        "who": RosterText.person(name: a.workerName, phone: a.workerPhone),
                        "request": RequestText.number(a.requestId), "farm": a.farmName, "start": a.start,
                        "reason": reason.map { " (\($0))" } ?? "",
                    ]))
            return (try change.finish(), a.requestId)
        }
        let s = try RosterSuggest.suggest(
            center: center, date: date, request: requestID, limit: limit, freeOnly: suggestFreeOnly, on: db)
        return DeclineOutcome(
            report: report, requestID: requestID, assigned: s.assigned, headcount: s.headcount,
            suggestions: s.suggestions)
    }

    /// Replaces a worker by another in one transaction: `worker` declines (as `decline`), `replacement` is
    /// pinned on the same request; when the roster's messages are out, the replacement's notice and the
    /// farmer's updated list (one `change`) are queued. With `best`, the replacement is the top suggestion
    /// among the workers free that day.
    ///
    /// Refused, with nothing changed, when the replacement is already placed that day, declined that day,
    /// breaks rule 8 (the weekly cap), or breaks one of rules 1-4 without `force` (a forced pin is recorded
    /// with its warnings).
    ///
    /// - Throws: `OperationError` (`.badInput`, `.notFound`, `.conflict`), `PostgresError`.
    /// A worker who already declined (`roster decline`, or by SMS) can be replaced afterwards the same way: their
    /// request gets the replacement, and nothing is released twice.
    public static func replace(
        center: CenterRecord, date: Day, worker ref: PersonRef, request onRequest: Int64? = nil,
        with replacementRef: PersonRef?, best: Bool = false,
        force: Bool = false, reason: String? = nil, expectedVersion: Int? = nil, via: String = "roster replace",
        on db: Connection, clock: IlsonClock
    ) throws -> DayOfReport {
        try RosterRules.checkNotPast(date, clock: clock, doing: T(.doingReplacing))
        guard (replacementRef != nil) != best else {
            throw OperationError.badInput(T(.errWithOrBest))
        }
        let reason = try RegistryInput.text(reason, TextLimits.reason, option: "--reason")
        return try db.transaction { tx in
            var change = try DayOfChange(center: center, date: date, expectedVersion: expectedVersion, on: tx)
            change.via = via
            let worker = try RosterEditor.checkWorker(ref, center: center, on: tx)
            let live = try change.live(worker: worker.id, request: onRequest)
            let requestId: Int64
            if let live {
                requestId = live.requestId
            } else if let declined = try ReplyStore.declinedAssignment(
                worker: worker.id, roster: change.roster.id, on: tx),
                let request = try ReplyStore.request(ofAssignment: declined, on: tx)
            {
                requestId = request  // declined already: fill the gap they left
            } else {
                throw OperationError.notFound(
                    T(
                        .errNobodyToReplace,
                        [
                            "who": RosterText.person(name: worker.name, phone: worker.phone),
                            "date": RequestText.day(date),
                        ]))
            }
            // The replacement, checked before anything changes.
            var newRow: WorkerRow
            if let replacementRef {
                newRow = try RosterEditor.checkWorker(replacementRef, center: center, on: tx)
            } else {
                newRow = try bestFree(change: change, request: requestId, leaving: live, on: tx)
            }
            let who = RosterText.person(name: newRow.name, phone: newRow.phone)
            guard newRow.id != worker.id else {
                throw OperationError.badInput(T(.errReplaceSelf, ["who": who]))
            }
            guard newRow.active else { throw OperationError.badInput(T(.errWorkerInactive, ["who": who])) }
            let admitted = try DayOfAdmission(
                newRow, who: who, request: requestId, center: center, date: date, force: force, act: .replacement,
                alreadyOn: T(.errAlreadyOnChoose, ["who": who, "request": RequestText.number(requestId)]), on: tx)
            let (pin, farm) = (admitted.pin, admitted.farm)

            if let a = live {
                try change.release(a, status: .declined, reason: reason ?? T(.lineReplacedBy, ["who": newRow.name]))
                change.report.lines.append(
                    T(
                        .dayDeclined,
                        [
                            "who": RosterText.person(name: a.workerName, phone: a.workerPhone),
                            "request": RequestText.number(a.requestId), "farm": a.farmName, "start": a.start,
                            "reason": reason.map { " (\($0))" } ?? "",
                        ]))
            }
            let inserted = try admitted.write(
                worker: newRow.id, request: requestId, in: change, approved: change.roster.state != .draft, via: via,
                reason: nil, vanished: T(.errReplacementVanished))
            let pinned = StoredText(
                .linePinnedFarm,
                [
                    "who": who, "request": RequestText.number(requestId), "farm": farm.name ?? "",
                    "km": RosterText.km(pin.distanceKm),
                ])
            change.report.lines.append(pinned.text)
            change.report.pinned = pinned.text
            change.report.pinnedText = pinned
            change.report.warnings = pin.warnings
            try change.announce(assignment: inserted)
            change.changed(request: requestId)
            return try change.finish()
        }
    }

    /// The top suggestion for a request among the workers free that day (not placed anywhere, not declined),
    /// computed as if the leaving worker had already gone.
    private static func bestFree(
        change: DayOfChange, request: Int64, leaving leavingAssignment: AssignmentForMessage?, on tx: Connection
    ) throws -> WorkerRow {
        do {
            // In a savepoint: take the leaving worker off, ask `roster suggest`, and roll the savepoint back
            // (the pick leaves it as an error, so nothing of the trial stays).
            try tx.transaction { sp in
                if let leavingAssignment {
                    try DayOfStore.setStatus(
                        assignment: leavingAssignment.assignmentId, to: .declined, reason: nil, on: sp)
                }
                let s = try RosterSuggest.suggest(
                    center: change.center, date: change.date, request: request, limit: 50, freeOnly: true, on: sp)
                for candidate in s.suggestions {
                    if try AssignmentStore.live(worker: candidate.workerID, date: change.date, on: sp) != nil {
                        continue
                    }
                    if let row = try AssignmentStore.worker(.id(candidate.workerID), center: change.center.id, on: sp) {
                        throw BestPick(worker: row)
                    }
                }
                throw BestPick(worker: nil)
            }
        } catch let pick as BestPick {
            if let worker = pick.worker { return worker }
        }
        throw OperationError.notFound(
            T(.errNobodyFree, ["date": RequestText.day(change.date), "request": RequestText.number(request)]))
    }

    static func trimmed(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Carries the pick out of the savepoint that is rolled back.
private struct BestPick: Error {
    var worker: WorkerRow?
}
