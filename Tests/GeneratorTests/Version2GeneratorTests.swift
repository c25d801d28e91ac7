import Foundation
import Scheduling
import Testing
import Vocabulary

@testable import Generator

/// The version 2 mix of the generator (`ilson generate --v2`): off by default (a version 1 run is byte for byte what
/// it was before version 2), and when on, instances that decode, that the shared scorer accepts, that hold every
/// ingredient of the mix, and whose pins break nothing.
@Suite struct Version2GeneratorTests {
    /// `../shared/tools/score_plan.py`, unless `ILSON_TEST_WITHOUT_SHARED` is set or `../shared` is not there.
    static var scorer: URL? {
        ProcessInfo.processInfo.environment["ILSON_TEST_WITHOUT_SHARED"] != nil ? nil : Fixtures.scorer
    }

    static func v2(workers: Int, requests: Int, days: Int, seed: UInt64, flavor: Flavor = .balanced)
        -> InstanceGenerator
    {
        var g = InstanceGenerator(workers: workers, requestsPerDay: requests, days: days, seed: seed, flavor: flavor)
        g.version2 = .standard
        return g
    }

    /// FNV-1a, 64 bits: enough to pin a file's bytes in a test.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    @Test func theDefaultRunIsByteForByteAsBeforeVersion2() {
        // Hashes of `ilson generate` output without the version 2 mix, taken once the villages came from the national
        // table (issue 15 changed the files once); the version 2 mix must leave them alone.
        let a = InstanceGenerator(workers: 30, requestsPerDay: 8, days: 2, seed: 1)
        #expect(a.version2 == nil)
        #expect(Self.fnv1a(InstanceJSONWriter.encode(a.generate())) == 15_909_254_478_671_390_867)
        let b = InstanceGenerator(workers: 150, requestsPerDay: 40, days: 3, seed: 7, flavor: .scarce)
        #expect(Self.fnv1a(InstanceJSONWriter.encode(b.generate())) == 8_768_330_366_976_220_519)
        #expect(!b.generate().usesVersion2)
    }

    @Test func sameSeedSameBytesAndTheMixChangesThem() {
        let a = InstanceJSONWriter.encode(Self.v2(workers: 80, requests: 20, days: 2, seed: 5).generate())
        let b = InstanceJSONWriter.encode(Self.v2(workers: 80, requests: 20, days: 2, seed: 5).generate())
        let v1 = InstanceJSONWriter.encode(
            InstanceGenerator(workers: 80, requestsPerDay: 20, days: 2, seed: 5).generate())
        #expect(a == b)
        #expect(a != v1)
        #expect(Self.v2(workers: 80, requests: 20, days: 2, seed: 5).name == "gen-v2-balanced-w80-r20-d2-s5")
    }

    @Test(arguments: Flavor.allCases)
    func everyFlavorDecodesAsVersion2WithTheWholeMix(_ flavor: Flavor) throws {
        let g = Self.v2(workers: 400, requests: 100, days: 3, seed: 11, flavor: flavor)
        let generated = g.generate()
        let bytes = InstanceJSONWriter.encode(generated)
        let i = try InstanceDecoder.decode(bytes)
        #expect(InstanceJSONWriter.encode(i) == bytes)  // the file says everything the generator made
        #expect(i.version == 2 && i.usesVersion2)
        #expect(i.weights.share == 5)
        let dates = Set((0..<3).map { g.start.adding(days: $0) })

        // Requests: half days (4 hours), pools, pickups with seats at known points.
        #expect(i.requests.contains { $0.lengthMinutes == 240 })
        #expect(i.requests.contains { $0.lengthMinutes >= 480 })
        #expect(i.requests.contains { $0.pools == [.day, .volunteer] })
        #expect(i.requests.contains { $0.pools == [.day, .seasonal] })
        #expect(i.requests.contains { $0.pools == nil })
        let points = Set(i.pickupPoints.map(\.id))
        let vans = i.requests.compactMap(\.pickup)
        #expect(!vans.isEmpty)
        #expect(vans.allSatisfy { !$0.points.isEmpty && $0.points.isSubset(of: points) && $0.seats >= 2 })
        // Requests of one job share their hours, pools and van.
        var byJob: [String: LaborRequest] = [:]
        for r in i.requests {
            if let first = byJob[r.job] {
                #expect(first.pools == r.pools && first.pickup == r.pickup, "\(r.id)")
                if r.lengthMinutes <= 240 || first.lengthMinutes <= 240 {
                    #expect(first.startMinute == r.startMinute && first.endMinute == r.endMinute, "\(r.id)")
                }
            } else {
                byJob[r.job] = r
            }
        }

        // Pickup points: the towns' terminals and offices, and village halls, in Korean.
        #expect(i.pickupPoints.contains { $0.name?.hasSuffix("버스터미널") == true })
        #expect(i.pickupPoints.contains { $0.name?.hasSuffix("행정복지센터") == true })
        #expect(i.pickupPoints.contains { $0.name?.hasSuffix("리 마을회관") == true })

        // Workers.
        let volunteers = i.workers.filter { $0.pool == .volunteer }
        #expect(!volunteers.isEmpty && volunteers.allSatisfy { $0.maxMinutesPerDay == 240 && $0.category != .foreign })
        let seasonal = i.workers.filter { $0.pool == .seasonal }
        #expect(!seasonal.isEmpty)
        #expect(seasonal.allSatisfy { $0.category == .foreign && $0.stayUntil != nil && $0.allowedFarms != nil })
        #expect(seasonal.contains { dates.contains($0.stayUntil!) })  // a stay that ends within the plan
        #expect(seasonal.contains { $0.stayUntil! > dates.max()! })
        #expect(i.workers.contains { $0.maxJobsPerDay == 2 && $0.pool == .day })
        #expect(i.workers.contains { $0.maxJobsPerDay == 2 && $0.maxMinutesPerDay.map { $0 >= 480 } == true })
        let carless = i.workers.filter { !$0.car }
        #expect(carless.contains { $0.pickupPoint != nil })
        #expect(i.workers.allSatisfy { $0.pickupPoint == nil || (!$0.car && points.contains($0.pickupPoint!)) })
        #expect(i.workers.contains { $0.category == .midlife })
        let windowed = i.workers.filter { !$0.windows.isEmpty }
        #expect(!windowed.isEmpty && windowed.allSatisfy { $0.category == .senior })
        for w in windowed {
            #expect(Set(w.windows.keys).isSubset(of: w.available), "\(w.id)")
        }
        #expect(windowed.contains { $0.windows.values.contains { $0.count == 1 && $0[0].to <= 13 * 60 } })
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func pinsBreakNothingUnderVersion2(_ seed: UInt64) throws {
        let g = Self.v2(workers: 240, requests: 90, days: 2, seed: seed, flavor: seed % 2 == 0 ? .scarce : .balanced)
        let i = try InstanceDecoder.decode(InstanceJSONWriter.encode(g.generate()))
        #expect(!i.pinned.isEmpty)
        let report = score(i, assignments: i.pinned)
        #expect(report.score.hard == 0, "\(report.violations)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func aProvinceIsVersion2Too() throws {
        let g = Self.v2(workers: 5_000, requests: 150, days: 1, seed: 3)
        let i = try InstanceDecoder.decode(InstanceJSONWriter.encode(g.generate()))
        #expect(g.countyCount == 3)
        // Each county has its own pickup points; the second's are labelled with it.
        #expect(i.pickupPoints.contains { $0.name?.hasPrefix("(2군) ") == true })
        #expect(score(i, assignments: i.pinned).score.hard == 0)
    }

    @Test func knobsTurnTheMix() {
        var none = Self.v2(workers: 200, requests: 60, days: 1, seed: 4)
        none.version2?.halfDayShare = 0
        none.version2?.twoJobShare = 0
        let a = none.generate()
        #expect(!a.requests.contains { $0.lengthMinutes == 240 })
        #expect(!a.workers.contains { $0.maxJobsPerDay == 2 && $0.pool != .volunteer })
        var all = none
        all.version2?.halfDayShare = 1
        all.version2?.twoJobShare = 1
        let b = all.generate()
        #expect(b.requests.allSatisfy { $0.lengthMinutes == 240 })
        #expect(b.workers.allSatisfy { $0.maxJobsPerDay == 2 || $0.pool == .volunteer })
    }

    @Test(
        .enabled(if: Version2GeneratorTests.scorer != nil, "../shared is not beside the repository: no shared scorer"))
    func theSharedScorerAcceptsVersion2Instances() throws {
        let scorer = try #require(Self.scorer)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-gen-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for flavor in Flavor.allCases {
            let file = dir.appendingPathComponent("\(flavor).json")
            let g = Self.v2(workers: 150, requests: 40, days: 3, seed: 7, flavor: flavor)
            try Data(InstanceJSONWriter.encode(g.generate())).write(to: file)
            let result = try Fixtures.run("python3", [scorer.path, "--validate-instance", file.path])
            #expect(result.status == 0, "\(flavor): \(result.output)")
        }
    }
}
