import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// The checks a worker placed by hand on a request of a told day passes (`roster assign` on an announced roster,
/// `roster replace`), in order: not declined that day, part of the day, not on the request already, the day's other
/// jobs as the solver checks them (rule 5, version 2), then the pair's own rules (`PinAdmission`).
struct DayOfAdmission {
    let day: PlanningDay
    let request: LaborRequest
    let farm: Farm
    let pin: PinAdmission

    /// Admits `row` on the request, or throws the refusal (nothing is changed).
    ///
    /// - Parameter alreadyOn: the refusal when the worker is on the request already.
    init(
        _ row: WorkerRow, who: String, request requestID: Int64, center: CenterRecord, date: Day, force: Bool,
        act: PinAdmission.Act, alreadyOn: String, on tx: Connection
    ) throws {
        if try DayOfStore.declinedWorkers(center: center.id, date: date, on: tx).contains(row.id) {
            throw OperationError.badInput(T(.errDeclinedThatDay, ["who": who, "date": RequestText.day(date)]))
        }
        let day = try PlanningDay.load(center: center, date: date, on: tx)
        guard let request = day.request(RequestID(requestID)), let farm = day.farm(request.farm),
            let candidate = day.worker(WorkerID(row.id))
        else {
            throw OperationError.notFound(
                T(
                    .errNotPartOfDayWho,
                    ["request": RequestText.number(requestID), "who": who, "date": RequestText.day(date)]))
        }
        let others = try AssignmentStore.liveAll(worker: row.id, date: date, on: tx)
        if others.contains(where: { $0.requestID == requestID }) { throw OperationError.badInput(alreadyOn) }
        if let why = SameDay.refusal(candidate, adding: request, others: others, day: day) {
            throw OperationError.badInput("\(who): \(why)")
        }
        self.day = day
        self.request = request
        self.farm = farm
        self.pin = try PinAdmission(
            candidate, on: request, at: farm, requestID: requestID, workerID: row.id, date: date, force: force,
            who: who, named: who, act: act, travel: TravelRules(day.instance))
    }

    /// Writes the admitted pin in the change's roster: `worker` pinned on the request (approved when `approved`),
    /// any remembered removal of the pair forgotten, and an audit row by `via`.
    ///
    /// - Returns: the new assignment's id.
    /// - Throws: `.conflict(vanished)` when the assignment is not there after its insert.
    func write(
        worker: Int64, request requestID: Int64, in change: DayOfChange, approved: Bool, via: String, reason: String?,
        vanished: String
    ) throws -> Int64 {
        let tx = change.tx
        try AssignmentStore.insert(
            [
                NewAssignment(
                    requestID: requestID, workerID: worker, distanceKm: pin.distanceKm, pinned: true,
                    forced: pin.forced, warnings: pin.warningsJSON)
            ], roster: change.roster.id, center: change.center.id, date: change.date, on: tx)
        guard let inserted = try AssignmentStore.live(worker: worker, request: requestID, on: tx) else {
            throw OperationError.conflict(vanished)
        }
        if approved { try DayOfStore.setStatus(assignment: inserted.id, to: .approved, reason: nil, on: tx) }
        try AssignmentStore.unexclude(request: requestID, worker: worker, on: tx)
        try AuditLog.record(
            on: tx, center: change.center.id, via: via, entity: "assignment", id: String(inserted.id),
            action: .create, before: nil, after: try AuditLog.snapshot(on: tx, table: "assignments", id: inserted.id),
            reason: reason)
        return inserted.id
    }
}
