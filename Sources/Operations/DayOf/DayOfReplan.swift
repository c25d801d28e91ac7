import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// Re-planning a roster whose messages are out (`roster plan` then `roster approve` on a `sending` or `sent`
/// roster), after a request was cancelled or a worker declined.
///
/// What was announced stays announced: before solving, every announced assignment (`approved`, live) is pinned,
/// so the solver plans only the freed workers and the unfilled requests. The new assignments are stored as
/// `proposed` and told to nobody; the roster keeps its state. `roster approve` then approves them and, in the
/// same transaction, queues each new worker's notice and each changed request's list for its farmer (a `change`
/// when the farmer had a list), and moves the roster back to `sending` until they are delivered.
enum DayOfReplan {
    /// For `roster plan` on a sending or sent roster, in its transaction: locks the roster (waiting for a
    /// sender's chunk in flight), checks the version, and pins every announced assignment.
    ///
    /// - Returns: how many announced assignments were pinned by this call.
    static func prepare(_ roster: RosterRecord, expectedVersion: Int?, on tx: Connection) throws -> Int {
        _ = try BatchRosterStore.lock(roster: roster.id, on: tx)
        if let expectedVersion, expectedVersion != roster.version {
            throw OperationError.conflict(
                T(.errRosterChangedVersion, ["seen": expectedVersion, "now": roster.version]))
        }
        return try DayOfStore.pinAnnounced(roster: roster.id, on: tx)
    }

    /// Refuses a re-plan that would drop an announced assignment (e.g. its worker was deactivated since): such a
    /// change must be told, so it goes through `roster decline` or `roster replace`.
    static func checkNoneDropped(_ day: PlanningDay, date: Day) throws {
        guard let first = day.droppedPins.first else { return }
        throw OperationError.conflict(T(.errReplanDrops, ["date": RequestText.day(date), "reason": first.reason]))
    }

    /// `roster approve` on a sending or sent roster, in its transaction: approves the assignments proposed since
    /// the messages went out and queues their notices (see the type's comment).
    ///
    /// - Throws: `.conflict` when nothing is proposed, or the roster breaks a hard rule.
    static func approveAdditions(
        center: CenterRecord, date: Day, expectedVersion: Int?, on tx: Connection
    ) throws -> RosterStateChange {
        var change = try DayOfChange(center: center, date: date, expectedVersion: expectedVersion, on: tx)
        change.via = "roster approve"
        let from = change.roster.state
        let proposed = try DayOfStore.proposed(roster: change.roster.id, on: tx)
        guard !proposed.isEmpty else {
            throw OperationError.conflict(
                T(.errNothingProposed, ["date": RequestText.day(date), "state": RequestText.state(from), "iso": date]))
        }
        let report = try RosterRules.refreshOutcome(roster: change.roster, center: center, on: tx)
        try RosterRules.checkNoViolations(report, date: date, message: .errBreaksRulesShort)
        for id in proposed {
            let before = try AuditLog.snapshot(on: tx, table: "assignments", id: id)
            try DayOfStore.setStatus(assignment: id, to: .approved, reason: nil, on: tx)
            try AuditLog.record(
                on: tx, center: center.id, via: "roster approve", entity: "assignment", id: String(id),
                action: .state, before: before, after: try AuditLog.snapshot(on: tx, table: "assignments", id: id))
            try change.announce(assignment: id)
        }
        let done = try change.finish()
        return RosterStateChange(
            rosterID: done.rosterID, from: from, to: done.rosterState,
            version: done.version, assignments: proposed.count, notices: done.queued.count)
    }
}
