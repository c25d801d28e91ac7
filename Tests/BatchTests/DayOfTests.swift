import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Scheduling
import Storage
import Testing
import Vocabulary

/// Day-of changes through the outbox: decline, replace, a farmer's request cancelled on a sent roster, re-plan.
/// Real PostgreSQL, the real `batch send` binary, the fake provider.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct DayOfTests {
    static var date: String { Fixtures.day.description }
    static var clock: IlsonClock { (try? IlsonClock.current()) ?? IlsonClock(today: Fixtures.day.previous) }

    /// `batch send` for the fixture day; returns the run.
    @discardableResult
    static func send(_ url: String, _ provider: FakeSMSProvider, _ extra: [String] = []) throws -> IlsonProcess.Outcome
    {
        try IlsonProcess.run(
            ["batch", "send", "--date", date] + extra,
            environment: IlsonProcess.environment(url: url, provider: provider))
    }

    /// Messages the provider delivered to a number, by kind.
    static func kinds(_ provider: FakeSMSProvider, to phone: String) -> [String: Int] {
        Dictionary(grouping: provider.sentMessages.filter { $0.to == phone }, by: \.kind).mapValues(\.count)
    }

    /// A free worker of the center (not on the roster), near the farms.
    static func freeWorker(_ db: Connection, center: Int64, phone: String, name: String) throws -> Int64 {
        try db.query(
            """
            INSERT INTO workers (center_id, name, phone, home_lat, home_lon, sms_consent)
            VALUES (\(center), \(name), \(phone), 36.86, 127.44, true) RETURNING id
            """
        ).first!.decode("id")
    }

    static func farmerPhone(_ db: Connection, request: Int64) throws -> String {
        try db.query(
            """
            SELECT fr.phone FROM labor_requests lr JOIN farms f ON f.id = lr.farm_id JOIN farmers fr ON fr.id = f.farmer_id
            WHERE lr.id = \(request)
            """
        ).first!.decode("phone")
    }

    static func requestOf(_ db: Connection, phone: String) throws -> Int64 {
        try db.query(
            """
            SELECT a.request_id FROM assignments a JOIN workers w ON w.id = a.worker_id
            WHERE w.phone = \(phone) AND a.status NOT IN ('declined', 'cancelled')
            """
        ).first!.decode("request_id")
    }

    static func status(_ db: Connection, phone: String) throws -> [String] {
        try db.query(
            "SELECT a.status FROM assignments a JOIN workers w ON w.id = a.worker_id WHERE w.phone = \(phone) ORDER BY a.id"
        ).map { try $0.decode("status", as: String.self) }
    }

    @Test func declineBeforeDeliveryWithdrawsTheNotice() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 3)
            // The messages go into the outbox, but the provider is down: nothing is delivered yet.
            provider.fail(forSeconds: 600, status: 503)
            let first = try Self.send(url, provider, ["--max-wait", "0", "--retry-base", "60"])
            #expect(first.status == 1, "\(first)")
            #expect(provider.sentCount == 0)
            let center = try Centers.resolve("JC", on: db)
            let leaving = roster.workerPhones[0]
            let d = try RosterDecline.decline(
                center: center, date: Fixtures.day, worker: .phone(leaving), reason: "병가", on: db, clock: Self.clock)
            #expect(d.report.withdrawn == 2, "the worker's notice and the farmer's list")
            #expect(d.report.queued.map(\.kind) == [.farmerList], "the farmer was told nothing yet: a fresh list")
            #expect(d.assigned == 2 && d.headcount == 3)
            #expect(try Self.status(db, phone: leaving) == ["declined"])
            provider.clearFaults()
            try db.query("UPDATE sms_outbox SET next_attempt_at = now() WHERE state = 'pending'")
            let out = try Self.send(url, provider)
            #expect(out.status == 0, "\(out)")
            #expect(Self.kinds(provider, to: leaving).isEmpty, "no notice after a withdrawal")
            let farmer = try Self.farmerPhone(db, request: try Self.requestOf(db, phone: roster.workerPhones[1]))
            #expect(Self.kinds(provider, to: farmer) == ["farmer_list": 1])
            let list = try #require(provider.sentMessages.first { $0.to == farmer })
            #expect(list.body.contains("김똠2") && !list.body.contains("김똠1"))
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }

    @Test func declineAfterDeliveryQueuesOneCancellation() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 3)
            #expect(try Self.send(url, provider).status == 0)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            let center = try Centers.resolve("JC", on: db)
            let leaving = roster.workerPhones[1]
            let request = try Self.requestOf(db, phone: leaving)
            let d = try RosterDecline.decline(
                center: center, date: Fixtures.day, worker: .phone(leaving), reason: "병가", on: db, clock: Self.clock)
            #expect(d.report.withdrawn == 0)
            #expect(d.report.queued.map(\.kind.rawValue).sorted() == ["cancellation", "change"])
            #expect(d.report.rosterState == .sending, "new messages: not sent until they are final")
            let audit = try db.query("SELECT count(*) AS n FROM audit_log WHERE via = 'roster decline'").first!
            #expect(try audit.decode("n", as: Int.self) >= 1)
            #expect(try Self.send(url, provider).status == 0)
            #expect(Self.kinds(provider, to: leaving) == ["assignment": 1, "cancellation": 1])
            let farmer = try Self.farmerPhone(db, request: request)
            #expect(Self.kinds(provider, to: farmer) == ["farmer_list": 1, "change": 1])
            // Nobody else heard anything new.
            for phone in roster.workerPhones where phone != leaving {
                #expect(Self.kinds(provider, to: phone) == ["assignment": 1])
            }
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            // Declining again is refused: they have no assignment left that day.
            #expect(throws: OperationError.self) {
                try RosterDecline.decline(
                    center: center, date: Fixtures.day, worker: .phone(leaving), reason: nil, on: db, clock: Self.clock)
            }
        }
    }

    @Test func replaceTellsEachPersonOnceAndRefusesSomeonePlaced() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            let substitute = "01099990001"
            _ = try Self.freeWorker(db, center: roster.centerId, phone: substitute, name: "이햏")
            #expect(try Self.send(url, provider).status == 0)
            let center = try Centers.resolve("JC", on: db)

            // Someone already placed that day: refused, nothing changes.
            let before = try Fixtures.outbox(roster.rosterId, on: db).count
            let version: Int = try db.query("SELECT version FROM rosters WHERE id = \(roster.rosterId)").first!.decode(
                "version")
            #expect(throws: OperationError.self) {
                try RosterDecline.replace(
                    center: center, date: Fixtures.day, worker: .phone(roster.workerPhones[0]),
                    with: .phone(roster.workerPhones[3]), on: db, clock: Self.clock)
            }
            #expect(try Fixtures.outbox(roster.rosterId, on: db).count == before)
            #expect(try Self.status(db, phone: roster.workerPhones[0]) == ["approved"])
            #expect(
                try db.query("SELECT version FROM rosters WHERE id = \(roster.rosterId)").first!.decode(
                    "version", as: Int.self) == version)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")

            let leaving = roster.workerPhones[0]
            let request = try Self.requestOf(db, phone: leaving)
            let r = try RosterDecline.replace(
                center: center, date: Fixtures.day, worker: .phone(leaving), with: .phone(substitute), on: db,
                clock: Self.clock)
            #expect(r.queued.map(\.kind.rawValue).sorted() == ["assignment", "cancellation", "change"])
            #expect(try Self.requestOf(db, phone: substitute) == request)
            let pinned: Bool = try db.query(
                "SELECT a.pinned FROM assignments a JOIN workers w ON w.id = a.worker_id WHERE w.phone = \(substitute)"
            ).first!.decode("pinned")
            #expect(pinned)
            #expect(try Self.send(url, provider).status == 0)
            #expect(Self.kinds(provider, to: leaving) == ["assignment": 1, "cancellation": 1])
            #expect(Self.kinds(provider, to: substitute) == ["assignment": 1])
            let farmer = try Self.farmerPhone(db, request: request)
            #expect(Self.kinds(provider, to: farmer) == ["farmer_list": 1, "change": 1])
            let change = try #require(provider.sentMessages.first { $0.to == farmer && $0.kind == "change" })
            #expect(change.body.contains("이햏") && !change.body.contains("김똠1 "))
            // The other farm heard nothing new.
            let otherFarmer = try Self.farmerPhone(db, request: try Self.requestOf(db, phone: roster.workerPhones[3]))
            #expect(Self.kinds(provider, to: otherFarmer) == ["farmer_list": 1])
            // Through the binary: --best picks someone free, and a worker already placed is refused with exit 2.
            let env = IlsonProcess.environment(url: url, provider: provider)
            let refused = try IlsonProcess.run(
                [
                    "roster", "replace", "--date", Self.date, "--worker", roster.workerPhones[1], "--with",
                    roster.workerPhones[2],
                ], environment: env)
            #expect(refused.status == 2 && refused.stderr.contains("more than 1 job(s) in a day"), "\(refused)")
        }
    }

    @Test func farmerCancelsOneRequestOnASentRosterThenReplan() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            #expect(try Self.send(url, provider).status == 0)
            let sentBefore = provider.sentCount
            let center = try Centers.resolve("JC", on: db)
            let cancelled = try Self.requestOf(db, phone: roster.workerPhones[0])
            let kept = try Self.requestOf(db, phone: roster.workerPhones[2])
            let keptRows = try db.query(
                "SELECT id, worker_id, status FROM assignments WHERE request_id = \(kept) ORDER BY id"
            ).map {
                "\(try $0.decode("id", as: Int64.self))/\(try $0.decode("worker_id", as: Int64.self))/\(try $0.decode("status", as: String.self))"
            }

            let (requests, notices) = try Requests.cancelTelling(
                cancelled, wholeJob: false, reason: "우천", center: "JC", clock: Self.clock, on: db)
            #expect(requests.map(\.status) == [.cancelled])
            #expect(notices.first?.queued.map(\.kind) == [.cancellation, .cancellation, .cancellation])
            #expect(try Self.status(db, phone: roster.workerPhones[0]) == ["cancelled"])

            // A new request arrives for the day; the re-plan keeps everything announced and fills it.
            let farmerID: Int64 = try db.query(
                "INSERT INTO farmers (center_id, name, phone) VALUES (\(roster.centerId), '새농가주', '01077770001') RETURNING id"
            ).first!.decode("id")
            let farmID: Int64 = try db.query(
                """
                INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, address)
                VALUES (\(roster.centerId), 'F9', '새봄농장', \(farmerID), 36.85, 127.43, '진천군') RETURNING id
                """
            ).first!.decode("id")
            let job: Int64 = try db.query(
                "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(roster.centerId), \(farmID), '포장') RETURNING id"
            ).first!.decode("id")
            let newRequest: Int64 = try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount, wage)
                VALUES (\(roster.centerId), \(job), \(farmID), \(Fixtures.day), '08:00', '17:00', '포장', 2, 120000)
                RETURNING id
                """
            ).first!.decode("id")
            let plan = try RosterPlanner.plan(center: center, date: Fixtures.day, on: db, clock: Self.clock)
            #expect(plan.state == .sending || plan.state == .sent)
            #expect(plan.proposedNew == 2)
            let keptAfter = try db.query(
                "SELECT id, worker_id, status FROM assignments WHERE request_id = \(kept) ORDER BY id"
            ).map {
                "\(try $0.decode("id", as: Int64.self))/\(try $0.decode("worker_id", as: Int64.self))/\(try $0.decode("status", as: String.self))"
            }
            #expect(keptAfter == keptRows, "every other announced assignment untouched")
            let approved = try RosterApproval.approve(center: center, date: Fixtures.day, on: db, clock: Self.clock)
            #expect(approved.assignments == 2 && approved.notices == 3)

            #expect(try Self.send(url, provider).status == 0)
            // Only the cancelled request's people, then the new request's, heard anything new.
            let farmerCancelled = try Self.farmerPhone(db, request: cancelled)
            #expect(Self.kinds(provider, to: farmerCancelled) == ["farmer_list": 1, "cancellation": 1])
            #expect(Self.kinds(provider, to: "01077770001") == ["farmer_list": 1])
            for phone in roster.workerPhones[0..<2] {
                let k = Self.kinds(provider, to: phone)
                #expect(k["cancellation"] == 1 && k["assignment"] ?? 0 <= 2, "\(k)")
            }
            for phone in roster.workerPhones[2..<4] {
                #expect(Self.kinds(provider, to: phone) == ["assignment": 1])
            }
            let farmerKept = try Self.farmerPhone(db, request: kept)
            #expect(Self.kinds(provider, to: farmerKept) == ["farmer_list": 1])
            #expect(provider.sentCount == sentBefore + 3 + 3)
            let onNew: Int = try db.query(
                "SELECT count(*) AS n FROM assignments WHERE request_id = \(newRequest) AND status = 'approved'"
            ).first!.decode("n")
            #expect(onNew == 2)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
        }
    }
}
