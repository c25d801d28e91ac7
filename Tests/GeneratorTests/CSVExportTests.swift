import Foundation
import Places
import Scheduling
import Testing
import Vocabulary

@testable import Generator

/// `CSVExport`: the three import files of a generated county. (That they import, in both
/// encodings, is checked end to end by `scripts/demo`, which `scripts/test` runs.)
@Suite struct CSVExportTests {
    static func county(seed: UInt64 = 7) -> (Instance, CSVExport) {
        let instance = InstanceGenerator(workers: 300, requestsPerDay: 75, days: 7, seed: seed).generate()
        return (instance, CSVExport.make(instance, seed: seed))
    }

    /// Splits a CRLF document into rows of fields (no field of these files holds a quote or a comma).
    static func rows(_ text: String) -> [[String]] {
        text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    }

    @Test func sameSeedGivesSameBytes() {
        let (_, a) = Self.county(seed: 11)
        let (_, b) = Self.county(seed: 11)
        #expect(Array(a.farms.utf8) == Array(b.farms.utf8))
        #expect(Array(a.workers.utf8) == Array(b.workers.utf8))
        #expect(Array(a.requests.utf8) == Array(b.requests.utf8))
        let (_, c) = Self.county(seed: 12)
        #expect(a.workers != c.workers)
    }

    @Test func headersAreTheSpecsColumns() {
        let (_, e) = Self.county()
        #expect(Self.rows(e.farms)[0] == ["농가코드", "농가명", "농업인", "농업인전화", "위도", "경도", "주소", "마을", "집결지"])
        #expect(Self.rows(e.workers)[0].first == "name")
        #expect(Self.rows(e.workers)[0].contains("allowed_farms"))
        #expect(Self.rows(e.requests)[0] == ["농가코드", "날짜", "일수", "시작", "종료", "작업", "기술", "인원", "최소인원", "우선순위", "일당"])
    }

    @Test func everyRowHasEveryColumnAndTheCountiesPeople() {
        let (instance, e) = Self.county()
        let farms = Self.rows(e.farms)
        let workers = Self.rows(e.workers)
        let requests = Self.rows(e.requests)
        #expect(farms.count - 1 == instance.farms.count)
        #expect(instance.farms.count == 60)
        #expect(workers.count - 1 == instance.workers.count)
        for table in [farms, workers, requests] {
            #expect(table.allSatisfy { $0.count == table[0].count })
        }
        // Every category the county reports on is there, foreign workers with their visa farms.
        let categoryColumn = workers[0].firstIndex(of: "category")!
        let allowedColumn = workers[0].firstIndex(of: "allowed_farms")!
        let categories = Set(workers.dropFirst().map { $0[categoryColumn] })
        #expect(categories.isSuperset(of: ["senior", "youth", "women", "disabled", "foreign", "general"]))
        let codes = Set(farms.dropFirst().map { $0[0] })
        for w in workers.dropFirst() where w[categoryColumn] == "foreign" {
            let allowed = w[allowedColumn].split(separator: ";").map(String.init)
            #expect(!allowed.isEmpty)
            #expect(Set(allowed).isSubset(of: codes))
        }
        // Villages are ones the importer knows.
        let villageColumn = workers[0].firstIndex(of: "village")!
        for w in workers.dropFirst() {
            if case .found = Places.jincheon.lookup(w[villageColumn]) {
            } else {
                Issue.record("unknown village \(w[villageColumn])")
            }
        }
        // Phones are unique among workers and among farmers.
        #expect(Set(workers.dropFirst().map { $0[1] }).count == workers.count - 1)
        #expect(Set(farms.dropFirst().map { $0[3] }).count == farms.count - 1)
    }

    @Test func requestsCoverTheWeekWithUniqueNaturalKeys() {
        let (instance, e) = Self.county()
        let requests = Self.rows(e.requests).dropFirst()
        #expect(requests.contains { Int($0[2])! > 1 })  // multi-day jobs
        var keys: Set<String> = []
        var days = 0
        for r in requests {
            let first = Day(r[1])!
            let n = Int(r[2])!
            days += n
            #expect(CSVExport.farmCode("f1") == "F001")
            for k in 0..<n {
                #expect(keys.insert("\(r[0]) \(first.adding(days: k)) \(r[5]) \(r[3])").inserted)
            }
            #expect(TimeOfDay(r[3])! < TimeOfDay(r[4])!)
        }
        #expect(days + e.requestsLeftOut == instance.requests.count)
        #expect(e.requestsLeftOut * 50 <= instance.requests.count)
        #expect(Set(requests.map { $0[1] }).count == 7)
    }
}
