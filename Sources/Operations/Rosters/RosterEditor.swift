import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What a change by hand did to a roster.
public struct RosterEditOutcome: Sendable, Hashable {
    public var rosterID: Int64
    /// The roster's version after the change (unchanged when nothing changed).
    public var version: Int
    /// What was done, one line each, e.g. `pinned 김영숙 010-****-5678 on r12`.
    public var lines: [String]
    /// Rules a forced pin breaks.
    public var warnings: [String]
    /// The roster's score after the change.
    public var score: Score
}

/// `roster assign` and `roster unassign`: pins and remembered removals by a coordinator.
public enum RosterEditor {
    /// Pins a worker to a request of the day's draft roster.
    ///
    /// An assignment made by hand is pinned: re-planning keeps it. A pair that breaks one of rules 1-4 needs
    /// `force` (and is recorded with its warnings); one that would break rule 5 (the worker is pinned to another
    /// request that day), 6 (the request already has its headcount pinned) or 8 (the weekly cap) is refused.
    /// The worker's unpinned proposal elsewhere that day is moved; when the request is full of proposals,
    /// the farthest proposal makes room.
    ///
    /// `reason` (`--reason`) is kept in the audit row; a forced pin needs one.
    ///
    /// - Throws: `OperationError` (`.notFound`, `.badInput`, `.conflict`), `PostgresError`.
    public static func assign(
        center: CenterRecord, date: Day, request requestID: Int64, worker ref: PersonRef, force: Bool = false,
        reason: String? = nil, expectedVersion: Int? = nil, on db: Connection, clock: IlsonClock
    ) throws -> RosterEditOutcome {
        let reason = try RosterEditor.reason(reason, required: force)
        try RosterRules.checkNotPast(date, clock: clock, doing: T(.doingChanging))
        return try db.transaction { db in
            _ = try checkRequest(requestID, center: center, date: date, on: db)
            let workerRow = try checkWorker(ref, center: center, on: db)
            guard workerRow.active else {
                throw OperationError.badInput(
                    T(.errWorkerInactive, ["who": RosterText.person(name: workerRow.name, phone: workerRow.phone)]))
            }
            let (roster, _) = try RosterStore.findOrCreate(center: center.id, date: date, on: db)
            if roster.state == .sending || roster.state == .sent {
                // Its messages are out: fill a gap as a day-of change that tells the new worker and the farmer.
                return try assignAnnounced(
                    center: center, date: date, request: requestID, worker: workerRow, force: force,
                    expectedVersion: expectedVersion, reason: reason, on: db)
            }
            try RosterRules.checkEditable(roster, expectedVersion: expectedVersion, doing: .assign)
            let day = try PlanningDay.load(center: center, date: date, on: db)
            guard let request = day.request(RequestID(requestID)), let worker = day.worker(WorkerID(workerRow.id)),
                let farm = day.farm(request.farm)
            else {
                throw OperationError.notFound(
                    T(.errNotPartOfDay, ["request": RequestText.number(requestID), "date": RequestText.day(date)]))
            }
            let who = RosterText.person(worker)
            let live = try AssignmentStore.live(roster: roster.id, on: db)
            var lines: [String] = []
            var remove: [Int64] = []

            if let same = live.first(where: { $0.requestID == requestID && $0.workerID == workerRow.id }), same.pinned {
                return RosterEditOutcome(
                    rosterID: roster.id, version: roster.version,
                    lines: [T(.lineAlreadyPinned, ["who": who, "request": RequestText.number(requestID)])],
                    warnings: [], score: roster.score ?? Score())
            }
            let existing = live.first { $0.requestID == requestID && $0.workerID == workerRow.id }
            // Rule 5 (version 2): the worker's other jobs that day, checked as the solver checks them. Unpinned
            // proposals of this roster make room (moved off); a pin or another roster's job refuses.
            let others = try AssignmentStore.liveAll(worker: workerRow.id, date: date, on: db)
                .filter { $0.requestID != requestID }
            if SameDay.refusal(worker, adding: request, others: others, day: day) != nil {
                let fixed = others.filter { $0.pinned || $0.rosterID != roster.id }
                if let why = SameDay.refusal(worker, adding: request, others: fixed, day: day) {
                    throw OperationError.badInput(
                        "\(who): \(why)" + (fixed.contains(where: \.pinned) ? " (고정 배정을 먼저 빼십시오)" : ""))
                }
                for other in others where !other.pinned && other.rosterID == roster.id {
                    remove.append(other.id)
                    lines.append(T(.lineMovedOff, ["who": who, "request": RequestText.number(other.requestID)]))
                }
            }
            // Rule 6: the request's headcount.
            if existing == nil {
                let onRequest = live.filter { $0.requestID == requestID }
                let pinnedThere = onRequest.filter(\.pinned).count
                if pinnedThere >= request.headcount {
                    throw OperationError.badInput(
                        T(.errPinnedFull, ["request": RequestText.number(requestID), "headcount": request.headcount]))
                }
                if onRequest.count >= request.headcount,
                    let bump = onRequest.filter({ !$0.pinned }).max(by: { ($0.distanceKm ?? 0) < ($1.distanceKm ?? 0) })
                {
                    remove.append(bump.id)
                    lines.append(
                        T(
                            .lineTookOffForRoom,
                            [
                                "who": RosterText.person(name: bump.workerName, phone: bump.workerPhone),
                                "request": RequestText.number(requestID),
                            ])
                    )
                }
            }
            // Rule 8 (the weekly cap, counting days already worked this week); rules 1-4 only with --force.
            let pin = try PinAdmission(
                worker, on: request, at: farm, requestID: requestID, workerID: workerRow.id, date: date, force: force,
                who: who, named: "worker \(Phone.mask(workerRow.phone))", act: .pin, travel: TravelRules(day.instance))

            let version = try RosterRules.claim(roster, on: db)
            try AssignmentStore.delete(ids: remove, on: db)
            if let existing {
                try AssignmentStore.pin(existing.id, forced: pin.forced, warnings: pin.warningsJSON, on: db)
                lines.append(T(.linePinnedKept, ["who": who, "request": RequestText.number(requestID)]))
            } else {
                try AssignmentStore.insert(
                    [
                        NewAssignment(
                            requestID: requestID, workerID: workerRow.id, distanceKm: pin.distanceKm, pinned: true,
                            forced: pin.forced, warnings: pin.warningsJSON)
                    ], roster: roster.id, center: center.id, date: date, on: db)
                lines.append(
                    T(
                        .linePinned,
                        ["who": who, "request": RequestText.number(requestID), "km": RosterText.km(pin.distanceKm)]))
            }
            if try AssignmentStore.unexclude(request: requestID, worker: workerRow.id, on: db) {
                lines.append(T(.lineForgotUnassign, ["who": who, "request": RequestText.number(requestID)]))
            }
            let report = try RosterRules.refreshOutcome(roster: roster, center: center, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "roster assign", entity: "assignment",
                id: "\(roster.id)/\(requestID)/\(workerRow.id)", action: existing == nil ? .create : .update,
                before: existing.map { _ in AuditJSON.object(["pinned": false]) },
                after: AuditJSON.object([
                    "roster": roster.id, "request": requestID, "worker": workerRow.id, "pinned": true,
                    "forced": pin.forced, "version": version, "removed": remove,
                ]), reason: reason)
            return RosterEditOutcome(
                rosterID: roster.id, version: version, lines: lines,
                warnings: pin.warnings, score: report.score)
        }
    }

    /// Takes a worker off a request of the day's draft roster, and remembers it: re-planning does not put the same
    /// worker back on that request.
    ///
    /// - Throws: `OperationError` (`.notFound` when the worker is not on the request), `PostgresError`.
    public static func unassign(
        center: CenterRecord, date: Day, request requestID: Int64, worker ref: PersonRef, reason: String? = nil,
        expectedVersion: Int? = nil, on db: Connection, clock: IlsonClock
    ) throws -> RosterEditOutcome {
        let reason = try RosterEditor.reason(reason, required: false)
        try RosterRules.checkNotPast(date, clock: clock, doing: T(.doingChanging))
        return try db.transaction { db in
            _ = try checkRequest(requestID, center: center, date: date, on: db, liveOnly: false)
            let workerRow = try checkWorker(ref, center: center, on: db)
            guard let roster = try RosterStore.find(center: center.id, date: date, on: db) else {
                throw OperationError.notFound(T(.errNoRoster, ["date": RequestText.day(date), "iso": date]))
            }
            try RosterRules.checkEditable(roster, expectedVersion: expectedVersion, doing: .unassign)
            let who = RosterText.person(name: workerRow.name, phone: workerRow.phone)
            guard
                let assignment = try AssignmentStore.live(roster: roster.id, on: db).first(where: {
                    $0.requestID == requestID && $0.workerID == workerRow.id
                })
            else {
                throw OperationError.notFound(
                    T(
                        .errNotOnRequest,
                        ["who": who, "request": RequestText.number(requestID), "date": RequestText.day(date)]))
            }
            let version = try RosterRules.claim(roster, on: db)
            try AssignmentStore.delete(ids: [assignment.id], on: db)
            try AssignmentStore.exclude(
                roster: roster.id, center: center.id, request: requestID, worker: workerRow.id, on: db)
            let report = try RosterRules.refreshOutcome(roster: roster, center: center, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "roster unassign", entity: "assignment",
                id: "\(roster.id)/\(requestID)/\(workerRow.id)", action: .delete,
                before: AuditJSON.object([
                    "roster": roster.id, "request": requestID, "worker": workerRow.id, "pinned": assignment.pinned,
                    "distance_km": assignment.distanceKm,
                ]),
                after: AuditJSON.object(["excluded": true, "version": version]), reason: reason)
            return RosterEditOutcome(
                rosterID: roster.id, version: version,
                lines: [T(.lineTookOff, ["who": who, "request": RequestText.number(requestID)])], warnings: [],
                score: report.score)
        }
    }

    /// A change's `--reason`, checked against its limit; required for a forced pin.
    static func reason(_ text: String?, required: Bool) throws -> String? {
        let reason = try RegistryInput.text(text, TextLimits.changeReason, option: "--reason")
        if required && reason == nil {
            throw OperationError.badInput(
                "--force로 규칙을 넘겨 배정하려면 사유가 필요합니다: --reason \"사유\"를 함께 주세요 (감사 기록에 남습니다)")
        }
        return reason
    }

    /// The request, checked to be this center's, on this date, and (with `liveOnly`) still submitted.
    static func checkRequest(
        _ id: Int64, center: CenterRecord, date: Day, on db: Connection, liveOnly: Bool = true
    ) throws -> RequestRow {
        guard let row = try AssignmentStore.request(id, on: db) else {
            throw OperationError.notFound(T(.errNoRequest, ["request": RequestText.number(id), "iso": date]))
        }
        guard row.centerID == center.id else {
            throw OperationError.badInput(
                T(
                    .errRequestOtherCenter,
                    ["request": RequestText.number(id), "other": row.centerCode, "center": center.code]))
        }
        guard row.date == date else {
            throw OperationError.badInput(
                T(
                    .errRequestOtherDate,
                    [
                        "request": RequestText.number(id), "other": RequestText.day(row.date),
                        "date": RequestText.day(date),
                    ]
                ))
        }
        if liveOnly && row.status != .submitted {
            throw OperationError.badInput(
                T(.errRequestNotLive, ["request": RequestText.number(id), "status": RequestText.status(row.status)]))
        }
        return row
    }

    /// The worker of the center.
    static func checkWorker(_ ref: PersonRef, center: CenterRecord, on db: Connection) throws -> WorkerRow {
        guard let row = try AssignmentStore.worker(ref, center: center.id, on: db) else {
            throw OperationError.notFound(T(.errNoWorker, ["who": ref, "center": center.code]))
        }
        return row
    }
}
