import Testing

@testable import Scheduling

/// The candidate grid's distances (cosines precomputed) are bit for bit `Distance.km`, and it finds exactly the
/// workers a brute-force scan finds.
@Suite struct FlowGridDistanceTests {
    @Test(arguments: 0..<8)
    func gridMatchesBruteForce(_ seed: UInt64) {
        var g = SplitMix64(seed: seed)
        func unit() -> Double { Double(g.next() % 1_000_000) / 1_000_000 }
        let workers = (0..<300).map { i in
            Worker(
                id: "w\(i)", home: GeoPoint(lat: 36.0 + unit() * 1.5, lon: 127.0 + unit() * 1.5), skills: [],
                maxTravelKm: 5 + unit() * 40, available: [Fixtures.day1], maxDaysPerWeek: 6, recentDaysWorked: 0,
                workedDates: [], blockedFarms: [], allowedFarms: nil)
        }
        let grid = WorkerGrid(workers)
        for _ in 0..<20 {
            let p = GeoPoint(lat: 36.0 + unit() * 1.5, lon: 127.0 + unit() * 1.5)
            let radius = 5 + unit() * 40
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
        func unit() -> Double { Double(g.next() % 1_000_000) / 1_000_000 }
        let workers = (0..<300).map { i in
            Worker(
                id: "w\(i)", home: GeoPoint(lat: 36.0 + unit() * 1.5, lon: 127.0 + unit() * 1.5), skills: [],
                maxTravelKm: 5 + unit() * 40, available: [Fixtures.day1], maxDaysPerWeek: 6, recentDaysWorked: 0,
                workedDates: [], blockedFarms: [], allowedFarms: nil)
        }
        let grid = WorkerGrid(workers)
        for _ in 0..<20 {
            let p = GeoPoint(lat: 36.0 + unit() * 1.5, lon: 127.0 + unit() * 1.5)
            let radius = 5 + unit() * 40
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
