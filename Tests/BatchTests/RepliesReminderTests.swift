import Foundation
import Messaging
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// The optional reminder (`replies settings --reminder on`): after the deadline, `batch replies` sends one SMS to each
/// worker told before the deadline who has not answered at all; never to one who answered (even unclearly), never
/// twice, not when the center has not turned it on; the silent stay on `roster calls`.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesReminderTests {
    /// Reminders the provider delivered, by recipient.
    static func reminders(_ provider: FakeSMSProvider) -> [String: Int] {
        var out: [String: Int] = [:]
        for m in provider.sentMessages where m.kind == "reminder" { out[m.to, default: 0] += 1 }
        return out
    }

    @Test func oneReminderToEachSilentWorkerOnlyWhenTurnedOn() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 3)
            let p = roster.workerPhones
            #expect(try RepliesTests.ilson(url, provider, ["replies", "settings", "--deadline", "00:00"]).status == 0)
            #expect(try DayOfTests.send(url, provider).status == 0)
            // The notices went out the evening before, before the deadline (today 00:00 in Seoul).
            try db.query("UPDATE sms_outbox SET sent_at = sent_at - interval '1 day' WHERE state = 'sent'")
            provider.injectReply(from: p[0], body: "1")
            provider.injectReply(from: p[1], body: "2")
            provider.injectReply(from: p[2], body: "몇 시까지요?")

            // Off by default: nobody is reminded.
            _ = try RepliesTests.replies(url, provider)
            #expect(Self.reminders(provider).isEmpty)

            let on = try RepliesTests.ilson(url, provider, ["replies", "settings", "--reminder", "on"])
            #expect(on.status == 0 && on.stdout.contains("reminder on"), "\(on)")
            let first = try RepliesTests.replies(url, provider)
            #expect(first.stderr.contains("3 reminder(s)") || first.stdout.contains("3 reminder(s)"), "\(first)")
            // The three who said nothing, once each; not the one who confirmed, declined or asked a question.
            #expect(Self.reminders(provider) == [p[3]: 1, p[4]: 1, p[5]: 1])
            let message = try #require(provider.sentMessages.first { $0.kind == "reminder" })
            #expect(message.body.hasSuffix("참석 1 / 불참 2"), "\(message.body)")
            #expect(message.body.contains(Fixtures.day.koreanWeekday))

            // Again, and two runs at once: still one each.
            let a = try IlsonProcess(["batch", "replies"], environment: RepliesTests.env(url, provider))
            let b = try IlsonProcess(["batch", "replies"], environment: RepliesTests.env(url, provider))
            _ = a.wait()
            _ = b.wait()
            #expect(Self.reminders(provider) == [p[3]: 1, p[4]: 1, p[5]: 1])
            let rows = try db.query("SELECT count(*)::int AS n FROM sms_outbox WHERE kind = 'reminder'").first!
                .decode("n", as: Int.self)
            #expect(rows == 3)

            // A reminded worker who answers now is confirmed as any other; the rest stay on the calls list.
            provider.injectReply(from: p[3], body: "네")
            _ = try RepliesTests.replies(url, provider)
            #expect(try DayOfTests.status(db, phone: p[3]) == ["confirmed"])
            let calls = try RepliesTests.ilson(url, provider, ["roster", "calls", "--date", RepliesTests.date])
            for phone in [p[4], p[5]] {
                let formatted = String(phone.prefix(3)) + "-" + phone.dropFirst(3).prefix(4) + "-" + phone.suffix(4)
                #expect(calls.stdout.contains(formatted), "\(calls.stdout)")
            }
        }
    }

    @Test func nobodyIsRemindedBeforeTheDeadline() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            _ = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 3)
            // Told just now, and the deadline is the evening before the work day (tomorrow): today 23:59.
            #expect(
                try RepliesTests.ilson(
                    url, provider, ["replies", "settings", "--deadline", "23:59", "--reminder", "on"]
                ).status == 0)
            #expect(try DayOfTests.send(url, provider).status == 0)
            _ = try RepliesTests.replies(url, provider, env: ["TZ": "Asia/Seoul"])
            let now = Calendar.current.dateComponents(in: TimeZone(identifier: "Asia/Seoul")!, from: Date())
            if now.hour == 23 && now.minute == 59 { return }  // the one minute the deadline has passed
            #expect(Self.reminders(provider).isEmpty)
        }
    }

    @Test func aReminderFitsOneSMSForUsualNames() throws {
        let notice = Messaging.ReminderNotice(
            centerName: "진천군농촌인력중개센터", workerPhone: "010-1234-5678", date: Day("2027-07-08")!,
            farmName: "이월 딸기하우스", start: TimeOfDay(hour: 6, minute: 0)!)
        let message = try Messaging.Reminders.compose(notice)
        #expect(message.type == .sms, "\(message.byteCount) bytes: \(message.body)")
        #expect(message.body.contains("7/8(목) 06:00 이월 딸기하우스"))
        #expect(message.to == "01012345678")
        #expect(throws: Messaging.ComposeError.self) {
            _ = try Messaging.Reminders.compose(
                Messaging.ReminderNotice(
                    centerName: "c", workerPhone: "12", date: Day("2027-07-08")!, farmName: "f",
                    start: TimeOfDay(hour: 6, minute: 0)!))
        }
    }
}
