import Foundation
import Operations
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Vocabulary

/// `report placements`: every grouping's totals equal a direct count from the assignment rows.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ReportPlacementsTests {
    /// Today by the test clock: the planned days come after it, whatever the calendar says.
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var days: [Day] { (1...3).map { clock.today.adding(days: $0) } }

    /// Twelve workers of every category around 진천읍 and 이월면, three farms, requests on three days
    /// (a two-day job among them).
    static func county() -> Instance {
        let days = Set(Self.days)
        let people: [(String, WorkerCategory, Double, Double, Set<String>?)] = [
            ("김순자", .senior, 36.8551, 127.4433, nil), ("이영숙", .senior, 36.8600, 127.4500, nil),
            ("박만수", .senior, 36.8900, 127.4200, nil), ("정미경", .women, 36.9000, 127.4300, nil),
            ("최은정", .women, 36.8700, 127.4400, nil), ("한지훈", .youth, 36.8650, 127.4600, nil),
            ("오서연", .youth, 36.8800, 127.4350, nil), ("장성수", .disabled, 36.8500, 127.4400, nil),
            ("응우옌 반 안", .foreign, 36.8750, 127.4450, ["f1", "f2"]),
            ("마리아 산토스", .foreign, 36.8850, 127.4500, ["f2"]), ("윤재근", .general, 36.8950, 127.4250, nil),
            ("임하은", .general, 36.8600, 127.4300, nil),
        ]
        let workers = people.enumerated().map { i, p in
            Worker(
                id: "w\(i + 1)", name: p.0, home: GeoPoint(lat: p.2, lon: p.3), skills: ["harvest", "packing"],
                category: p.1, maxTravelKm: 30, available: days, allowedFarms: p.4)
        }
        let farms = [
            Farm(id: "f1", name: "이월 딸기농장", location: GeoPoint(lat: 36.9010, lon: 127.4300)),
            Farm(id: "f2", name: "진천 수박하우스", location: GeoPoint(lat: 36.8700, lon: 127.4500)),
            Farm(id: "f3", name: "문백 고추밭", location: GeoPoint(lat: 36.8300, lon: 127.4400)),
        ]
        let d = Self.days
        func request(_ id: String, _ farm: String, _ day: Int, _ task: String, _ headcount: Int, job: String? = nil)
            -> LaborRequest
        {
            LaborRequest(
                id: id, farm: farm, job: job, date: d[day], start: TimeOfDay("07:00"), end: TimeOfDay("16:00"),
                task: task, skills: ["harvest"], headcount: headcount)
        }
        return Instance(
            workers: workers, farms: farms,
            requests: [
                request("r1", "f1", 0, "딸기 수확", 3, job: "j1"), request("r2", "f2", 0, "수박 수확", 4),
                request("r3", "f3", 0, "고추 수확", 2), request("r4", "f1", 1, "딸기 수확", 3, job: "j1"),
                request("r5", "f3", 1, "고추 수확", 9), request("r6", "f2", 2, "수박 수확", 3),
                request("r7", "f3", 2, "고추 수확", 2),
            ])
    }

    /// The figures counted straight from the rows, as a funder would.
    struct Direct {
        var workerDays: Int
        var attended: Int
        var unrecorded: Int
        var noShows: Int
        var scheduled: Int
        var people: Int
        var farms: Int
        var wanted: Int
        var filled: Int
        var unfilled: Int
    }

    static func direct(center: Int64, from: Day, to: Day, today: Day, on db: Connection) throws -> Direct {
        let row = try db.query(
            """
            SELECT
              count(*) FILTER (WHERE a.status = 'completed'
                               OR (a.status IN ('proposed', 'approved', 'confirmed') AND a.work_date < \(today))) AS days,
              count(*) FILTER (WHERE a.status = 'completed') AS attended,
              count(*) FILTER (WHERE a.status IN ('proposed', 'approved', 'confirmed') AND a.work_date < \(today)) AS unrecorded,
              count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
              count(*) FILTER (WHERE a.status IN ('proposed', 'approved', 'confirmed') AND a.work_date >= \(today)) AS scheduled,
              count(DISTINCT a.worker_id) FILTER (WHERE a.status = 'completed'
                               OR (a.status IN ('proposed', 'approved', 'confirmed') AND a.work_date < \(today))) AS people,
              count(DISTINCT lr.farm_id) FILTER (WHERE a.status = 'completed'
                               OR (a.status IN ('proposed', 'approved', 'confirmed') AND a.work_date < \(today))) AS farms
            FROM assignments a JOIN rosters r ON r.id = a.roster_id JOIN labor_requests lr ON lr.id = a.request_id
            WHERE a.center_id = \(center) AND a.work_date BETWEEN \(from) AND \(to)
              AND r.state IN ('approved', 'sending', 'sent') AND a.status NOT IN ('declined', 'cancelled')
            """)[0]
        let demand = try db.query(
            """
            SELECT coalesce(sum(headcount), 0)::bigint AS wanted,
                   coalesce(sum(least(filled, headcount)), 0)::bigint AS filled,
                   coalesce(sum(greatest(headcount - filled, 0)), 0)::bigint AS unfilled
            FROM (SELECT lr.headcount,
                         (SELECT count(*) FROM assignments a JOIN rosters r ON r.id = a.roster_id
                          WHERE a.request_id = lr.id AND r.state IN ('approved', 'sending', 'sent')
                            AND a.status NOT IN ('declined', 'cancelled')) AS filled
                  FROM labor_requests lr
                  WHERE lr.center_id = \(center) AND lr.work_date BETWEEN \(from) AND \(to)
                    AND lr.status <> 'cancelled') x
            """)[0]
        func int(_ r: PostgresRow, _ c: String) throws -> Int { Int(try r.decode(c, as: Int64.self)) }
        return Direct(
            workerDays: try int(row, "days"), attended: try int(row, "attended"),
            unrecorded: try int(row, "unrecorded"),
            noShows: try int(row, "no_shows"), scheduled: try int(row, "scheduled"), people: try int(row, "people"),
            farms: try int(row, "farms"), wanted: try int(demand, "wanted"), filled: try int(demand, "filled"),
            unfilled: try int(demand, "unfilled"))
    }

    /// Plans the three days, approves the first two (the third stays a draft), records attendance on
    /// the first (one completed, one no-show), cancels a request of the third, and gives two workers a village.
    static func setUp(on db: Connection) throws -> CenterRecord {
        let c = try RosterFixtures.importInstance(Self.county(), on: db)
        for d in Self.days {
            _ = try RosterPlanner.plan(center: c.center, date: d, on: db, clock: Self.clock)
        }
        for d in Self.days.prefix(2) {
            _ = try RosterApproval.approve(center: c.center, date: d, on: db, clock: Self.clock)
        }
        let first: [Int64] = try db.query(
            "SELECT id FROM assignments WHERE center_id = \(c.center.id) AND work_date = \(Self.days[0]) ORDER BY id"
        ).map { try $0.decode("id") }
        #expect(first.count >= 3)
        try db.query("UPDATE assignments SET status = 'completed' WHERE id = \(first[0])")
        try db.query("UPDATE assignments SET status = 'no_show' WHERE id = \(first[1])")
        try db.query(
            """
            UPDATE labor_requests SET status = 'cancelled', cancelled_at = now(), cancel_reason = '우천'
            WHERE id = \(c.requests["r7"]!)
            """)
        try db.query("UPDATE workers SET village = '이월면 중산리' WHERE id = \(c.workers["w1"]!)")
        try db.query("UPDATE workers SET village = '문백면 구곡리' WHERE id = \(c.workers["w2"]!)")
        return c.center
    }

    @Test(arguments: ReportGrouping.allCases)
    func totalsEqualADirectCount(_ grouping: ReportGrouping) throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Self.setUp(on: db)
            let from = Self.days[0]
            let to = Self.days[2]
            // Today in the middle of the period (the first day happened), then after it.
            for today in [Self.days[1], Self.days[2].next] {
                let report = try PlacementReport.load(
                    center: center, from: from, to: to, by: grouping, today: today, on: db)
                let direct = try Self.direct(center: center.id, from: from, to: to, today: today, on: db)
                let t = report.total
                #expect(t.workerDays == direct.workerDays)
                #expect(t.attended == direct.attended)
                #expect(t.unrecorded == direct.unrecorded)
                #expect(t.noShows == direct.noShows)
                #expect(t.scheduled == direct.scheduled)
                #expect(t.people == direct.people)
                #expect(t.farms == direct.farms)
                #expect(t.wanted == direct.wanted)
                #expect(t.filled == direct.filled)
                #expect(t.unfilled == direct.unfilled)
                #expect(t.workerDays == t.attended + t.unrecorded)
                // The groups add up to the total.
                #expect(report.groups.reduce(0) { $0 + $1.workerDays } == direct.workerDays)
                #expect(report.groups.reduce(0) { $0 + $1.attended } == direct.attended)
                #expect(report.groups.reduce(0) { $0 + $1.unrecorded } == direct.unrecorded)
                #expect(report.groups.reduce(0) { $0 + $1.noShows } == direct.noShows)
                #expect(report.groups.reduce(0) { $0 + $1.scheduled } == direct.scheduled)
                switch grouping {
                case .category, .town, .pool:
                    // Each person is in one group.
                    #expect(report.groups.reduce(0) { $0 + $1.people } == direct.people)
                    #expect(report.groups.allSatisfy { $0.wanted == nil })
                case .task, .farm:
                    #expect(report.groups.reduce(0) { $0 + ($1.wanted ?? 0) } == direct.wanted)
                    #expect(report.groups.reduce(0) { $0 + ($1.filled ?? 0) } == direct.filled)
                    #expect(report.groups.reduce(0) { $0 + ($1.unfilled ?? 0) } == direct.unfilled)
                }
                if grouping == .farm {
                    #expect(report.groups.reduce(0) { $0 + $1.farms } == direct.farms)
                }
            }
        }
    }

    @Test func countsWhatTheCountyAsksFor() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Self.setUp(on: db)
            let today = Self.days[2].next
            let report = try PlacementReport.load(
                center: center, from: Self.days[0], to: Self.days[2], by: .category, today: today, on: db)
            // Every target group is listed, even at zero, in the county's order.
            #expect(report.groups.map(\.key) == ["senior", "youth", "women", "disabled", "foreign", "general"])
            #expect(report.total.noShows == 1)
            #expect(report.total.attended == 1)
            // The draft third day and the cancelled request count nowhere; r5 wants 9 of a 12-person county.
            #expect(report.total.scheduled == 0)
            #expect((report.total.unfilled ?? 0) > 0)
            let towns = try PlacementReport.load(
                center: center, from: Self.days[0], to: Self.days[2], by: .town, today: today, on: db)
            #expect(towns.groups.count >= 7)
            #expect(towns.groups.first?.key == "진천읍")
        }
    }

    @Test func rejectsAPeriodThatEndsBeforeItStarts() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Self.setUp(on: db)
            #expect(throws: OperationError.self) {
                try PlacementReport.load(
                    center: center, from: Self.days[1], to: Self.days[0], by: .farm, today: Self.clock.today, on: db)
            }
        }
    }
}
