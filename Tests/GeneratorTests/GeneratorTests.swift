import Foundation
import Scheduling
import Testing
import Vocabulary

@testable import Generator

@Suite struct GeneratorTests {
    @Test func sameSeedGivesIdenticalBytes() {
        let a = InstanceJSONWriter.encode(Fixtures.small(seed: 42).generate())
        let b = InstanceJSONWriter.encode(Fixtures.small(seed: 42).generate())
        #expect(a == b)
    }

    @Test func differentSeedGivesDifferentInstance() {
        let a = InstanceJSONWriter.encode(Fixtures.small(seed: 1).generate())
        let b = InstanceJSONWriter.encode(Fixtures.small(seed: 2).generate())
        #expect(a != b)
    }

    @Test func provinceSpansSeveralCounties() {
        let g = InstanceGenerator(workers: 6_000, requestsPerDay: 60, days: 1, seed: 3)
        #expect(g.countyCount == 3)
        let instance = g.generate()
        #expect(instance.workers.count == 6_000)
        #expect(instance.requests.count == 60)
        #expect(validate(instance, generator: g).isEmpty)
    }

    @Test(arguments: Flavor.allCases)
    func everyFlavorIsValid(_ flavor: Flavor) {
        let g = Fixtures.small(flavor)
        let instance = g.generate()
        #expect(instance.requests.count == 40 * 3)
        #expect(validate(instance, generator: g) == [])
        #expect(!instance.pinned.isEmpty)
        #expect(instance.workers.contains { $0.allowedFarms != nil })
    }

    @Test func tinyInstancesAreValid() {
        for (w, r, d) in [(1, 0, 1), (1, 1, 1), (3, 7, 2), (2, 1, 8)] {
            let g = InstanceGenerator(workers: w, requestsPerDay: r, days: d, seed: 9)
            #expect(validate(g.generate(), generator: g) == [], "w\(w) r\(r) d\(d)")
        }
    }

    @Test func multiDayJobsShareTheirJobIdOnConsecutiveDays() {
        let instance = Fixtures.small(days: 5).generate()
        var datesByJob: [String: [Day]] = [:]
        for r in instance.requests { datesByJob[r.job, default: []].append(r.date) }
        #expect(datesByJob.values.contains { $0.count > 1 })
        for dates in datesByJob.values {
            let sorted = dates.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b == a.next) }
        }
        #expect(instance.history.allSatisfy { $0.date == InstanceGenerator.defaultStart.previous })
    }

    @Test func pairCounterMatchesBruteForce() {
        for flavor in Flavor.allCases {
            let instance = Fixtures.small(flavor).generate()
            #expect(CandidatePairs.count(instance) == CandidatePairs.bruteForce(instance), "\(flavor)")
        }
        let province = InstanceGenerator(workers: 4_000, requestsPerDay: 30, days: 1, seed: 5).generate()
        #expect(CandidatePairs.count(province) == CandidatePairs.bruteForce(province))
    }

    @Test(.enabled(if: Fixtures.scorer != nil, "../shared is not beside the repository: no shared scorer to ask"))
    func scorerAcceptsEveryFlavor() throws {
        let scorer = try #require(Fixtures.scorer)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ilson-gen-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for flavor in Flavor.allCases {
            let file = dir.appendingPathComponent("\(flavor).json")
            try Data(InstanceJSONWriter.encode(Fixtures.small(flavor).generate())).write(to: file)
            let result = try Fixtures.run("python3", [scorer.path, "--validate-instance", file.path])
            #expect(result.status == 0, "\(flavor): \(result.output)")
        }
    }

    /// The spec's input rules, and rules 1-6 and 8 for the pins. Returns the problems found.
    func validate(_ instance: Instance, generator g: InstanceGenerator) -> [String] {
        var problems: [String] = []
        func unique(_ ids: [String], _ kind: String) {
            if Set(ids).count != ids.count { problems.append("duplicate \(kind) ids") }
        }
        unique(instance.workers.map(\.id), "worker")
        unique(instance.farms.map(\.id), "farm")
        unique(instance.requests.map(\.id), "request")
        let farms = Dictionary(uniqueKeysWithValues: instance.farms.map { ($0.id, $0) })
        let workers = Dictionary(uniqueKeysWithValues: instance.workers.map { ($0.id, $0) })
        let requests = Dictionary(uniqueKeysWithValues: instance.requests.map { ($0.id, $0) })
        let planDays = Set((0..<g.days).map { g.start.adding(days: $0) })
        for w in instance.workers {
            if !(-90...90).contains(w.home.lat) || !(-180...180).contains(w.home.lon) {
                problems.append("\(w.id) home")
            }
            if !(10...40).contains(w.maxTravelKm) { problems.append("\(w.id) cap \(w.maxTravelKm)") }
            if !w.available.isSubset(of: planDays) { problems.append("\(w.id) available outside the plan") }
            if !(1...7).contains(w.maxDaysPerWeek) || !(0...30).contains(w.recentDaysWorked) {
                problems.append("\(w.id) caps")
            }
            if w.workedDates.contains(where: { $0 >= g.start }) { problems.append("\(w.id) workedDates in the plan") }
            if let phone = w.phone, phone.count != 13 || !phone.hasPrefix("010-") {
                problems.append("\(w.id) phone \(phone)")
            }
            if w.category == .foreign, w.allowedFarms == nil { problems.append("\(w.id) foreign without allowedFarms") }
            if w.category != .foreign, w.allowedFarms != nil { problems.append("\(w.id) allowedFarms") }
            if w.allowedFarms?.contains(where: { farms[$0] == nil }) == true {
                problems.append("\(w.id) unknown allowed farm")
            }
        }
        for r in instance.requests {
            if farms[r.farm] == nil { problems.append("\(r.id) unknown farm") }
            if !planDays.contains(r.date) { problems.append("\(r.id) date") }
            if r.headcount < 1 || r.minHeadcount < 1 || r.minHeadcount > r.headcount {
                problems.append("\(r.id) headcount")
            }
            if !(1...10).contains(r.priority) { problems.append("\(r.id) priority") }
            if let wage = r.wage, !(100_000...180_000).contains(wage) { problems.append("\(r.id) wage \(wage)") }
            if let s = r.start, let e = r.end, s >= e { problems.append("\(r.id) hours") }
        }
        // Pins: valid pairs, one per worker and date, at most the headcount, within weekly caps.
        var perWorkerDate: Set<String> = []
        var perRequest: [String: Int] = [:]
        var perWorkerWeek: [String: Int] = [:]
        for pin in instance.pinned {
            guard let r = requests[pin.request], let w = workers[pin.worker], let f = farms[r.farm] else {
                problems.append("pin \(pin) names nothing")
                continue
            }
            if !w.available.contains(r.date) || !r.skills.isSubset(of: w.skills) {
                problems.append("pin \(pin) rule 1/2")
            }
            let d = haversineKm(w.home, f.location)
            if d > w.maxTravelKm || d > (r.maxTravelKm ?? .infinity) { problems.append("pin \(pin) rule 3") }
            if w.blockedFarms.contains(f.id) || f.blockedWorkers.contains(w.id)
                || w.allowedFarms.map({ !$0.contains(f.id) }) == true
            {
                problems.append("pin \(pin) rule 4")
            }
            if !perWorkerDate.insert("\(w.id)@\(r.date)").inserted { problems.append("pin \(pin) rule 5") }
            perRequest[r.id, default: 0] += 1
            if perRequest[r.id]! > r.headcount { problems.append("pin \(pin) rule 6") }
            let key = "\(w.id)@\(r.date.isoWeek)"
            perWorkerWeek[key, default: w.workedDates.filter { $0.isoWeek == r.date.isoWeek }.count] += 1
            if perWorkerWeek[key]! > w.maxDaysPerWeek { problems.append("pin \(pin) rule 8") }
        }
        for h in instance.history {
            if workers[h.worker] == nil || h.date >= g.start { problems.append("history \(h)") }
        }
        return problems
    }
}
