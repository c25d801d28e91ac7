import Foundation
import KoreanText
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// `batch send` through the real binary, over loopback HTTP to the fake provider.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct BatchSendTests {
    static var date: String { Fixtures.day.description }

    @Test func sendsEveryMessageOnceAndListsWorkersToCall() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 4, perFarm: 5, noConsentEvery: 7)
            let env = IlsonProcess.environment(url: url, provider: provider)
            let first = try IlsonProcess.run(["batch", "send", "--date", Self.date], environment: env)
            #expect(first.status == 0, "\(first)")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            #expect(provider.sentCount == roster.expectedMessages)
            // Workers without consent are named (masked) for a call, never messaged.
            #expect(first.stdout.contains("CALL (no SMS consent) worker \(roster.unconsented[0])"))
            #expect(!first.stdout.contains(roster.workerPhones[6]))
            let kinds = Dictionary(grouping: provider.sentMessages, by: \.kind).mapValues(\.count)
            #expect(kinds == ["assignment": roster.messaged, "farmer_list": roster.farms])
            let sample = try #require(provider.sentMessages.first { $0.kind == "assignment" })
            #expect(sample.body.contains("햇살딸기농장") && sample.body.contains("13만원"))
            #expect(sample.from == "0435391234")
            // A second run sends nothing again.
            let again = try IlsonProcess.run(["batch", "send", "--date", Self.date], environment: env)
            #expect(again.status == 0, "\(again)")
            #expect(provider.requestCount == roster.expectedMessages)
            let runs = try BatchRunStore.runs(job: .send, date: Fixtures.day, on: db)
            #expect(runs.first?.outcome == .done)
            // roster calls shows the full number.
            let calls = try IlsonProcess.run(["roster", "calls", "--date", Self.date], environment: env)
            #expect(calls.status == 0 && calls.stdout.contains("010-2100-0007"), "\(calls)")
        }
    }

    @Test func draftRosterIsReportedNotSent() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            try Fixtures.approvedRoster(on: db, code: "JC", n: 1, farms: 1, perFarm: 2)
            let draft = try Fixtures.approvedRoster(on: db, code: "EU", n: 2, farms: 1, perFarm: 2, state: "draft")
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Self.date],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 1, "\(out)")
            #expect(out.stdout.contains("EU") && out.stdout.contains("DRAFT"))
            #expect(try Fixtures.rosterState(draft.rosterId, on: db) == "draft")
            #expect(provider.sentCount == 3)
        }
    }

    @Test func providerDownThenRecovers() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 3, perFarm: 5)
            provider.fail(forSeconds: 1.5, status: 500)
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Self.date, "--retry-base", "0.3", "--max-wait", "30"],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 0, "\(out)")
            #expect(provider.sentCount == roster.expectedMessages)
            let rows = try Fixtures.outbox(roster.rosterId, on: db)
            #expect(rows.values.allSatisfy { $0.state == "sent" })
            #expect(rows.values.contains { $0.attempts > 1 }, "attempts are recorded")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }

    @Test func rejectedMessageFailsTheRestAreSent() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 4)
            provider.reject(recipient: roster.workerPhones[2], status: 400, reason: "blocked number")
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Self.date],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 1, "\(out)")
            #expect(out.stdout.contains("FAILED assignment") && out.stdout.contains("blocked number"))
            #expect(!out.stdout.contains(roster.workerPhones[2]), "phones are masked")
            let failed = try db.query("SELECT last_error FROM sms_outbox WHERE state = 'failed'")
            #expect(failed.count == 1)
            #expect(try failed.first?.decode("last_error", as: String.self).contains("blocked number") == true)
            #expect(provider.sentCount == roster.expectedMessages - 1)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent", "every message is final")
        }
    }

    @Test func twoProcessesAtOnceShareTheCenters() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            var expected = 0
            for (i, code) in ["AA", "BB", "CC", "DD"].enumerated() {
                expected += try Fixtures.approvedRoster(on: db, code: code, n: i + 1, farms: 3, perFarm: 6)
                    .expectedMessages
            }
            provider.delayResponses(by: 0.01)
            let env = IlsonProcess.environment(url: url, provider: provider)
            let a = try IlsonProcess(["batch", "send", "--date", Self.date, "--concurrency", "2"], environment: env)
            let b = try IlsonProcess(["batch", "send", "--date", Self.date, "--concurrency", "2"], environment: env)
            let (ra, rb) = (a.wait(), b.wait())
            #expect(ra.status == 0, "\(ra)")
            #expect(rb.status == 0, "\(rb)")
            #expect(provider.sentCount == expected)
            #expect(provider.requestCount == expected, "no message was sent twice, even de-duplicated")
            let runs = try BatchRunStore.runs(job: .send, date: Fixtures.day, on: db)
            let worked = Dictionary(grouping: runs.filter { $0.outcome == .done }, by: \.centerId)
            #expect(worked.count == 4 && worked.values.allSatisfy { $0.count == 1 }, "each center worked by one run")
            let marker = "skipped: another batch send is working on this center"
            let skipped = (ra.stdout + rb.stdout).components(separatedBy: marker).count - 1
            #expect(skipped == runs.filter { $0.outcome == .skipped }.count)
        }
    }

    @Test func cancelWhileSendingDeliversNothingOfItAfterTheCommit() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 10, perFarm: 10)
            provider.delayResponses(by: 0.02)
            let env = IlsonProcess.environment(url: url, provider: provider)
            let send = try IlsonProcess(
                ["batch", "send", "--date", Self.date, "--concurrency", "2", "--chunk-size", "10"], environment: env)
            // Cancel once some messages went out.
            let deadline = Date().addingTimeInterval(20)
            while provider.sentCount < 15 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            let cancel = try IlsonProcess.run(
                ["roster", "cancel", "--date", Self.date, "--reason", "우천"], environment: env)
            #expect(cancel.status == 0, "\(cancel)")
            let sentAtCancel = Set(provider.sentMessages.map(\.idempotencyKey))
            let first = send.wait()
            #expect(first.status == 0 || first.status == 1, "\(first)")
            // Deliver the notices.
            let notices = try IlsonProcess.run(["batch", "send", "--date", Self.date], environment: env)
            #expect(notices.status == 0, "\(notices)")
            let rows = try Fixtures.outbox(roster.rosterId, on: db)
            let delivered = provider.sentMessages
            for m in delivered where m.kind != "cancellation" {
                #expect(sentAtCancel.contains(m.idempotencyKey), "delivered after the cancel committed")
                #expect(rows[m.idempotencyKey]?.state == "sent")
            }
            #expect(rows.values.contains { $0.state == "withdrawn" })
            #expect(!delivered.contains { rows[$0.idempotencyKey]?.state == "withdrawn" })
            // Everyone told gets one cancellation notice.
            let told = Set(delivered.filter { $0.kind != "cancellation" }.map(\.to))
            let cancelled = delivered.filter { $0.kind == "cancellation" }.map(\.to)
            #expect(Set(cancelled) == told && cancelled.count == told.count)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "cancelled")
            #expect(
                cancelled.first.flatMap { to in delivered.first { $0.to == to && $0.kind == "cancellation" } }?
                    .body.contains("우천") == true)
        }
    }
}

/// What the outbox stores: byte counts as carriers count them, long lists in numbered LMS parts.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct OutboxContentTests {
    @Test func longFarmerListGoesInNumberedPartsAndBytesAreStored() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 90)
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Fixtures.day.description],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 0, "\(out)")
            let lists = provider.sentMessages.filter { $0.kind == "farmer_list" }
            #expect(lists.count >= 2 && lists.allSatisfy { $0.type == "LMS" })
            #expect(lists.contains { $0.body.hasPrefix("(1/\(lists.count)) ") })
            // Every worker is on the list, none cut.
            let listed = lists.map(\.body).joined(separator: "\n")
            #expect((1...90).allSatisfy { listed.contains("김똠\($0) ") })
            for row in try db.query(
                "SELECT body, type, byte_count FROM sms_outbox WHERE roster_id = \(roster.rosterId)")
            {
                let body: String = try row.decode("body")
                let bytes: Int = try row.decode("byte_count")
                #expect(CP949.byteCount(body) == bytes)
                #expect(bytes <= (try row.decode("type", as: String.self) == "SMS" ? 90 : 2_000))
            }
            // The table refuses an SMS over 90 bytes, whatever wrote it.
            #expect(throws: PostgresError.self) {
                try db.query(
                    """
                    INSERT INTO sms_outbox (center_id, roster_id, work_date, recipient, recipient_role, recipient_id,
                                            kind, type, body, byte_count)
                    SELECT center_id, id, work_date, '01012345678', 'worker', 1, 'change', 'SMS', 'x', 91
                    FROM rosters WHERE id = \(roster.rosterId)
                    """)
            }
        }
    }
}

/// One message that cannot be composed stops nothing else: it is recorded as failed with its reason, the rest of
/// its center and every other center go out, the runs end, exit 1, and `roster calls` names the person to phone.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct UncomposableMessageTests {
    /// A task of 40 characters (the longest a request may hold) and a center's own template that repeats it 40
    /// times on one line: 3,200 bytes, over what an LMS part carries. Stored as psql (or an older ilson) could.
    static let longTask = String(repeating: "딸기수확과포장", count: 6).prefix(40).description
    static let template = "{센터} {이름}님\n" + String(repeating: "{작업}", count: 40)

    @Test func oneUncomposableMessageFailsAloneAcrossTwoCenters() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let a = try Fixtures.approvedRoster(
                on: db, code: "AA", n: 1, farms: 3, perFarm: 2, task: { $0 == 0 ? Self.longTask : "딸기 수확" })
            let b = try Fixtures.approvedRoster(on: db, code: "BB", n: 2, farms: 2, perFarm: 3)
            try db.query(
                """
                INSERT INTO message_templates (center_id, slot, body) VALUES (\(a.centerId), 'assignment', \(Self.template))
                """)
            let date = Fixtures.day.description
            let env = IlsonProcess.environment(url: url, provider: provider)
            let out = try IlsonProcess.run(["batch", "send", "--date", date], environment: env)
            #expect(out.status == 1, "\(out)")
            #expect(out.stdout.contains("could not be composed"), "\(out)")
            #expect(out.stdout.contains("FAILED assignment"), "\(out)")
            #expect(!out.stdout.contains(a.workerPhones[0]), "phones are masked")

            // Center A: the two workers of the long task fail; its other workers and every list go out.
            let failed = try db.query(
                "SELECT recipient, last_error, body FROM sms_outbox WHERE roster_id = \(a.rosterId) AND state = 'failed'"
            )
            #expect(Set(try failed.map { try $0.decode("recipient", as: String.self) }) == Set(a.workerPhones[0...1]))
            for row in failed {
                let reason: String = try row.decode("last_error")
                #expect(reason.contains("cannot compose") && reason.contains("bytes"), "\(reason)")
                #expect(try row.decode("body", as: String.self) == "")
            }
            let sentA = provider.sentMessages.filter { $0.center == "AA" }
            #expect(sentA.count == a.expectedMessages - 2)
            #expect(Set(sentA.filter { $0.kind == "assignment" }.map(\.to)) == Set(a.workerPhones[2...]))
            // Center B: everything.
            #expect(provider.sentMessages.filter { $0.center == "BB" }.count == b.expectedMessages)
            #expect(provider.sentCount == a.expectedMessages - 2 + b.expectedMessages)
            // Both rosters sent (every message final), both runs finished.
            #expect(try Fixtures.rosterState(a.rosterId, on: db) == "sent")
            #expect(try Fixtures.rosterState(b.rosterId, on: db) == "sent")
            let runs = try BatchRunStore.runs(job: .send, date: Fixtures.day, on: db)
            let byCenter = Dictionary(grouping: runs, by: \.centerId)
            #expect(byCenter[a.centerId]?.map(\.outcome) == [.partial])
            #expect(byCenter[b.centerId]?.map(\.outcome) == [.done])
            #expect(!runs.contains { $0.outcome == .running })

            // The coordinator's list names whom to phone, with the reason.
            let calls = try IlsonProcess.run(["roster", "calls", "--date", date, "--center", "AA"], environment: env)
            #expect(calls.status == 0, "\(calls)")
            #expect(calls.stdout.contains(Phone.format(a.workerPhones[0])), "\(calls)")
            #expect(calls.stdout.contains("cannot compose"), "\(calls)")
            // A second run sends nothing again and composes nothing again.
            let again = try IlsonProcess.run(["batch", "send", "--date", date], environment: env)
            #expect(again.status == 1, "the failures still need a person: \(again)")
            #expect(provider.requestCount == provider.sentCount)
            #expect(try db.query("SELECT 1 FROM sms_outbox").count == a.expectedMessages + b.expectedMessages)
        }
    }

    /// A center whose send cannot even start (its stored template no longer parses) is reported and its run
    /// recorded as failed; the other center's messages all go out; exit 1.
    @Test func oneCentersErrorLeavesTheOthersToGoOn() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let a = try Fixtures.approvedRoster(on: db, code: "AA", n: 1, farms: 1, perFarm: 2)
            let b = try Fixtures.approvedRoster(on: db, code: "BB", n: 2, farms: 2, perFarm: 2)
            try db.query(
                """
                INSERT INTO message_templates (center_id, slot, body) VALUES (\(a.centerId), 'assignment', '{없는자리}')
                """)
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Fixtures.day.description],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 1, "\(out)")
            #expect(out.stdout.contains("AA AA 농촌인력중개센터") && out.stdout.contains("FAILED: "), "\(out)")
            #expect(out.stdout.contains("template"), "\(out)")
            #expect(provider.sentCount == b.expectedMessages)
            #expect(try Fixtures.rosterState(a.rosterId, on: db) == "approved", "nothing of A was written")
            #expect(try Fixtures.rosterState(b.rosterId, on: db) == "sent")
            let runs = try BatchRunStore.runs(job: .send, date: Fixtures.day, on: db)
            let byCenter = Dictionary(grouping: runs, by: \.centerId)
            #expect(byCenter[a.centerId]?.map(\.outcome) == [.failed])
            #expect(byCenter[a.centerId]?.first?.message?.contains("template") == true)
            #expect(byCenter[b.centerId]?.map(\.outcome) == [.done])
        }
    }

    /// The outbox holds an uncomposed message only as failed with a reason: never pending, so never sent.
    @Test func uncomposedRowsAreFailedWithAReason() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let a = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 1)
            func insert(state: String, reason: String?) throws {
                try db.query(
                    """
                    INSERT INTO sms_outbox (center_id, roster_id, work_date, recipient, recipient_role, recipient_id,
                                            kind, type, body, byte_count, state, last_error)
                    SELECT center_id, id, work_date, '01012345678', 'worker', 1, 'assignment', NULL, '', 0, \(state),
                           \(reason)
                    FROM rosters WHERE id = \(a.rosterId)
                    """)
            }
            #expect(throws: PostgresError.self) { try insert(state: "pending", reason: "x") }
            #expect(throws: PostgresError.self) { try insert(state: "failed", reason: nil) }
            try insert(state: "failed", reason: "cannot compose")
        }
    }
}
