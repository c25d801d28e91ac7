import Foundation
import Operations
import Postgres
import Scheduling
import Storage
import Testing
import Vocabulary

/// The one map between the solver's string ids and the database's ids, without a database.
@Suite struct DayIDsTests {
    @Test func addingIsIdempotentAndLookupsGoBothWays() throws {
        var ids = DayIDs()
        #expect(ids.requests.add(RequestID(12)) == "r12")
        #expect(ids.requests.add(RequestID(12)) == "r12")
        #expect(ids.workers.add(WorkerID(12)) == "w12")
        #expect(ids.farms.add(FarmID(3)) == "f3")
        #expect(ids.jobs.add(JobID(5)) == "j5")
        #expect(try ids.requests.id("r12") == RequestID(12))
        #expect(try ids.workers.key(WorkerID(12)) == "w12")
        let pair = try ids.pair(request: RequestID(12), worker: WorkerID(12))
        #expect(pair == Pair(request: "r12", worker: "w12"))
        let back = try ids.ids(of: pair)
        #expect(back.request == RequestID(12) && back.worker == WorkerID(12))
        #expect(ids.requests.allIDs.count == 1 && ids.requests.contains(RequestID(12)))
    }

    @Test func anIDTheMapDoesNotKnowIsAnError() {
        var ids = DayIDs()
        ids.requests.add(RequestID(12))
        ids.workers.add(WorkerID(7))
        #expect(throws: UnknownDayID(kind: "request", id: "r13")) { try ids.requests.id("r13") }
        // Well formed for another kind, or not at all: not a request of the day either.
        #expect(throws: UnknownDayID(kind: "request", id: "w7")) { try ids.requests.id("w7") }
        #expect(throws: UnknownDayID(kind: "request", id: "12")) { try ids.requests.id("12") }
        #expect(throws: UnknownDayID(kind: "worker", id: "8")) { try ids.workers.key(WorkerID(8)) }
        #expect(throws: UnknownDayID(kind: "worker", id: "w8")) {
            try ids.ids(of: Pair(request: "r12", worker: "w8"))
        }
        #expect(!ids.workers.contains(WorkerID(8)))
    }
}

/// The map of a day loaded from the database: every id of the day makes the round trip.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RosterDayIDsTests {
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    @Test func everyIDOfALoadedDayMakesTheRoundTrip() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            let date = Self.date
            _ = try RosterPlanner.plan(center: c.center, date: date, on: db, clock: Self.clock)
            // A pin, a remembered unassign, and a worker with a live proposal deactivated since the plan.
            _ = try RosterEditor.assign(
                center: c.center, date: date, request: c.requests["r2"]!, worker: .id(c.workers["w1"]!), on: db,
                clock: Self.clock)
            let roster = try #require(try RosterStore.find(center: c.center.id, date: date, on: db))
            let proposals = try AssignmentStore.live(roster: roster.id, on: db).filter { !$0.pinned }
            #expect(proposals.count >= 2)
            let taken = try #require(proposals.first)
            _ = try RosterEditor.unassign(
                center: c.center, date: date, request: taken.requestID, worker: .id(taken.workerID), on: db,
                clock: Self.clock)
            let leaver = try #require(proposals.last)
            try db.query("UPDATE workers SET active = false WHERE id = \(leaver.workerID)")

            let day = try DayLoader.load(center: c.center.id, date: date, on: db)
            let ids = day.ids
            // Every solver id the instance holds.
            let instance = day.instance
            var workers = Set(instance.workers.map(\.id))
            var farms = Set(instance.farms.map(\.id))
            var requests = Set(instance.requests.map(\.id))
            var jobs = Set(instance.requests.map(\.job))
            farms.formUnion(instance.requests.map(\.farm))
            for w in instance.workers {
                farms.formUnion(w.blockedFarms)
                farms.formUnion(w.allowedFarms ?? [])
            }
            for h in instance.history {
                workers.insert(h.worker)
                if let farm = h.farm { farms.insert(farm) }
                jobs.insert(h.job)
            }
            for p in instance.excludedPairs.union(instance.pinned) {
                requests.insert(p.request)
                workers.insert(p.worker)
            }
            #expect(!instance.excludedPairs.isEmpty)
            for key in workers { #expect(try ids.workers.key(ids.workers.id(key)) == key) }
            for key in farms { #expect(try ids.farms.key(ids.farms.id(key)) == key) }
            for key in requests { #expect(try ids.requests.key(ids.requests.id(key)) == key) }
            for key in jobs { #expect(try ids.jobs.key(ids.jobs.id(key)) == key) }
            // Every database id of the day, the other way: the fixture's rows, the pins, the live assignments
            // (the deactivated worker's too, though the instance no longer has them).
            for id in c.requests.values {
                #expect(try ids.requests.id(ids.requests.key(RequestID(id))) == RequestID(id))
            }
            for id in c.farms.values { #expect(try ids.farms.id(ids.farms.key(FarmID(id))) == FarmID(id)) }
            for id in c.workers.values where id != leaver.workerID {
                let key = try ids.workers.key(WorkerID(id))
                #expect(try ids.workers.id(key) == WorkerID(id))
                #expect(instance.workers.contains { $0.id == key })
            }
            #expect(!day.pins.isEmpty)
            for pin in day.pins {
                let back = try ids.ids(of: ids.pair(request: pin.requestID, worker: pin.workerID))
                #expect(back.request == pin.requestID && back.worker == pin.workerID)
            }
            for a in try AssignmentStore.live(roster: roster.id, on: db) {
                let back = try ids.ids(of: ids.pair(request: RequestID(a.requestID), worker: WorkerID(a.workerID)))
                #expect(back.request == RequestID(a.requestID) && back.worker == WorkerID(a.workerID))
            }
            let leaverKey = try ids.workers.key(WorkerID(leaver.workerID))
            #expect(!instance.workers.contains { $0.id == leaverKey })
            // Every farm of the day's requests has its row.
            for r in instance.requests { #expect(try day.farm(r.farm).id == ids.farms.id(r.farm)) }

            // The operations go through the map: a change by hand re-scores the roster, the deactivated worker's
            // proposal included (reported, not skipped).
            let other = try #require(
                try AssignmentStore.live(roster: roster.id, on: db).first {
                    !$0.pinned && $0.workerID != leaver.workerID
                })
            _ = try RosterEditor.unassign(
                center: c.center, date: date, request: other.requestID, worker: .id(other.workerID), on: db,
                clock: Self.clock)
            let stored = try #require(try RosterStore.find(center: c.center.id, date: date, on: db))
            #expect(stored.warnings.contains { $0.worker == leaver.workerID && $0.request == leaver.requestID })
        }
    }

    @Test func anUnknownSolverIDOfALoadedDayIsAnError() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            let day = try DayLoader.load(center: c.center.id, date: Self.date, on: db)
            let unknown = (c.requests.values.max() ?? 0) + 1000
            #expect(throws: UnknownDayID(kind: "request", id: "r\(unknown)")) { try day.ids.requests.id("r\(unknown)") }
            #expect(throws: UnknownDayID(kind: "request", id: "\(unknown)")) {
                try day.ids.requests.key(RequestID(unknown))
            }
            let worker = try #require(day.instance.workers.first?.id)
            #expect(throws: UnknownDayID.self) { try day.ids.requests.id(worker) }
            #expect(throws: UnknownDayID.self) { try day.farm("f\(unknown)") }
        }
    }
}
