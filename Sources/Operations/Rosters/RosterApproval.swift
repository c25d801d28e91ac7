import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// A roster's state change.
public struct RosterStateChange: Sendable, Hashable {
    public var rosterID: Int64
    public var from: RosterState
    public var to: RosterState
    public var version: Int
    /// Assignments whose status moved with the roster.
    public var assignments: Int
    /// Messages queued (approving additions to a roster whose messages are out; see `DayOfReplan`).
    public var notices = 0
}

/// `roster approve` and `roster reopen`.
public enum RosterApproval {
    /// Approves a draft roster: the roster and its assignments become `approved`, ready for `batch send`.
    ///
    /// - Throws: `OperationError.conflict` when the roster is not a draft, changed since it was loaded, or breaks
    ///   a hard rule (e.g. a request left under its minimum by hand); `.notFound` when there is no roster.
    public static func approve(
        center: CenterRecord, date: Day, expectedVersion: Int? = nil, on db: Connection, clock: IlsonClock
    ) throws -> RosterStateChange {
        try changing(center: center, date: date, clock: clock, doing: T(.doingApproving), on: db) { roster, db in
            if roster.state == .approved {
                throw OperationError.conflict(
                    T(.errAlreadyApprovedVersion, ["date": RequestText.day(date), "version": roster.version]))
            }
            if roster.state == .sending || roster.state == .sent {
                // Its messages are out: approve what was planned since, and tell those it concerns.
                return try DayOfReplan.approveAdditions(
                    center: center, date: date, expectedVersion: expectedVersion, on: db)
            }
            try RosterRules.checkEditable(roster, expectedVersion: expectedVersion, doing: .approve)
            let report = try RosterRules.refreshOutcome(roster: roster, center: center, on: db)
            try RosterRules.checkNoViolations(report, date: date, message: .errBreaksRules)
            return try move(
                roster, center: center, to: .approved, assignments: .proposed, to: .approved, via: "roster approve",
                on: db)
        }
    }

    /// Reopens an approved roster as a draft so that it can be edited or re-planned; its assignments go back to
    /// `proposed`. A roster being sent or sent cannot be reopened.
    ///
    /// - Throws: `OperationError.conflict` for a roster that is sending, sent, cancelled, or changed since it was
    ///   loaded; `.notFound` when there is none.
    public static func reopen(
        center: CenterRecord, date: Day, expectedVersion: Int? = nil, on db: Connection, clock: IlsonClock
    ) throws -> RosterStateChange {
        try changing(center: center, date: date, clock: clock, doing: T(.doingReopening), on: db) { roster, db in
            if let expectedVersion, expectedVersion != roster.version {
                throw OperationError.conflict(RosterRules.changedSinceLoaded)
            }
            switch roster.state {
            case .approved: break
            case .draft:
                return RosterStateChange(
                    rosterID: roster.id, from: .draft, to: .draft, version: roster.version, assignments: 0)
            case .sending, .sent:
                throw OperationError.conflict(
                    T(.errCannotReopen, ["date": RequestText.day(date), "state": RequestText.state(roster.state)]))
            case .cancelled:
                throw OperationError.conflict(T(.errCancelled, ["date": RequestText.day(date)]))
            }
            return try move(
                roster, center: center, to: .draft, assignments: .approved, to: .proposed, via: "roster reopen", on: db)
        }
    }

    /// Runs `body` on the day's roster in one transaction, for a day not in the past.
    ///
    /// - Throws: `.badInput` for a past day, `.notFound` when the day has no roster, and what `body` throws.
    private static func changing(
        center: CenterRecord, date: Day, clock: IlsonClock, doing: String, on db: Connection,
        _ body: (RosterRecord, Connection) throws -> RosterStateChange
    ) throws -> RosterStateChange {
        try RosterRules.checkNotPast(date, clock: clock, doing: doing)
        return try db.transaction { db in
            guard let roster = try RosterStore.find(center: center.id, date: date, on: db) else {
                throw OperationError.notFound(T(.errNoRoster, ["date": RequestText.day(date), "iso": date]))
            }
            return try body(roster, db)
        }
    }

    /// Moves the roster to `state` and its assignments from `status` to `newStatus`, under the next version, with
    /// one audit row.
    private static func move(
        _ roster: RosterRecord, center: CenterRecord, to state: RosterState, assignments status: AssignmentStatus,
        to newStatus: AssignmentStatus, via: String, on db: Connection
    ) throws -> RosterStateChange {
        let before = try RosterStore.snapshot(roster: roster.id, on: db)
        let version = try RosterRules.claim(roster, on: db)
        try RosterStore.setState(roster: roster.id, to: state, on: db)
        let moved = try AssignmentStore.setStatus(
            roster: roster.id, from: status, to: newStatus, on: db)
        try AuditLog.record(
            on: db, center: center.id, via: via, entity: "roster", id: String(roster.id), action: .state,
            before: before, after: try RosterStore.snapshot(roster: roster.id, on: db))
        return RosterStateChange(
            rosterID: roster.id, from: roster.state, to: state, version: version, assignments: moved)
    }
}
