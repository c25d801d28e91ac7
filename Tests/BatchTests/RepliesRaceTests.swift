import Foundation
import KoreanText
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// A carrier's repeat under another id, handled by two runs at the same moment: the run that waited for the other's
/// commit calls its reply a duplicate (nothing done twice), not a conflict for a person.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesRaceTests {
    @Test func aRepeatActedOnByAnotherRunMeanwhileIsADuplicate() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 2)
            #expect(try DayOfTests.send(url, provider).status == 0)
            let phone = roster.workerPhones[0]
            let assignment: Int64 = try db.query(
                "SELECT a.id FROM assignments a JOIN workers w ON w.id = a.worker_id WHERE w.phone = \(phone)"
            ).first!.decode("id")
            // The same answer twice, under two ids, as a carrier may deliver it (stored, not read yet).
            let ids: [Int64] = try ["race-1", "race-2"].map { id in
                try db.query(
                    """
                    INSERT INTO sms_inbound (provider_id, sender, sender_digits, body, via)
                    VALUES (\(id), \(phone), \(phone), '1', 'push') RETURNING id
                    """
                ).first!.decode("id")
            }
            // Another run holds the first and has acted on it, not committed yet.
            let other = try Connection(url)
            try other.query("BEGIN")
            try other.query("SELECT id FROM sms_inbound WHERE id = \(ids[0]) FOR UPDATE")
            try other.query("UPDATE assignments SET status = 'confirmed' WHERE id = \(assignment)")
            try other.query(
                """
                UPDATE sms_inbound SET state = 'confirmed', answer = 'confirm', assignment_id = \(assignment),
                       center_id = \(roster.centerId), handled_at = now()
                WHERE id = \(ids[0])
                """)
            // This run takes the second, and waits on the assignment the other run changed.
            let run = try IlsonProcess(["batch", "replies"], environment: RepliesTests.env(url, provider))
            Thread.sleep(forTimeInterval: 1.5)
            try other.query("COMMIT")
            let out = run.wait()
            #expect(out.status == 0, "\(out)")
            let states = try db.query("SELECT provider_id, state FROM sms_inbound ORDER BY provider_id").map {
                "\(try $0.decode("provider_id", as: String.self)) \(try $0.decode("state", as: String.self))"
            }
            #expect(states == ["race-1 confirmed", "race-2 duplicate"])
            #expect(try DayOfTests.status(db, phone: phone) == ["confirmed"])
        }
    }
}

/// One notice lists every job of a worker's day (two half days): one SMS answer confirms or declines each of them.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesTwoJobsTests {
    @Test func oneAnswerCoversEveryJobOfTheNotice() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            let p = roster.workerPhones
            // The first farm's job becomes a morning, the second's an afternoon; its first two workers take both.
            let requests: [Int64] = try db.query(
                "SELECT id FROM labor_requests WHERE center_id = \(roster.centerId) ORDER BY id"
            ).map { try $0.decode("id") }
            try db.query("UPDATE labor_requests SET end_time = '11:00' WHERE id = \(requests[0])")
            try db.query("UPDATE labor_requests SET start_time = '13:00', headcount = 4 WHERE id = \(requests[1])")
            try db.query(
                """
                INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date, status)
                SELECT a.center_id, a.roster_id, \(requests[1]), a.worker_id, a.work_date, 'approved'
                FROM assignments a WHERE a.request_id = \(requests[0])
                """)
            #expect(try DayOfTests.send(url, provider).status == 0)
            // One notice each, however many jobs.
            #expect(DayOfTests.kinds(provider, to: p[0]) == ["assignment": 1])
            provider.injectReply(from: p[0], body: "1")
            provider.injectReply(from: p[1], body: "못가요")
            let out = try RepliesTests.replies(url, provider)
            #expect(out.status == 0, "\(out)")
            #expect(try RepliesTests.inboundStates(db) == ["confirmed": 1, "declined": 1])
            #expect(try DayOfTests.status(db, phone: p[0]) == ["confirmed", "confirmed"])
            #expect(try DayOfTests.status(db, phone: p[1]) == ["declined", "declined"])
            // The others keep their one job, untouched.
            #expect(try DayOfTests.status(db, phone: p[2]) == ["approved"])
            // The farmers' updated lists tell the truth: the worker who confirmed is marked so.
            let shown = Phone.format(p[0])
            let updated = provider.sentMessages.filter { $0.kind == "change" && $0.body.contains(shown) }
            #expect(!updated.isEmpty && updated.allSatisfy { $0.body.contains("\(shown) 참석확인") }, "\(updated)")
            #expect(!updated.contains { $0.body.contains(Phone.format(p[1])) })
        }
    }
}
