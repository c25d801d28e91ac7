import Testing

@testable import Scheduling

/// The candidate grid's distances (cosines precomputed) are bit for bit `Distance.km`, and it finds exactly the
/// workers a brute-force scan finds.
@Suite struct FlowGridDistanceTests {
    /// A number in [0, 1) in steps of a millionth.
    static func unit(_ g: inout SplitMix64) -> Double { Double(g.next() % 1_000_000) / 1_000_000 }

    /// 300 workers scattered over 1.5° × 1.5° with reaches of 5 to 45 km, and their grid.
    static func scattered(_ g: inout SplitMix64) -> (workers: [Worker], grid: WorkerGrid) {
        let workers = (0..<300).map { i in
            Worker(
                id: "w\(i)", home: GeoPoint(lat: 36.0 + unit(&g) * 1.5, lon: 127.0 + unit(&g) * 1.5), skills: [],
                maxTravelKm: 5 + unit(&g) * 40, available: [Fixtures.day1], maxDaysPerWeek: 6, recentDaysWorked: 0,
                workedDates: [], blockedFarms: [], allowedFarms: nil)
        }
        return (workers, WorkerGrid(workers))
    }

    /// A point of the same square and a radius of 5 to 45 km.
    static func probe(_ g: inout SplitMix64) -> (point: GeoPoint, radius: Double) {
        let p = GeoPoint(lat: 36.0 + unit(&g) * 1.5, lon: 127.0 + unit(&g) * 1.5)
        return (p, 5 + unit(&g) * 40)
    }

    @Test(arguments: 0..<8)
    func gridMatchesBruteForce(_ seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let (workers, grid) = Self.scattered(&g)
        for _ in 0..<20 {
            let (p, radius) = Self.probe(&g)
            var got: [(Int32, Double)] = []
            grid.near(p, radius: radius) { got.append(($0, $1)) }
            var want: [(Int32, Double)] = []
            for (w, W) in workers.enumerated() {
                let d = Distance.km(lat1: W.home.lat, lon1: W.home.lon, lat2: p.lat, lon2: p.lon)
                if d <= radius { want.append((Int32(w), d)) }
            }
            #expect(got.map(\.0) == want.map(\.0))
            #expect(got.map { $0.1.bitPattern } == want.map { $0.1.bitPattern })
        }
    }
    /// The pre-test of `near` only drops the workers it rejects, and the distances of the others stay bit-identical;
    /// the latitude bound used by `Problem.candidates` never rejects a worker within reach.
    @Test(arguments: 0..<4)
    func keepOnlyFilters(_ seed: UInt64) {
        var g = SplitMix64(seed: seed &+ 100)
        let (_, grid) = Self.scattered(&g)
        for _ in 0..<20 {
            let (p, radius) = Self.probe(&g)
            var all: [(Int32, Double)] = []
            grid.near(p, radius: radius) { all.append(($0, $1)) }
            var odd: [(Int32, Double)] = []
            let isOdd: (Int) -> Bool = { $0 % 2 == 1 }
            grid.near(p, radius: radius, keep: isOdd) { odd.append(($0, $1)) }
            let want = all.filter { $0.0 % 2 == 1 }
            #expect(odd.map(\.0) == want.map(\.0))
            #expect(odd.map { $0.1.bitPattern } == want.map { $0.1.bitPattern })
            for (w, d) in all {
                let bound = 6371.0 * Distance.rad(abs(p.lat - grid.lat[Int(w)])) * 0.999_999
                #expect(bound <= d + 1e-9)
            }
        }
    }
}
