import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

extension RosterEditor {
    /// `roster assign` on a roster whose messages are out (`sending` or `sent`): fills a gap as a day-of change.
    /// The worker is pinned on the request (approved), their notice and the farmer's updated list are queued for
    /// the next send, and the roster goes back to `sending` until those are delivered.
    ///
    /// Refused, with nothing changed, when the worker is placed or declined that day, the request already has its
    /// headcount, or the pair breaks rule 8 (or rules 1-4 without `force`).
    static func assignAnnounced(
        center: CenterRecord, date: Day, request requestID: Int64, worker workerRow: WorkerRow, force: Bool,
        expectedVersion: Int?, reason: String? = nil, on tx: Connection
    ) throws -> RosterEditOutcome {
        var change = try DayOfChange(center: center, date: date, expectedVersion: expectedVersion, on: tx)
        change.via = "roster assign"
        let who = RosterText.person(name: workerRow.name, phone: workerRow.phone)
        let admitted = try DayOfAdmission(
            workerRow, who: who, request: requestID, center: center, date: date, force: force, act: .pin,
            alreadyOn: T(.errAlreadyOnRequest, ["who": who, "request": RequestText.number(requestID)]), on: tx)
        let request = admitted.request
        let onRequest = try AssignmentStore.live(roster: change.roster.id, on: tx).filter { $0.requestID == requestID }
        guard onRequest.count < request.headcount else {
            throw OperationError.badInput(
                T(.errNoGap, ["request": RequestText.number(requestID), "headcount": request.headcount]))
        }
        let pin = admitted.pin
        let inserted = try admitted.write(
            worker: workerRow.id, request: requestID, in: change, approved: true, via: "roster assign", reason: reason,
            vanished: T(.errVanished))
        change.report.lines.append(
            T(.linePinned, ["who": who, "request": RequestText.number(requestID), "km": RosterText.km(pin.distanceKm)]))
        try change.announce(assignment: inserted)
        change.changed(request: requestID)
        let report = try change.finish()
        var lines = report.lines
        lines += report.queued.map { T(.lineQueuedDeliver, ["notice": $0, "date": date]) }
        lines += report.calls.map {
            T(.lineCall, ["id": $0.workerId, "name": $0.name, "phone": Phone.mask($0.phone), "reason": $0.reason])
        }
        let score = try RosterStore.find(center: center.id, date: date, on: tx)?.score ?? Score()
        return RosterEditOutcome(
            rosterID: report.rosterID, version: report.version, lines: lines, warnings: pin.warnings, score: score)
    }
}
