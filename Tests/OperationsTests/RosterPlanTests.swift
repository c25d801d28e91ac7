import Foundation
import Operations
import Postgres
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

/// Planning, pinning, unassigning, approving and reopening a small county's roster on a real database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RosterPlanTests {
    /// Tomorrow by the test clock: never in the past, whatever the calendar says.
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    /// Runs `body` on a migrated database holding the small county.
    func withCounty(_ body: (Connection, RosterFixtures.Imported) throws -> Void) throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let imported = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            try body(db, imported)
        }
    }

    func plan(_ db: Connection, _ c: RosterFixtures.Imported) throws -> RosterPlanSummary {
        try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
    }

    @Test func planStoresAValidDraft() throws {
        try withCounty { db, c in
            let s = try plan(db, c)
            #expect(s.created && s.version == 2 && s.filled > 0)
            let roster = try #require(try RosterStore.find(center: c.center.id, date: Self.date, on: db))
            #expect(roster.state == .draft && roster.score == s.score)
            // The stored assignments are valid by the scheduler's own scorer, on the exported instance.
            let exported = try ExportInstance.export(center: c.center, date: Self.date, on: db)
            let pairs = try RosterFixtures.livePairs(c.center, Self.date, on: db)
            let report = score(exported.instance, assignments: pairs)
            #expect(report.score.hard == 0)
            #expect(report.score == s.score)
            #expect(
                try db.query("SELECT count(*) AS n FROM audit_log WHERE via = 'roster plan'")[0].decode(
                    "n", as: Int.self) == 1)
            // Unfilled requests come with reasons.
            #expect(roster.unfilled.allSatisfy { !$0.reasons.isEmpty })
        }
    }

    @Test func exportThenSolveGivesTheStoredScore() throws {
        try withCounty { db, c in
            _ = try plan(db, c)
            // A pin and an exclusion, so that the replay carries both.
            _ = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!), on: db,
                clock: Self.clock)
            let s = try plan(db, c)
            let exported = try ExportInstance.export(center: c.center, date: Self.date, on: db)
            let replayed = try InstanceDecoder.decode(exported.json)
            #expect(replayed.pinned.count == 1)
            #expect(solve(replayed).score == s.score)
        }
    }

    @Test func pinsAreKeptAndTheRestIsNotWorse() throws {
        try withCounty { db, c in
            let first = try plan(db, c)
            // Pin 김영숙 (w1) on the packing request r2, then re-plan.
            let o = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .phone(c.phones["w1"]!), on: db,
                clock: Self.clock)
            #expect(o.version == first.version + 1)
            let second = try plan(db, c)
            #expect(second.pinsKept == 1)
            let pairs = try RosterFixtures.livePairs(c.center, Self.date, on: db)
            let ids = try DayLoader.load(center: c.center.id, date: Self.date, on: db).ids
            let pin = try ids.pair(request: RequestID(c.requests["r2"]!), worker: WorkerID(c.workers["w1"]!))
            #expect(pairs.contains(pin))
            // The plan around the pin is optimal given the pin: the pin-free rest cannot beat it.
            let exported = try ExportInstance.export(center: c.center, date: Self.date, on: db)
            #expect(solve(exported.instance).score == second.score)
            #expect(second.score.hard == 0)
        }
    }

    @Test func unassignIsRememberedByTheNextPlan() throws {
        try withCounty { db, c in
            _ = try plan(db, c)
            let pairs = try RosterFixtures.livePairs(c.center, Self.date, on: db)
            let taken = try #require(pairs.first)
            let ids = try DayLoader.load(center: c.center.id, date: Self.date, on: db).ids
            let request = try ids.requests.id(taken.request).rawValue
            let worker = try ids.workers.id(taken.worker).rawValue
            _ = try RosterEditor.unassign(
                center: c.center, date: Self.date, request: request, worker: .id(worker), on: db, clock: Self.clock)
            _ = try plan(db, c)
            #expect(!(try RosterFixtures.livePairs(c.center, Self.date, on: db)).contains(taken))
            // Assigning by hand again forgets the exclusion.
            _ = try RosterEditor.assign(
                center: c.center, date: Self.date, request: request, worker: .id(worker), force: true, reason: "시험",
                on: db,
                clock: Self.clock)
            #expect(try RosterFixtures.livePairs(c.center, Self.date, on: db).contains(taken))
        }
    }

    @Test func approvedRostersAreFrozenUntilReopened() throws {
        try withCounty { db, c in
            _ = try plan(db, c)
            let approved = try RosterApproval.approve(center: c.center, date: Self.date, on: db, clock: Self.clock)
            #expect(approved.to == .approved && approved.assignments > 0)
            #expect(throws: OperationError.self) { _ = try plan(db, c) }
            do {
                _ = try plan(db, c)
            } catch let error as OperationError {
                guard case .conflict(let message) = error else {
                    Issue.record("expected a conflict")
                    return
                }
                #expect(message.contains("reopen it first"))
            }
            #expect(throws: OperationError.self) {
                _ = try RosterEditor.assign(
                    center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!),
                    on: db, clock: Self.clock)
            }
            let reopened = try RosterApproval.reopen(center: c.center, date: Self.date, on: db, clock: Self.clock)
            #expect(reopened.to == .draft)
            _ = try plan(db, c)
            // Being sent: it cannot be reopened.
            _ = try RosterApproval.approve(center: c.center, date: Self.date, on: db, clock: Self.clock)
            try db.query("UPDATE rosters SET state = 'sending' WHERE center_id = \(c.center.id)")
            #expect(
                throws: OperationError.conflict(
                    "the roster of \(Self.date) is sending: its messages are going out, it cannot be reopened "
                        + "(change single assignments with roster decline / replace)")
            ) {
                _ = try RosterApproval.reopen(center: c.center, date: Self.date, on: db, clock: Self.clock)
            }
        }
    }

    @Test func aPinOfADeactivatedWorkerIsDroppedWithAWarning() throws {
        try withCounty { db, c in
            _ = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r1"]!, worker: .id(c.workers["w2"]!), on: db,
                clock: Self.clock)
            try db.query("UPDATE workers SET active = false WHERE id = \(c.workers["w2"]!)")
            let s = try plan(db, c)
            #expect(s.pinsKept == 0)
            #expect(s.droppedPins.count == 1 && s.droppedPins[0].contains("deactivated"))
            let roster = try #require(try RosterStore.find(center: c.center.id, date: Self.date, on: db))
            #expect(roster.warnings.contains { $0.message.contains("deactivated") })
            #expect(
                !(try RosterFixtures.livePairs(c.center, Self.date, on: db)).contains {
                    $0.worker == "w\(c.workers["w2"]!)"
                })
        }
    }

    @Test func aPinOfACancelledRequestIsDroppedWithAWarning() throws {
        try withCounty { db, c in
            _ = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r1"]!, worker: .id(c.workers["w2"]!), on: db,
                clock: Self.clock)
            try db.query(
                "UPDATE labor_requests SET status = 'cancelled', cancelled_at = now() WHERE id = \(c.requests["r1"]!)")
            let s = try plan(db, c)
            #expect(s.droppedPins.count == 1 && s.droppedPins[0].contains("cancelled"))
        }
    }

    /// Several jobs a day (version 2): the database keeps one live assignment per request and worker; a second job
    /// of a one-job worker written behind ilson's back is stored, and `db check` lists it.
    @Test func theDatabaseRefusesTheSamePairTwiceAndDBCheckFindsTooManyJobs() throws {
        try withCounty { db, c in
            _ = try plan(db, c)
            let a = try #require(
                try db.query(
                    "SELECT center_id, roster_id, worker_id, work_date, request_id FROM assignments LIMIT 1"
                ).first)
            let (center, roster, worker, date, request) = (
                try a.decode("center_id", as: Int64.self), try a.decode("roster_id", as: Int64.self),
                try a.decode("worker_id", as: Int64.self), try a.decode("work_date", as: Day.self),
                try a.decode("request_id", as: Int64.self)
            )
            #expect {
                try db.query(
                    """
                    INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
                    VALUES (\(center), \(roster), \(request), \(worker), \(date))
                    """)
            } throws: { error in
                (error as? PostgresError)?.kind == .uniqueViolation(constraint: "assignments_request_worker_live_key")
            }
            #expect(try DatabaseCheck.run(center: c.center, on: db).isEmpty)
            let other = c.requests.values.first { $0 != request }!
            try db.query(
                """
                INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
                VALUES (\(center), \(roster), \(other), \(worker), \(date))
                """)
            let found = try DatabaseCheck.run(center: c.center, on: db)
            #expect(found.count == 2)
            #expect(found.allSatisfy { $0.problem == T(.checkJobs) })
        }
    }

    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        try withCounty { db, c in
            _ = try plan(db, c)
            let before = try RosterStore.find(center: c.center.id, date: Self.date, on: db)!.version
            let edits: [() throws -> Void] = [
                // Unknown request, unknown worker.
                {
                    _ = try RosterEditor.assign(
                        center: c.center, date: Self.date, request: 999_999, worker: .id(c.workers["w1"]!), on: db,
                        clock: Self.clock)
                },
                {
                    _ = try RosterEditor.assign(
                        center: c.center, date: Self.date, request: c.requests["r1"]!, worker: .id(999_999), on: db,
                        clock: Self.clock)
                },
                // A past day.
                {
                    _ = try RosterPlanner.plan(
                        center: c.center, date: Self.clock.today.adding(days: -1), on: db, clock: Self.clock)
                },
                // Rules 1-4 without --force (한순자 w7 is not available and lacks the skill).
                {
                    _ = try RosterEditor.assign(
                        center: c.center, date: Self.date, request: c.requests["r3"]!, worker: .id(c.workers["w7"]!),
                        on: db, clock: Self.clock)
                },
                // A stale version.
                {
                    _ = try RosterEditor.assign(
                        center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!),
                        expectedVersion: before - 1, on: db, clock: Self.clock)
                },
            ]
            for edit in edits { #expect(throws: OperationError.self) { try edit() } }
            // A request of another center.
            let other = try RosterFixtures.importInstance(
                RosterFixtures.smallCounty(date: Self.date), code: "CJ", on: db)
            #expect(throws: OperationError.badInput("request #\(other.requests["r1"]!) belongs to center CJ, not JC")) {
                _ = try RosterEditor.assign(
                    center: c.center, date: Self.date, request: other.requests["r1"]!, worker: .id(c.workers["w1"]!),
                    on: db, clock: Self.clock)
            }
            #expect(try RosterStore.find(center: c.center.id, date: Self.date, on: db)!.version == before)
            // (`sql`: the fixtures' own requests, which the database logs as it logs every request.)
            #expect(
                try db.query("SELECT count(*) AS n FROM audit_log WHERE via NOT IN ('roster plan', 'sql')")[0].decode(
                    "n", as: Int.self) == 0)
        }
    }
}
