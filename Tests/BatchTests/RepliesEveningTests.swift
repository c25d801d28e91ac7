import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// The evening as a whole: `batch replies` killed at many points, two at once, 200 notices answered, and the
/// time of 1,000 replies in one run.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesEveningTests {
    /// What the evening left: every worker's statuses, every reply's state, in a comparable form.
    static func endState(_ db: Connection) throws -> [String] {
        var rows = try db.query(
            """
            SELECT w.phone, string_agg(a.status || ':' || a.request_id, ',' ORDER BY a.id) AS s
            FROM workers w LEFT JOIN assignments a ON a.worker_id = w.id GROUP BY w.phone ORDER BY w.phone
            """
        ).map { "\(try $0.decode("phone", as: String.self)) \((try? $0.decode("s", as: String.self)) ?? "-")" }
        rows += try db.query("SELECT provider_id, state FROM sms_inbound ORDER BY provider_id").map {
            "\(try $0.decode("provider_id", as: String.self)) \(try $0.decode("state", as: String.self))"
        }
        return rows
    }

    /// A roster sent, with backfill on and `free` workers free that day; replies injected: `confirm` yes, then
    /// `decline` no, then 3 unclear, from the roster's workers in order.
    static func evening(
        _ db: Connection, _ url: String, _ provider: FakeSMSProvider, farms: Int, perFarm: Int, free: Int,
        confirm: Int, decline: Int, unclear: Int = 0
    ) throws -> Fixtures.Roster {
        let roster = try Fixtures.approvedRoster(on: db, farms: farms, perFarm: perFarm)
        _ = try RepliesTests.freeWorkers(db, center: roster.centerId, count: free)
        try db.query("UPDATE centers SET auto_backfill = true")
        let sent = try DayOfTests.send(url, provider)
        #expect(sent.status == 0, "\(sent)")
        let p = roster.workerPhones
        for i in 0..<confirm { provider.injectReply(from: p[i], body: i % 3 == 0 ? "네" : "1") }
        for i in confirm..<(confirm + decline) { provider.injectReply(from: p[i], body: i % 2 == 0 ? "2" : "못가요") }
        for i in (confirm + decline)..<(confirm + decline + unclear) {
            provider.injectReply(from: p[i], body: "몇 시까지요?")
        }
        return roster
    }

    @Test func killedAtManyPointsThenRerunGivesTheSameEndState() throws {
        // The reference: the same evening without a crash.
        let reference = try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            _ = try Self.evening(db, url, provider, farms: 4, perFarm: 5, free: 4, confirm: 12, decline: 5, unclear: 3)
            #expect(try RepliesTests.replies(url, provider).status == 1)
            return (try Self.endState(db), provider.sentCount)
        }
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Self.evening(
                db, url, provider, farms: 4, perFarm: 5, free: 4, confirm: 12, decline: 5, unclear: 3)
            let sentBefore = provider.sentCount
            // Steps: 1 page fetched · 2 page stored · 3 page fetched (empty) · 4 stored · then per reply: taken,
            // acted (uncommitted), committed · then the sends' own steps.
            var killed = 0
            for n in [1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8, 9, 10, 6, 11, 12, 13, 20, 30, 40, 60, 62, 63, 64, 70, 80] {
                let out = try RepliesTests.replies(url, provider, env: ["ILSON_TEST_CRASH_AFTER": String(n)])
                if out.killed { killed += 1 }
            }
            _ = try RepliesTests.replies(url, provider)
            _ = try DayOfTests.send(url, provider)  // anything a killed send left
            let final = try RepliesTests.replies(url, provider)
            #expect(final.status == 0 && final.stdout.contains("handled none"), "nothing left\n\(final)")
            #expect(killed >= 12, "\(killed) runs killed")
            #expect(try Self.endState(db) == reference.0, "the same end state as without a crash")
            // Each person told once per message: no key sent twice, and as many messages as without a crash.
            let byKey = Dictionary(grouping: provider.sentMessages, by: \.idempotencyKey).mapValues(\.count)
            #expect(byKey.values.allSatisfy { $0 == 1 })
            for phone in roster.workerPhones[12..<17] {
                #expect(try DayOfTests.status(db, phone: phone) == ["declined"])
                #expect(DayOfTests.kinds(provider, to: phone) == ["assignment": 1, "cancellation": 1])
            }
            print(
                "replies crash test: \(killed) runs killed by SIGKILL, then run to the end; "
                    + "\(provider.sentCount - sentBefore) messages after the notices (reference: \(reference.1 - sentBefore))"
            )
            #expect(provider.sentCount == reference.1)
        }
    }

    @Test func twoRunsAtOnceDoNotDoubleAct() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Self.evening(
                db, url, provider, farms: 10, perFarm: 10, free: 20, confirm: 80, decline: 20)
            let env = RepliesTests.env(url, provider)
            let a = try IlsonProcess(["batch", "replies"], environment: env)
            let b = try IlsonProcess(["batch", "replies"], environment: env)
            let (x, y) = (a.wait(), b.wait())
            #expect(x.status == 0 && y.status == 0, "\(x)\n\(y)")
            _ = try DayOfTests.send(url, provider)
            #expect(try RepliesTests.inboundStates(db) == ["confirmed": 80, "declined": 20])
            #expect(try RepliesTests.auditRows(db) == 80, "one confirmation each")
            #expect(try RepliesTests.auditRows(db, via: "batch replies (automatic backfill)") == 40)
            for phone in roster.workerPhones[80..<100] {
                #expect(DayOfTests.kinds(provider, to: phone) == ["assignment": 1, "cancellation": 1])
            }
            let substitutes = (1...20).map { String(format: "01099%06d", $0) }
            for phone in substitutes { #expect(DayOfTests.kinds(provider, to: phone) == ["assignment": 1]) }
            let byKey = Dictionary(grouping: provider.sentMessages, by: \.idempotencyKey).mapValues(\.count)
            #expect(byKey.values.allSatisfy { $0 == 1 })
            print("two batch replies at once:\n--- first\n\(x.stdout)--- second\n\(y.stdout)")
        }
    }

    /// 200 notices; 150 confirm, 20 decline (backfilled while free workers last), 30 stay silent: after the
    /// deadline, `roster calls` holds the 30, the replacements told after it, and every unfillable gap.
    @Test func theWholeEvening() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 40, perFarm: 5)
            try db.query("UPDATE labor_requests SET min_headcount = headcount")
            _ = try RepliesTests.freeWorkers(db, center: roster.centerId, count: 12)
            let settings = try RepliesTests.ilson(
                url, provider, ["replies", "settings", "--backfill", "on", "--deadline", "00:00"])
            #expect(settings.status == 0, "\(settings)")
            #expect(try DayOfTests.send(url, provider).status == 0)
            #expect(provider.sentMessages.filter { $0.kind == "assignment" }.count == 200)
            // The notices went out the evening before, before the deadline (today 00:00 in Seoul).
            try db.query("UPDATE sms_outbox SET sent_at = sent_at - interval '1 day' WHERE state = 'sent'")
            let p = roster.workerPhones
            // Confirmations, declines and silence spread over the farms: every 10th worker silent... in blocks.
            var confirms: [String] = []
            var declines: [String] = []
            var silent: [String] = []
            for (i, phone) in p.enumerated() {
                if i % 10 == 0 {
                    declines.append(phone)  // one on every other farm
                } else if (i % 10 == 1 || i % 10 == 2) && silent.count < 30 {
                    silent.append(phone)
                } else {
                    confirms.append(phone)
                }
            }
            #expect(declines.count == 20 && silent.count == 30 && confirms.count == 150)
            // Reordered, and a few said twice.
            for phone in confirms.reversed() { provider.injectReply(from: phone, body: "1") }
            for phone in declines { provider.injectReply(from: "+82" + phone.dropFirst(), body: "불참") }
            for phone in confirms.prefix(5) { provider.injectReply(from: phone, body: "네") }
            let started = Date()
            let out = try RepliesTests.replies(url, provider)
            let seconds = Date().timeIntervalSince(started)
            #expect(out.status == 0, "\(out)")
            #expect(try RepliesTests.inboundStates(db) == ["confirmed": 150, "declined": 20, "duplicate": 5])
            for phone in confirms { #expect(try DayOfTests.status(db, phone: phone) == ["confirmed"]) }
            for phone in declines {
                #expect(try DayOfTests.status(db, phone: phone) == ["declined"])
                #expect(DayOfTests.kinds(provider, to: phone) == ["assignment": 1, "cancellation": 1])
            }
            // 12 free workers filled 12 of the 20 gaps; 8 requests stay below their minimum.
            let replaced = try db.query(
                "SELECT count(*)::int AS n FROM assignments WHERE pinned AND status = 'approved'"
            ).first!.decode("n", as: Int.self)
            #expect(replaced == 12)
            let calls = try RepliesTests.ilson(url, provider, ["roster", "calls", "--date", RepliesTests.date])
            #expect(calls.status == 1, "gaps below minimum: exit 1\n\(calls)")
            let lines = calls.stdout.split(separator: "\n").map(String.init)
            let noAnswer = lines.filter { $0.contains("no answer by 00:00") }
            let late = lines.filter { $0.contains("told after the 00:00 deadline") }
            let gaps = lines.filter { $0.hasPrefix("  #") && $0.contains("minimum 5") }
            #expect(noAnswer.count == 30, "\(calls.stdout)")
            for phone in silent {
                let formatted = String(phone.prefix(3)) + "-" + phone.dropFirst(3).prefix(4) + "-" + phone.suffix(4)
                #expect(noAnswer.contains { $0.contains(formatted) }, "\(formatted)")
            }
            #expect(late.count == 12)
            #expect(gaps.count == 8, "\(calls.stdout)")
            #expect(calls.stdout.contains("\(30 + 12) call(s)"))
            print(
                "whole evening: 200 notices, 150 confirmations (+5 repeated), 20 declines (12 backfilled), 30 silent; "
                    + String(format: "batch replies %.2f s; ", seconds) + "roster calls: \(noAnswer.count) silent, "
                    + "\(late.count) replacements told after the deadline, \(gaps.count) requests below minimum")
        }
    }

    /// The time of `batch replies` for 1,000 replies in one run (980 confirmations, 20 declines without backfill;
    /// `ILSON_TEST_REPLIES_DECLINES=100` for a heavier evening), quoted in the report. A decline re-scores the
    /// day (the roster's stored outcome, the suggestions), so declines dominate the time.
    @Test func aThousandRepliesInOneRun() throws {
        let declines = ProcessInfo.processInfo.environment["ILSON_TEST_REPLIES_DECLINES"].flatMap { Int($0) } ?? 20
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 100, perFarm: 10)
            let sent = try DayOfTests.send(url, provider, ["--concurrency", "16", "--max-wait", "300"])
            #expect(sent.status == 0, "\(sent)")
            let every = 1_000 / max(1, min(declines, 1_000))
            var declined = 0
            for (i, phone) in roster.workerPhones.enumerated() {
                let no = i % every == every - 1 && declined < declines
                if no { declined += 1 }
                provider.injectReply(from: phone, body: no ? "2" : "1")
            }
            let started = Date()
            let out = try RepliesTests.replies(url, provider, ["--no-send"])
            let seconds = Date().timeIntervalSince(started)
            #expect(out.status == 0, "\(out)")
            var expected = ["confirmed": 1_000 - declined]
            if declined > 0 { expected["declined"] = declined }
            #expect(try RepliesTests.inboundStates(db) == expected)
            print(
                String(
                    format: "batch replies, 1,000 replies in one run (%d yes, %d no): %.2f s wall; ", 1_000 - declined,
                    declined, seconds)
                    + out.stdout.split(separator: "\n").first.map(String.init)!)
        }
    }
}
