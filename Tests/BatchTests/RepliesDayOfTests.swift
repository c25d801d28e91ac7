import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// The day-of fixes the SMS trial asked for: a gap on a sent roster filled with `roster assign` (the notice queued),
/// `roster decline` then `roster replace --best` for the same worker, and the sentences that refuse.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesDayOfTests {
    @Test func assignOnASentRosterQueuesTheNoticeAndTheFarmersList() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            let free = try RepliesTests.freeWorkers(db, center: roster.centerId, count: 1)[0]
            #expect(try DayOfTests.send(url, provider).status == 0)
            let center = try Centers.resolve("JC", on: db)
            let leaving = roster.workerPhones[0]
            let request = try DayOfTests.requestOf(db, phone: leaving)
            // A full request has no gap: refused, with the reason.
            do {
                _ = try RosterEditor.assign(
                    center: center, date: Fixtures.day, request: request, worker: .phone(free), on: db,
                    clock: DayOfTests.clock)
                Issue.record("a full request must refuse")
            } catch let error as OperationError {
                #expect(error.description.contains("already has its 2 worker(s), so there is no gap to fill"))
            }
            _ = try RosterDecline.decline(
                center: center, date: Fixtures.day, worker: .phone(leaving), reason: "병가", on: db,
                clock: DayOfTests.clock)
            // Declining again points to the right command.
            do {
                _ = try RosterDecline.decline(
                    center: center, date: Fixtures.day, worker: .phone(leaving), reason: nil, on: db,
                    clock: DayOfTests.clock)
                Issue.record("a second decline must refuse")
            } catch let error as OperationError {
                #expect(error.description.contains("already declined their assignment"))
                #expect(error.description.contains("ilson roster replace --date \(Fixtures.day)"))
            }
            // Someone already placed is refused.
            #expect(throws: OperationError.self) {
                try RosterEditor.assign(
                    center: center, date: Fixtures.day, request: request, worker: .phone(roster.workerPhones[2]),
                    on: db, clock: DayOfTests.clock)
            }
            let out = try RosterEditor.assign(
                center: center, date: Fixtures.day, request: request, worker: .phone(free), on: db,
                clock: DayOfTests.clock)
            #expect(out.lines.contains { $0.hasPrefix("queued assignment → worker 이햏1") }, "\(out.lines)")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sending")
            #expect(try DayOfTests.status(db, phone: free) == ["approved"])
            #expect(try DayOfTests.send(url, provider).status == 0)
            #expect(DayOfTests.kinds(provider, to: free) == ["assignment": 1])
            let farmer = try DayOfTests.farmerPhone(db, request: request)
            // The decline's list and the assign's: the undelivered first one withdrawn, one change delivered.
            #expect(DayOfTests.kinds(provider, to: farmer) == ["farmer_list": 1, "change": 1])
            let change = try #require(provider.sentMessages.first { $0.to == farmer && $0.kind == "change" })
            #expect(change.body.contains("이햏1") && !change.body.contains("김똠1 "))
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }

    @Test func declineThenReplaceBestForTheSameWorker() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 3)
            _ = try RepliesTests.freeWorkers(db, center: roster.centerId, count: 2)
            #expect(try DayOfTests.send(url, provider).status == 0)
            let date = Fixtures.day.description
            let leaving = roster.workerPhones[1]
            let decline = try RepliesTests.ilson(
                url, provider, ["roster", "decline", "--date", date, "--worker", leaving, "--reason", "병가"])
            #expect(decline.status == 0, "\(decline)")
            #expect(decline.stdout.contains("이햏1"), "the free worker is suggested\n\(decline)")
            let replace = try RepliesTests.ilson(
                url, provider, ["roster", "replace", "--date", date, "--worker", leaving, "--best"])
            #expect(replace.status == 0, "\(replace)")
            #expect(replace.stdout.contains("pinned 이햏1"), "\(replace)")
            #expect(!replace.stdout.contains("declined r"), "nobody released twice\n\(replace)")
            #expect(try DayOfTests.send(url, provider).status == 0)
            #expect(DayOfTests.kinds(provider, to: leaving) == ["assignment": 1, "cancellation": 1])
            #expect(DayOfTests.kinds(provider, to: "01099000001") == ["assignment": 1])
            // A worker who never had an assignment: a sentence that says so.
            let nobody = try RepliesTests.ilson(
                url, provider, ["roster", "replace", "--date", date, "--worker", "01099000002", "--best"])
            #expect(nobody.status == 2 && nobody.stderr.contains("so there is nobody to replace"), "\(nobody)")
            let refused = try RepliesTests.ilson(
                url, provider,
                ["roster", "unassign", "--date", date, "--request", "1", "--worker", roster.workerPhones[0]])
            #expect(refused.status == 4, "\(refused)")
            #expect(
                refused.stderr.contains(
                    "is sent (its messages are out), so it cannot be changed as a draft: use ilson roster decline"),
                "\(refused)")
        }
    }
}
