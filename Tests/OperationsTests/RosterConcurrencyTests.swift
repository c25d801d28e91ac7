import Foundation
import Operations
import Postgres
import Scheduling
import Storage
import Testing
import Vocabulary

/// Two coordinators editing one roster at once: the second change fails, nothing is overwritten.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RosterConcurrencyTests {
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    @Test func theSecondOfTwoEditsFromTheSameVersionFails() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            let s = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            // Both coordinators loaded version s.version; each edits through their own connection.
            let first = try Connection(url)
            let second = try Connection(url)
            _ = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!),
                expectedVersion: s.version, on: first, clock: Self.clock)
            #expect(throws: OperationError.self) {
                _ = try RosterEditor.unassign(
                    center: c.center, date: Self.date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!),
                    expectedVersion: s.version, on: second, clock: Self.clock)
            }
            // The first edit stands.
            let pairs = try RosterFixtures.livePairs(c.center, Self.date, on: db)
            #expect(pairs.contains(Pair(request: "r\(c.requests["r2"]!)", worker: "w\(c.workers["w1"]!)")))
        }
    }

    /// The race inside the transactions: B reads the roster while A's change is uncommitted; A commits; B's
    /// version check then finds the roster moved on and fails with the conflict, writing nothing.
    @Test func anInterleavedEditLosesWithTheVersionConflict() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            _ = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            let roster = try #require(try RosterStore.find(center: c.center.id, date: Self.date, on: db))
            // A (its own connection, on its own thread) claims the version, holds the row lock a moment, commits.
            let id = roster.id
            let version = roster.version
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { done.signal() }
                guard let a = try? Connection(url) else { return }
                _ = try? a.query("BEGIN")
                _ = try? RosterStore.claim(roster: id, version: version, on: a)
                Thread.sleep(forTimeInterval: 0.5)
                _ = try? a.query("COMMIT")
            }
            Thread.sleep(forTimeInterval: 0.2)
            // B read the same version; its claim waits for A's lock, then finds the roster moved on.
            let b = try Connection(url)
            try b.query("BEGIN")
            let started = Date()
            #expect(try RosterStore.claim(roster: id, version: version, on: b) == nil)
            #expect(Date().timeIntervalSince(started) > 0.1)
            try b.query("ROLLBACK")
            done.wait()
            #expect(try RosterStore.find(center: c.center.id, date: Self.date, on: db)!.version == roster.version + 1)
        }
    }
}
