import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing
import Vocabulary

/// The farmer's list is one message per farm and day, naming every request of the farm that day; a day-of change
/// to one of them sends the farm's list again (once), and exactly-once still holds over re-runs.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct FarmDayListTests {
    static var clock: IlsonClock { (try? IlsonClock.current()) ?? IlsonClock(today: Fixtures.day.previous) }

    /// Farm F0 of a one-farm roster (two workers on its 수확 from 07:00) gets a second request of the day, 포장 from
    /// 13:00, with two more workers. Returns the roster and the second request.
    static func twoRequestsOneFarm(on db: Connection) throws -> (roster: Fixtures.Roster, packing: Int64) {
        let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 2)
        let center = roster.centerId
        let farm: Int64 = try db.query("SELECT id FROM farms WHERE center_id = \(center) AND code = 'F0'")[0]
            .decode("id")
        let job: Int64 = try db.query(
            "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(center), \(farm), '딸기 포장') RETURNING id"
        )[0].decode("id")
        let packing: Int64 = try db.query(
            """
            INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount,
                                        wage)
            VALUES (\(center), \(job), \(farm), \(Fixtures.day), '13:00', '17:00', '딸기 포장', 3, 80000) RETURNING id
            """
        )[0].decode("id")
        for i in 1...2 {
            let worker: Int64 = try db.query(
                """
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon, sms_consent)
                VALUES (\(center), \("포장\(i)"), \("0103000000\(i)"), 36.86, 127.44, true) RETURNING id
                """
            )[0].decode("id")
            try db.query(
                """
                INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date, status)
                VALUES (\(center), \(roster.rosterId), \(packing), \(worker), \(Fixtures.day), 'approved')
                """)
        }
        return (roster, packing)
    }

    static let farmer = "01011000000"

    static func send(_ url: String, _ provider: FakeSMSProvider, _ extra: [String] = []) throws -> IlsonProcess.Outcome
    {
        try IlsonProcess.run(
            ["batch", "send", "--date", Fixtures.day.description] + extra,
            environment: IlsonProcess.environment(url: url, provider: provider))
    }

    @Test func oneListPerFarmAndDayThenOneChangeForADecline() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let (roster, _) = try Self.twoRequestsOneFarm(on: db)
            let first = try Self.send(url, provider)
            #expect(first.status == 0, "\(first)")
            let lists = provider.sentMessages.filter { $0.to == Self.farmer }
            #expect(lists.map(\.kind) == ["farmer_list"], "one list for the farm's two requests")
            let body = try #require(lists.first?.body)
            #expect(body.contains("07:00~16:00 딸기 수확") && body.contains("13:00~17:00 딸기 포장 2명 배정 (요청 3명)"), "\(body)")
            for phone in ["010-2100-0001", "010-2100-0002", "010-3000-0001", "010-3000-0002"] {
                #expect(body.contains(phone), "\(phone): \(body)")
            }
            #expect(provider.sentCount == 5, "four workers and one list")
            // Again: nothing is sent twice.
            #expect(try Self.send(url, provider).status == 0)
            #expect(provider.requestCount == 5)

            // A packer declines: the farmer gets the farm's list again, once, as a change naming both requests.
            let center = try Centers.resolve("JC", on: db)
            let d = try RosterDecline.decline(
                center: center, date: Fixtures.day, worker: .phone("01030000001"), reason: "병가", on: db,
                clock: Self.clock)
            #expect(d.report.queued.filter { $0.role == .farmer }.map(\.kind) == [.change])
            #expect(try Self.send(url, provider).status == 0)
            let change = try #require(provider.sentMessages.last { $0.to == Self.farmer && $0.kind == "change" })
            #expect(change.body.contains("딸기 수확") && change.body.contains("딸기 포장 1명 배정 (요청 3명)"), "\(change.body)")
            #expect(!change.body.contains("010-3000-0001"), "\(change.body)")
            #expect(provider.sentMessages.filter { $0.to == Self.farmer }.count == 2)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }

    /// The farm's list was not delivered yet when one of its requests is cancelled: the farmer gets the
    /// cancellation and a fresh list of the other request, nothing about the cancelled one's workers.
    @Test func cancellingOneRequestBeforeDeliveryListsTheOther() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let (_, packing) = try Self.twoRequestsOneFarm(on: db)
            provider.fail(forSeconds: 600, status: 503)
            let down = try Self.send(url, provider, ["--max-wait", "0", "--retry-base", "60"])
            #expect(down.status == 1 && provider.sentCount == 0, "\(down)")
            let harvest: Int64 = try db.query(
                "SELECT id FROM labor_requests WHERE id <> \(packing) ORDER BY id LIMIT 1")[0].decode("id")
            let (_, notices) = try Requests.cancelTelling(
                harvest, wholeJob: false, reason: "우천", center: "JC", clock: Self.clock, on: db)
            let toFarmer = notices.flatMap(\.queued).filter { $0.role == .farmer }.map(\.kind)
            #expect(toFarmer == [.cancellation, .farmerList], "\(toFarmer)")
            // The farm's list is the one undelivered list left (the old one withdrawn).
            let pending: Int = try db.query(
                """
                SELECT count(*)::int AS n FROM sms_outbox
                WHERE recipient = \(Self.farmer) AND kind = 'farmer_list' AND state = 'pending'
                """)[0].decode("n")
            #expect(pending == 1)
            provider.clearFaults()
            try db.query("UPDATE sms_outbox SET next_attempt_at = now() WHERE state = 'pending'")
            #expect(try Self.send(url, provider).status == 0)
            let toHim = provider.sentMessages.filter { $0.to == Self.farmer }
            #expect(toHim.map(\.kind).sorted() == ["cancellation", "farmer_list"], "\(toHim.map(\.body))")
            let list = try #require(toHim.first { $0.kind == "farmer_list" })
            #expect(list.body.contains("딸기 포장") && !list.body.contains("딸기 수확"), "\(list.body)")
            #expect(!list.body.contains("010-2100-0001"), "\(list.body)")
        }
    }
}
