import Foundation
import Testing

@testable import Scheduling

/// `WorkerGrid.near` finds exactly the workers a brute-force scan finds, in worker order and with bit-identical
/// distances, whether the cells within reach hold most workers (scanned in worker order) or few (scanned by cell and
/// sorted): spreads from a village to a country, radii from 1 to 200 km, by the antimeridian and near a pole.
@Suite struct GridScanTests {
    static func unit(_ g: inout SplitMix64) -> Double { Double(g.next() % 1_000_000) / 1_000_000 }

    /// `n` workers spread over `spread`° × `spread`° from (lat, lon) (longitudes wrapped), reaches up to `cap` km.
    static func workers(
        _ g: inout SplitMix64, n: Int, lat: Double, lon: Double, spread: Double, cap: Double
    ) -> [Worker] {
        (0..<n).map { i in
            var lo = lon + unit(&g) * spread
            if lo >= 180.0 { lo -= 360.0 }
            return Worker(
                id: "w\(i)", home: GeoPoint(lat: min(90.0, lat + unit(&g) * spread), lon: lo), skills: [],
                maxTravelKm: 1 + unit(&g) * (cap - 1), available: [Fixtures.day1], maxDaysPerWeek: 6,
                recentDaysWorked: 0, workedDates: [], blockedFarms: [], allowedFarms: nil)
        }
    }

    static func brute(_ workers: [Worker], _ p: GeoPoint, _ radius: Double, keep: (Int) -> Bool) -> [(Int32, Double)] {
        var want: [(Int32, Double)] = []
        for (w, W) in workers.enumerated() where keep(w) {
            let d = Distance.km(lat1: W.home.lat, lon1: W.home.lon, lat2: p.lat, lon2: p.lon)
            if d <= radius { want.append((Int32(w), d)) }
        }
        return want
    }

    @Test(
        arguments: [
            (36.0, 127.0, 0.3, 20.0), (36.0, 127.0, 1.5, 45.0), (34.0, 125.0, 6.0, 60.0), (30.0, 120.0, 20.0, 200.0),
            (-40.0, 178.5, 3.0, 80.0), (84.0, 10.0, 5.0, 100.0), (36.0, 127.0, 8.0, 5.0),
        ] as [(Double, Double, Double, Double)])
    func nearIsTheBruteForceScan(_ lat: Double, _ lon: Double, _ spread: Double, _ cap: Double) {
        var g = SplitMix64(seed: UInt64(abs(lat * 1000 + lon * 10 + spread)))
        let workers = Self.workers(&g, n: 400, lat: lat, lon: lon, spread: spread, cap: cap)
        let grid = WorkerGrid(workers)
        for k in 0..<30 {
            var lo = lon + Self.unit(&g) * spread
            if lo >= 180.0 { lo -= 360.0 }
            let p = GeoPoint(lat: min(90.0, lat + Self.unit(&g) * spread), lon: lo)
            let radius = 1 + Self.unit(&g) * (cap - 1)
            let keep: (Int) -> Bool = { ($0 + k) % 3 != 0 }
            var got: [(Int32, Double)] = []
            grid.near(p, radius: radius, keep: keep) { got.append(($0, $1)) }
            let want = Self.brute(workers, p, radius, keep: keep)
            #expect(got.map(\.0) == want.map(\.0))
            #expect(got.map { $0.1.bitPattern } == want.map { $0.1.bitPattern })
            var all: [(Int32, Double)] = []
            grid.near(p, radius: radius) { all.append(($0, $1)) }
            #expect(all.map(\.0) == Self.brute(workers, p, radius, keep: { _ in true }).map(\.0))
            // The fields in grid order are the workers' own, and `km(at:)` gives `km`'s bits for every position.
            let cosP = cos(Distance.rad(p.lat))
            for i in 0..<workers.count {
                let w = Int(grid.order[i])
                #expect(grid.gridLat[i] == workers[w].home.lat && grid.gridLon[i] == workers[w].home.lon)
                #expect(grid.km(at: i, p, cosP: cosP).bitPattern == grid.km(w, p, cosP: cosP).bitPattern)
            }
        }
    }
}
