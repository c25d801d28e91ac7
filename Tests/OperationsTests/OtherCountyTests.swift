import Foundation
import Generator
import Places
import Postgres
import Scheduling
import Storage
import Testing
import Vocabulary

@testable import Operations

/// A center for 괴산군 (not the demo's 진천군), end to end: its villages in the worker and farm sheets, plans,
/// approval and placements by 읍면 with 괴산군's towns.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct OtherCountyTests {
    static let clock = IlsonClock(today: Day("2026-12-01")!)

    @Test func goesanImportsPlansAndReportsByItsOwnTowns() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Centers.add(
                code: "GS", name: "괴산군 농촌인력중개센터", smsSender: "0438301234", county: "괴산군", on: db)
            let goesan = try #require(try Centers.county(of: center, on: db))
            #expect(goesan.code == "43760" && goesan.fullName == "충청북도 괴산군")
            let day = Self.clock.tomorrow
            let instance = InstanceGenerator(
                workers: 60, requestsPerDay: 10, days: 1, seed: 11, start: day, county: goesan
            ).generate()
            let export = CSVExport.make(instance, seed: 11, county: goesan)
            // Every generated place is in 괴산군.
            for w in instance.workers {
                let near = try #require(goesan.nearestVillage(to: PlacePoint(lat: w.home.lat, lon: w.home.lon)))
                #expect(near.km < 12, "\(w.id)")
            }
            let farms = try FarmImport.run(bytes: Array(export.farms.utf8), file: "farms.csv", center: nil, on: db)
            #expect(farms.created == export.farmRows)
            let workers = try WorkerImport.run(
                bytes: Array(export.workers.utf8), file: "workers.csv", center: nil, clock: Self.clock, on: db)
            #expect(workers.created == export.workerRows)
            _ = try RequestImport.run(
                bytes: Array(export.requests.utf8), file: "requests.csv", center: nil, clock: Self.clock, on: db)

            // A sheet of workers named by village only: 괴산군's own (bare, and with the 읍), and one across the border.
            let sheet = """
                name,phone,village
                박순자,010-3000-0001,동부리
                최말순,010-3000-0002,청천면 귀만리
                김옥분,010-3000-0003,충청북도 음성군 금왕읍 무극리
                """
            let byVillage = try WorkerImport.run(
                bytes: Array(sheet.utf8), file: "w.csv", center: nil, clock: Self.clock, on: db)
            #expect(byVillage.created == 3)
            let park = try #require(try WorkerStore.find(.phone("01030000001"), center: center.id, on: db))
            #expect(park.values.village == "괴산읍 동부리")
            let kim = try #require(try WorkerStore.find(.phone("01030000003"), center: center.id, on: db))
            #expect(kim.values.village == "충청북도 음성군 금왕읍 무극리")

            _ = try RosterPlanner.plan(center: center, date: day, on: db, clock: Self.clock)
            _ = try RosterApproval.approve(center: center, date: day, on: db, clock: Self.clock)
            let report = try PlacementReport.load(
                center: center, from: day, to: day, by: .town, today: Self.clock.today, on: db)
            let townNames = Set(goesan.towns.map(\.name))
            #expect(townNames.contains("괴산읍") && townNames.contains("청천면") && !townNames.contains("초평면"))
            // Every group is a town of 괴산군, and the towns add up to the total.
            #expect(report.groups.allSatisfy { townNames.contains($0.key) }, "\(report.groups.map(\.key))")
            #expect(report.groups.map(\.scheduled).reduce(0, +) == report.total.scheduled)
            #expect(report.total.scheduled > 0)
            let placed: Int = try db.query(
                "SELECT count(*)::int AS n FROM assignments WHERE center_id = \(center.id) AND work_date = \(day)"
            )[0].decode("n")
            #expect(report.total.scheduled == placed)
        }
    }

    @Test func villagesAndCoordinatesAreCheckedAgainstTheCounty() throws {
        let goesan = try #require(Gazetteer.korea.county(code: "43760"))
        // Both 마을 and 위도/경도: the coordinates stay, the village is the label.
        let both = try RegistryInput.location(
            LocationInput(lat: 36.81, lon: 127.79, village: "동부리"), what: "farm F1", source: .file, county: goesan)
        #expect(both.lat == 36.81 && both.village == "괴산읍 동부리")
        // A typo in a coordinate: far from the county, refused with the distance.
        do {
            _ = try RegistryInput.location(
                LocationInput(lat: 35.81, lon: 127.79), what: "farm F1", source: .file, county: goesan)
            Issue.record("accepted a point 100 km away")
        } catch {
            #expect("\(error)".contains("km") && "\(error)".contains("괴산군"))
        }
        // Outside South Korea.
        #expect(throws: OperationError.self) {
            try RegistryInput.location(
                LocationInput(lat: 127.79, lon: 36.81), what: "farm F1", source: .file, county: goesan)
        }
        #expect(throws: OperationError.self) {
            try RegistryInput.location(
                LocationInput(lat: 35.68, lon: 139.69), what: "farm F1", source: .file, county: goesan)
        }
        // A full address far away is accepted with its coordinates (someone living across a border).
        let far = try RegistryInput.location(
            LocationInput(lat: 35.83, lon: 128.6, village: "대구광역시 중구 동인동1가"), what: "w", source: .file,
            county: goesan)
        #expect(far.lat == 35.83)
        // Unknown: the message lists close names; ambiguous: the candidates.
        do {
            _ = try RegistryInput.location(LocationInput(village: "동부니"), what: "w", source: .file, county: goesan)
            Issue.record("accepted 동부니")
        } catch {
            #expect("\(error)".contains("괴산읍 동부리"))
        }
        do {
            _ = try RegistryInput.location(LocationInput(village: "신촌리"), what: "w", source: .file, county: nil)
            Issue.record("accepted 신촌리 without a county")
        } catch {
            #expect("\(error)".contains("several villages"))
        }
    }

    @Test func countyOptionNamesAmbiguousAndUnknownCounties() throws {
        #expect(throws: OperationError.self) { try Centers.county(named: "중구") }
        #expect(try Centers.county(named: "대구광역시 중구").code == "27110")
        #expect(try Centers.county(named: "43760").name == "괴산군")
        do {
            _ = try Centers.county(named: "괴선군")
            Issue.record("accepted 괴선군")
        } catch {
            #expect("\(error)".contains("충청북도 괴산군"))
        }
    }

    @Test func migrateGivesACenterTheCountyOfItsFarms() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Centers.add(code: "JC", name: "진천", smsSender: nil, on: db)
            #expect(try Centers.county(of: center, on: db) == nil)
            _ = try Farmers.add(name: "이월순", phone: "010-9876-5432", center: "JC", on: db)
            for (code, lat, lon) in [("F1", 36.87, 127.40), ("F2", 36.90, 127.50), ("F3", 36.81, 127.79)] {
                _ = try Farms.add(
                    FarmInput(
                        code: code, name: "농장", farmer: "01098765432", location: LocationInput(lat: lat, lon: lon)),
                    center: "JC", on: db)
            }
            let assigned = try Centers.assignCountiesFromFarms(on: db)
            #expect(assigned.map(\.county) == ["충청북도 진천군"])
            #expect(try Centers.county(of: center, on: db)?.code == "43750")
            #expect(try Centers.assignCountiesFromFarms(on: db).isEmpty)
        }
    }

    /// `db migrate` on a database from before 016: a center with farms gets their county, one without stays without.
    @Test func migratingTo016AssignsCountiesFromFarms() throws {
        let sql = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sql")
            .standardized
        let before = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: before, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: before) }
        for name in try FileManager.default.contentsOfDirectory(atPath: sql.path) where name < "016" {
            try FileManager.default.copyItem(
                at: sql.appendingPathComponent(name), to: before.appendingPathComponent(name))
        }
        try TestDatabase.withDatabase { db, _ in
            _ = try Schema.migrate(directory: before.path, on: db)
            let goesan: Int64 = try db.query(
                "INSERT INTO centers (code, name) VALUES ('GS', '괴산') RETURNING id")[0].decode(at: 0)
            _ = try db.query("INSERT INTO centers (code, name) VALUES ('XX', '농가 없음')")
            let farmer: Int64 = try db.query(
                "INSERT INTO farmers (center_id, name, phone) VALUES (\(goesan), '김', '01011112222') RETURNING id"
            )[0].decode(at: 0)
            for (code, lat, lon) in [("F1", 36.81, 127.79), ("F2", 36.67, 127.80), ("F3", 36.86, 127.44)] {
                _ = try db.query(
                    """
                    INSERT INTO farms (center_id, code, name, farmer_id, lat, lon)
                    VALUES (\(goesan), \(code), '농장', \(farmer), \(lat), \(lon))
                    """)
            }
            let report = try Schema.migrate(directory: nil, on: db)
            #expect(report.applied.contains("016_center_county.sql"))
            #expect(report.countiesAssigned == ["GS: 충청북도 괴산군"])
            let codes: [String?] = try db.query("SELECT county_code FROM centers ORDER BY code").map {
                try $0.decode(at: 0, as: String?.self)
            }
            #expect(codes == ["43760", nil])
        }
    }
}
