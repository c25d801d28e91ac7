import Foundation
import Places
import Postgres
import Scheduling
import Storage
import Testing
import Vocabulary

@testable import Operations

/// Registry use cases: every command one transaction with its audit rows; clear refusals that write nothing.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RegistryOperationTests {
    static func county(_ db: Connection) throws {
        try Fixtures.center(db)
        _ = try Farmers.add(name: "이월순", phone: "010-9876-5432", center: nil, on: db)
        _ = try Farms.add(
            FarmInput(
                code: "F012", name: "이월 딸기농장", farmer: "010-9876-5432",
                location: LocationInput(village: "이월면 중산리"), meetingPoint: "마을회관 앞", meetingTime: "6:30"),
            center: nil, on: db)
    }

    static let harvest = RequestInput(
        farm: "F012", date: "2026-12-02", days: 3, start: "07:00", end: "16:00", task: "harvest", skills: ["harvest"],
        headcount: 4, minHeadcount: 2, wage: 130_000)

    @Test func multiDaySubmitMakesOneJobAndWholeJobCancelCancelsIt() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try RegistryOperationTests.county(db)
            let job = try Requests.submit(RegistryOperationTests.harvest, center: nil, clock: Fixtures.clock, on: db)
            #expect(job.requestIDs.count == 3)
            #expect(job.dates.map(\.description) == ["2026-12-02", "2026-12-03", "2026-12-04"])
            #expect(try Fixtures.count(db, "labor_jobs") == 1)
            #expect(try Fixtures.count(db, "audit_log", where: "via = 'request submit'") == 3)
            // The same request again is refused, naming the one that exists.
            #expect(throws: OperationError.self) {
                try Requests.submit(RegistryOperationTests.harvest, center: nil, clock: Fixtures.clock, on: db)
            }
            #expect(try Fixtures.count(db, "labor_requests") == 3)
            let cancelled = try Requests.cancel(
                job.requestIDs[1], wholeJob: true, reason: "우천", center: nil, clock: Fixtures.clock, on: db)
            #expect(cancelled.map(\.id) == job.requestIDs)
            #expect(cancelled.allSatisfy { $0.status == .cancelled && $0.cancelReason == "우천" })
            #expect(try Fixtures.count(db, "audit_log", where: "via = 'request cancel' AND action = 'state'") == 3)
            // Cancelled requests free their natural key: the farmer may ask again.
            _ = try Requests.submit(RegistryOperationTests.harvest, center: nil, clock: Fixtures.clock, on: db)
        }
    }

    @Test func editIsRefusedAndCancelIsToldOnAnApprovedRoster() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try RegistryOperationTests.county(db)
            let job = try Requests.submit(RegistryOperationTests.harvest, center: nil, clock: Fixtures.clock, on: db)
            let (edited, changed) = try Requests.edit(
                job.requestIDs[0], RequestInput(priority: 8, priorityReason: "농가 사정"), center: nil,
                clock: Fixtures.clock, on: db)
            #expect(changed && edited.values.priority == 8)
            #expect(throws: OperationError.badInput("--min 5 exceeds --headcount 4")) {
                try Requests.edit(
                    job.requestIDs[0], RequestInput(minHeadcount: 5), center: nil, clock: Fixtures.clock, on: db)
            }
            try db.query(
                "INSERT INTO rosters (center_id, work_date, state, approved_at) VALUES (1, '2026-12-03', 'approved', now())"
            )
            #expect(
                throws: OperationError.conflict(
                    "the roster of 2026-12-03 is approved: reopen it first (`ilson roster reopen --date 2026-12-03`), "
                        + "then edit request \(job.requestIDs[1])")
            ) {
                try Requests.edit(
                    job.requestIDs[1], RequestInput(priority: 3, priorityReason: "농가 사정"), center: nil,
                    clock: Fixtures.clock, on: db)
            }
            // A cancel goes through the outbox (issue 8): the farmer gets one confirmation; nobody was told yet.
            let (cancelled, notices) = try Requests.cancelTelling(
                job.requestIDs[1], wholeJob: false, reason: "우천", center: nil, clock: Fixtures.clock, on: db)
            #expect(cancelled.map(\.status) == [.cancelled])
            #expect(notices.first?.queued.map(\.kind) == [.cancellation])
            #expect(
                try Fixtures.count(db, "sms_outbox", where: "kind = 'cancellation' AND recipient_role = 'farmer'") == 1)
        }
    }

    @Test func refusalsNameTheProblemAndWriteNothing() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try RegistryOperationTests.county(db)
            try Fixtures.center(db, code: "GS")
            _ = try Farmers.add(name: "괴산농부", phone: "010-1111-0000", center: "GS", on: db)
            _ = try Farms.add(
                FarmInput(
                    code: "G001", name: "괴산 농장", farmer: "01011110000", location: LocationInput(lat: 36.8, lon: 127.8)),
                center: "GS", on: db)
            let audits = try Fixtures.count(db, "audit_log")
            var other = RegistryOperationTests.harvest
            other.farm = "G001"
            #expect(
                throws: OperationError.badInput(
                    "farm G001 belongs to center GS, not JC: use --center GS or a farm of JC")
            ) {
                try Requests.submit(other, center: "JC", clock: Fixtures.clock, on: db)
            }
            var past = RegistryOperationTests.harvest
            past.date = "2026-11-30"
            #expect(throws: OperationError.self) {
                try Requests.submit(past, center: "JC", clock: Fixtures.clock, on: db)
            }
            #expect(
                throws: OperationError.badInput(
                    "worker 010-****-3333 has no location: give --village (e.g. \"진천읍 교성리\") or --lat and --lon")
            ) {
                try Workers.add(WorkerInput(name: "박민수", phone: "010-2222-3333"), center: "JC", on: db)
            }
            #expect(throws: OperationError.self) {
                try Workers.add(
                    WorkerInput(name: "박민수", phone: "010-2222-3333", location: LocationInput(village: "없는리")),
                    center: "JC", on: db)
            }
            #expect(throws: OperationError.notFound("worker id 999 not found in center JC (`ilson worker list --all`)"))
            {
                try Workers.edit("999", WorkerInput(maxTravelKm: 10), center: "JC", on: db)
            }
            // Several centers: --center is required.
            #expect(throws: OperationError.self) { try Workers.list(center: nil, includeInactive: false, on: db) }
            #expect(try Fixtures.count(db, "audit_log") == audits)
            #expect(try Fixtures.count(db, "labor_requests") == 0)
            #expect(try Fixtures.count(db, "workers") == 0)
        }
    }

    @Test func villagesStandInForCoordinates() throws {
        let jincheon = Places.jincheon
        let place = try RegistryInput.location(
            LocationInput(village: "중산리"), what: "farm F1", source: .commandLine, county: jincheon)
        #expect(place.village == "이월면 중산리")
        #expect(throws: OperationError.self) {
            try RegistryInput.location(
                LocationInput(lat: 36.9), what: "farm F1", source: .commandLine, county: jincheon)
        }
        // A town that does not hold the village is "not found".
        #expect(throws: OperationError.self) {
            try RegistryInput.location(
                LocationInput(village: "진천읍 중산리"), what: "farm F1", source: .file, county: jincheon)
        }
    }

    @Test func workerEditChangesOnlyTheGivenFieldsAndDeactivateIsAudited() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try RegistryOperationTests.county(db)
            let added = try Workers.add(
                WorkerInput(
                    name: "김영숙", phone: "010-1234-5678", location: LocationInput(village: "진천읍 읍내리"),
                    skills: ["harvest", "packing"], category: "고령", maxTravelKm: 25, smsConsent: "y",
                    allowedFarms: ["F012"]),
                center: nil, on: db)
            let (edited, changed) = try Workers.edit(
                "010-1234-5678", WorkerInput(maxDaysPerWeek: 4), center: nil, on: db)
            #expect(changed)
            var expected = added.values
            expected.maxDaysPerWeek = 4
            #expect(edited.values == expected)
            let (lifted, _) = try Workers.edit(
                String(added.id), WorkerInput(allowedFarms: ["any"]), center: nil, on: db)
            #expect(lifted.values.allowedFarms == nil)
            let (_, same) = try Workers.edit(String(added.id), WorkerInput(maxDaysPerWeek: 4), center: nil, on: db)
            #expect(!same)
            _ = try Workers.deactivate("01012345678", center: nil, on: db)
            #expect(throws: OperationError.self) { try Workers.deactivate("01012345678", center: nil, on: db) }
            #expect(try Workers.list(center: nil, includeInactive: false, on: db).1.isEmpty)
            #expect(try Workers.list(center: nil, includeInactive: true, on: db).1.count == 1)
            #expect(try Fixtures.count(db, "audit_log", where: "entity = 'worker'") == 4)
            let (_, first) = try Workers.setAvailability(
                "010-1234-5678", days: Day("2026-12-05")!...Day("2026-12-07")!, off: true, center: nil,
                clock: Fixtures.clock, on: db)
            let (_, again) = try Workers.setAvailability(
                "010-1234-5678", days: Day("2026-12-05")!...Day("2026-12-07")!, off: true, center: nil,
                clock: Fixtures.clock, on: db)
            #expect(first && !again)
        }
    }
}
