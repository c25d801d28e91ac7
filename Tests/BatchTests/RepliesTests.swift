import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// `batch replies` through the real binary, against real PostgreSQL and the fake provider: every answer form, repeats
/// and reordering acted on once, a decline backfilled (one cancellation, one notice, one updated list), replies that
/// are late or from unknown numbers kept for a person, crashes and two runs at once.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesTests {
    static var date: String { Fixtures.day.description }

    static func env(_ url: String, _ provider: FakeSMSProvider, _ extra: [String: String] = [:]) -> [String: String] {
        IlsonProcess.environment(url: url, provider: provider, extra: extra)
    }

    /// `ilson batch replies` (with its arguments) to the end.
    @discardableResult
    static func replies(
        _ url: String, _ provider: FakeSMSProvider, _ args: [String] = [], env extra: [String: String] = [:]
    ) throws -> IlsonProcess.Outcome {
        try IlsonProcess.run(["batch", "replies"] + args, environment: env(url, provider, extra))
    }

    static func ilson(_ url: String, _ provider: FakeSMSProvider, _ args: [String]) throws -> IlsonProcess.Outcome {
        try IlsonProcess.run(args, environment: env(url, provider))
    }

    /// Reply states, counted.
    static func inboundStates(_ db: Connection) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try db.query("SELECT state, count(*)::int AS n FROM sms_inbound GROUP BY state") {
            out[try row.decode("state")] = try row.decode("n")
        }
        return out
    }

    /// A worker's assignment statuses of the day, oldest first.
    static func status(_ db: Connection, _ phone: String) throws -> [String] { try DayOfTests.status(db, phone: phone) }

    /// The audit rows `batch replies` wrote for assignments.
    static func auditRows(_ db: Connection, via: String = "batch replies") throws -> Int {
        try db.query("SELECT count(*)::int AS n FROM audit_log WHERE via = \(via) AND entity = 'assignment'").first!
            .decode("n")
    }

    static func freeWorkers(_ db: Connection, center: Int64, count: Int, from: Int = 1) throws -> [String] {
        try (0..<count).map { i in
            let phone = String(format: "01099%06d", from + i)
            _ = try DayOfTests.freeWorker(db, center: center, phone: phone, name: "이햏\(from + i)")
            return phone
        }
    }

    @Test func everyAnswerFormIsReadAndTheNoticeAsksForIt() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let confirms = ["1", "예", "네", "ㅇㅇ", "참석", "갑니다", " 네! ", "참석.", "１"]
            let declines = ["2", "아니오", "못가요", "불참", "취소", "못 가요.", "2!!"]
            let roster = try Fixtures.approvedRoster(on: db, farms: 4, perFarm: 5)
            #expect(try DayOfTests.send(url, provider).status == 0)
            // The notice ends with the prompt (center default: on, 21:00).
            let notice = try #require(provider.sentMessages.first { $0.kind == "assignment" })
            #expect(notice.body.hasSuffix("\n회신: 참석 1 / 불참 2 (21:00까지)"), "\(notice.body)")
            let phones = roster.workerPhones
            for (i, body) in confirms.enumerated() {
                // One through +82, as carriers give it.
                provider.injectReply(from: i == 0 ? "+82" + phones[i].dropFirst() : phones[i], body: body)
            }
            for (i, body) in declines.enumerated() { provider.injectReply(from: phones[9 + i], body: body) }
            provider.injectReply(from: phones[16], body: "내일 30분 늦어요")
            provider.injectReply(from: "01055550000", body: "1")
            let out = try Self.replies(url, provider)
            #expect(out.status == 1, "replies for a person: exit 1\n\(out)")
            for i in 0..<confirms.count { #expect(try Self.status(db, phones[i]) == ["confirmed"], "\(confirms[i])") }
            for i in 0..<declines.count {
                #expect(try Self.status(db, phones[9 + i]) == ["declined"], "\(declines[i])")
            }
            #expect(try Self.status(db, phones[16]) == ["approved"], "never guessed")
            #expect(
                try Self.inboundStates(db) == [
                    "confirmed": confirms.count, "declined": declines.count, "unclear": 1, "unknown": 1,
                ])
            // Again: nothing new, nothing done twice.
            let again = try Self.replies(url, provider)
            #expect(again.status == 0, "\(again)")
            #expect(try Self.auditRows(db) == confirms.count + declines.count)
            // The coordinator's list holds the two it could not act on, with the text.
            let calls = try Self.ilson(url, provider, ["roster", "calls", "--date", Self.date])
            #expect(calls.stdout.contains("내일 30분 늦어요") && calls.stdout.contains("unclear"), "\(calls)")
            #expect(calls.stdout.contains("(unknown number)") && calls.stdout.contains("010-5555-0000"), "\(calls)")
            // roster show marks the confirmed.
            let show = try Self.ilson(url, provider, ["roster", "show", "--date", Self.date, "--lang", "ko"])
            #expect(show.stdout.components(separatedBy: "참석확인").count - 1 == confirms.count, "\(show)")
        }
    }

    @Test func repeatedAndReorderedRepliesAreActedOnOnce() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 4)
            #expect(try DayOfTests.send(url, provider).status == 0)
            let p = roster.workerPhones
            let first = provider.injectReply(from: p[1], body: "2")
            provider.injectReply(from: p[0], body: "1")
            provider.injectDuplicate(of: first)  // the carrier delivers it twice, under two ids
            provider.injectReply(from: p[1], body: "불참")  // and they say it again
            provider.injectReply(from: "+82" + p[0].dropFirst(), body: "네")
            provider.injectReply(from: p[2], body: "1")
            provider.repeatInbound(1)  // every page starts one reply back
            let out = try Self.replies(url, provider, ["--page-size", "2"])
            #expect(out.status == 0, "\(out)")
            #expect(try db.query("SELECT count(*)::int AS n FROM sms_inbound").first!.decode("n", as: Int.self) == 6)
            #expect(try Self.inboundStates(db) == ["confirmed": 2, "declined": 1, "duplicate": 3])
            #expect(try Self.status(db, p[0]) == ["confirmed"])
            #expect(try Self.status(db, p[1]) == ["declined"])
            #expect(try Self.auditRows(db) == 3)
            // One cancellation to the decliner, one updated list to the farmer.
            #expect(DayOfTests.kinds(provider, to: p[1]) == ["assignment": 1, "cancellation": 1])
            let farmer = try DayOfTests.farmerPhone(db, request: try DayOfTests.requestOf(db, phone: p[0]))
            #expect(DayOfTests.kinds(provider, to: farmer) == ["farmer_list": 1, "change": 1])
            // The cursor moved to the end: a new reply is the only one fetched next time.
            provider.repeatInbound(0)
            provider.injectReply(from: p[3], body: "ㅇㅇ")
            let next = try Self.replies(url, provider)
            #expect(next.stdout.contains("1 fetched, 1 new stored"), "\(next)")
            #expect(try Self.status(db, p[3]) == ["confirmed"])
            // Told it is off, they say no again: nothing more; a yes now is for a person.
            provider.injectReply(from: p[1], body: "취소")
            provider.injectReply(from: p[1], body: "1")
            #expect(try Self.replies(url, provider).status == 1)
            #expect(try Self.inboundStates(db) == ["confirmed": 3, "declined": 1, "duplicate": 4, "conflict": 1])
            #expect(try Self.status(db, p[1]) == ["declined"])
        }
    }

    @Test func aDeclineWithBackfillTellsEachPersonOnce() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            let substitute = try Self.freeWorkers(db, center: roster.centerId, count: 1)[0]
            let settings = try Self.ilson(url, provider, ["replies", "settings", "--backfill", "on"])
            #expect(settings.stdout.contains("automatic backfill on"), "\(settings)")
            #expect(try DayOfTests.send(url, provider).status == 0)
            let leaving = roster.workerPhones[0]
            let request = try DayOfTests.requestOf(db, phone: leaving)
            provider.injectReply(from: leaving, body: "못 가요")
            let out = try Self.replies(url, provider)
            #expect(out.status == 0, "\(out)")
            #expect(try Self.status(db, leaving) == ["declined"])
            #expect(try DayOfTests.requestOf(db, phone: substitute) == request)
            #expect(DayOfTests.kinds(provider, to: leaving) == ["assignment": 1, "cancellation": 1])
            #expect(DayOfTests.kinds(provider, to: substitute) == ["assignment": 1])
            let farmer = try DayOfTests.farmerPhone(db, request: request)
            #expect(DayOfTests.kinds(provider, to: farmer) == ["farmer_list": 1, "change": 1])
            let change = try #require(provider.sentMessages.first { $0.to == farmer && $0.kind == "change" })
            #expect(change.body.contains("이햏1") && !change.body.contains("김똠1 "))
            // The replacement is asked to answer too.
            let told = try #require(provider.sentMessages.first { $0.to == substitute })
            #expect(told.body.contains("회신: 참석 1 / 불참 2"))
            // Nobody else heard anything new.
            for phone in roster.workerPhones.dropFirst() {
                #expect(DayOfTests.kinds(provider, to: phone) == ["assignment": 1])
            }
            #expect(try Self.auditRows(db, via: "batch replies (automatic backfill)") == 2, "the decline and the pin")
            let show = try Self.ilson(url, provider, ["roster", "show", "--date", Self.date])
            #expect(show.stdout.contains("automatic backfill: pinned 이햏1"), "\(show)")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }

    @Test func aDeclineWithoutBackfillWaitsWithSuggestionsAndFlagsTheGap() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 2)
            try db.query("UPDATE labor_requests SET min_headcount = headcount")
            _ = try Self.freeWorkers(db, center: roster.centerId, count: 1)
            #expect(try DayOfTests.send(url, provider).status == 0)
            provider.injectReply(from: roster.workerPhones[0], body: "2")
            #expect(try Self.replies(url, provider).status == 0)
            let note: String = try db.query("SELECT note FROM sms_inbound").first!.decode("note")
            // Stored as a code and its values: each coordinator reads it in their own language.
            #expect(note.contains("replyWaiting") && note.contains("이햏1"), "\(note)")
            for (language, words) in [("en", "waiting for the coordinator"), ("ko", "담당자 확인 필요")] {
                let list = try Self.ilson(
                    url, provider, ["replies", "list", "--date", Self.date, "--all", "--lang", language])
                #expect(list.status == 0 && list.stdout.contains(words) && list.stdout.contains("이햏1"), "\(list)")
                #expect(!list.stdout.contains("replyWaiting"), "\(list)")
            }
            // Below its minimum: flagged by roster calls and roster show, exit 1.
            let calls = try Self.ilson(url, provider, ["roster", "calls", "--date", Self.date])
            #expect(calls.status == 1 && calls.stdout.contains("BELOW MINIMUM"), "\(calls)")
            let show = try Self.ilson(url, provider, ["roster", "show", "--date", Self.date])
            #expect(show.status == 1 && show.stdout.contains("1 of 2, minimum 2"), "\(show)")
            // The README's sequence: roster decline was done (by SMS); roster replace --best fills the gap.
            let fill = try Self.ilson(
                url, provider, ["roster", "replace", "--date", Self.date, "--worker", roster.workerPhones[0], "--best"])
            #expect(fill.status == 0, "\(fill)")
            #expect(fill.stdout.contains("pinned 이햏1"), "\(fill)")
            #expect(try Self.ilson(url, provider, ["roster", "calls", "--date", Self.date]).status == 0)
        }
    }

    @Test func lateAndUnknownRepliesAreStoredAndListedNeverActedOn() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 3)
            #expect(try DayOfTests.send(url, provider).status == 0)
            let p = roster.workerPhones
            // After the day: nothing is acted on.
            provider.injectReply(from: p[0], body: "2")
            let past = try Self.replies(url, provider, env: ["ILSON_TODAY": Fixtures.day.next.description])
            #expect(past.status == 1, "\(past)")
            #expect(try Self.status(db, p[0]) == ["approved"])
            // The roster cancelled: the same.
            try db.query(
                "UPDATE rosters SET state = 'cancelled', cancelled_at = now() WHERE id = \(roster.rosterId)")
            provider.injectReply(from: p[1], body: "1")
            provider.injectReply(from: "01077770000", body: "네")
            #expect(try Self.replies(url, provider).status == 1)
            #expect(try Self.status(db, p[1]) == ["approved"])
            #expect(try Self.inboundStates(db) == ["late": 2, "unknown": 1])
            let list = try Self.ilson(url, provider, ["replies", "list", "--date", Self.date])
            #expect(list.stdout.contains("3 reply(ies)"), "\(list)")
            #expect(list.stdout.contains("010-****-0000") && !list.stdout.contains("01077770000"), "masked: \(list)")
            #expect(list.stdout.contains("cancelled") && list.stdout.contains("has passed"), "\(list)")
            #expect(try Self.auditRows(db) == 0)
        }
    }
}
