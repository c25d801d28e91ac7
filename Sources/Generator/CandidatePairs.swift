import Foundation
import Scheduling
import Vocabulary

/// Counts candidate pairs: (worker, request) pairs that pass hard rules 1-4 (available on the
/// date, holds every skill, within both travel caps, not blocked, allowed when restricted).
///
/// This is the size measure the benchmarks are calibrated on. Workers are bucketed in a grid of
/// about 11 km cells, so a request only looks at workers within reach; the answer equals the
/// brute-force count (``bruteForce(_:)``).
public enum CandidatePairs {
    /// Counts the candidate pairs of an instance.
    /// - Parameter instance: the instance.
    /// - Returns: the number of (worker, request) pairs passing rules 1-4.
    public static func count(_ instance: Instance) -> Int {
        guard !instance.workers.isEmpty, !instance.requests.isEmpty else { return 0 }
        // Skills as bits (overflowing skills fall back to set checks).
        var skillBit: [String: UInt64] = [:]
        var nextBit = 0
        for code in Set(instance.workers.flatMap(\.skills)).union(instance.requests.flatMap(\.skills)).sorted() {
            skillBit[code] = nextBit < 64 ? UInt64(1) << UInt64(nextBit) : 0
            nextBit += 1
        }
        let exactSkills = nextBit <= 64
        let dates = Array(Set(instance.requests.map(\.date))).sorted()
        var dateIndex: [Day: Int] = [:]
        for (i, d) in dates.enumerated() { dateIndex[d] = i }
        let dateWords = (dates.count + 63) / 64

        let cellLat = 0.1
        let cellLon = 0.125
        var grid: [Int64: [Int]] = [:]
        func key(_ y: Int, _ x: Int) -> Int64 {
            Int64(y) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: x)))
        }
        var masks = [UInt64](repeating: 0, count: instance.workers.count)
        var avail = [UInt64](repeating: 0, count: instance.workers.count * dateWords)
        var maxCap = 0.0
        var maxAbsLat = 0.0
        let homes = instance.workers.map(\.home)
        let caps = instance.workers.map(\.maxTravelKm)
        // Workers with blocks or a visa restriction, checked the slow way.
        let restricted = instance.workers.map { !$0.blockedFarms.isEmpty || $0.allowedFarms != nil }
        for (i, w) in instance.workers.enumerated() {
            var m: UInt64 = 0
            for s in w.skills { m |= skillBit[s] ?? 0 }
            masks[i] = m
            for d in w.available { if let k = dateIndex[d] { avail[i * dateWords + k / 64] |= 1 << UInt64(k % 64) } }
            maxCap = max(maxCap, w.maxTravelKm)
            maxAbsLat = max(maxAbsLat, abs(w.home.lat))
            grid[
                key(Int((w.home.lat / cellLat).rounded(.down)), Int((w.home.lon / cellLon).rounded(.down))), default: []
            ].append(i)
        }
        var farms: [String: Farm] = [:]
        for f in instance.farms { farms[f.id] = f }

        var total = 0
        for r in instance.requests {
            guard let farm = farms[r.farm], let k = dateIndex[r.date] else { continue }
            var need: UInt64 = 0
            for s in r.skills { need |= skillBit[s] ?? 0 }
            let requestCap = r.maxTravelKm ?? .infinity
            let checkFarmBlocks = !farm.blockedWorkers.isEmpty
            let reach = min(maxCap, requestCap)
            guard reach >= 0 else { continue }
            let dLat = reach / 110.0 + 0.01
            let cosLat = cos(min(89.0, max(maxAbsLat, abs(farm.location.lat)) + dLat) * Double.pi / 180)
            let dLon = reach / (111.0 * max(cosLat, 0.01)) + 0.01
            let y0 = Int(((farm.location.lat - dLat) / cellLat).rounded(.down))
            let y1 = Int(((farm.location.lat + dLat) / cellLat).rounded(.down))
            let x0 = Int(((farm.location.lon - dLon) / cellLon).rounded(.down))
            let x1 = Int(((farm.location.lon + dLon) / cellLon).rounded(.down))
            for y in y0...y1 {
                for x in x0...x1 {
                    guard let bucket = grid[key(y, x)] else { continue }
                    for i in bucket {
                        guard avail[i * dateWords + k / 64] & (1 << UInt64(k % 64)) != 0, masks[i] & need == need else {
                            continue
                        }
                        let home = homes[i]
                        let cap = min(caps[i], requestCap)
                        // Cheap latitude reject before the trigonometry (1° of latitude ≥ 110 km).
                        if abs(home.lat - farm.location.lat) * 110.0 > cap + 1 { continue }
                        let d = haversineKm(home, farm.location)
                        guard d <= caps[i], d <= requestCap else { continue }
                        if !exactSkills || restricted[i] || checkFarmBlocks {
                            let w = instance.workers[i]
                            if !exactSkills, !r.skills.isSubset(of: w.skills) { continue }
                            if w.blockedFarms.contains(r.farm) || farm.blockedWorkers.contains(w.id) { continue }
                            if let allowed = w.allowedFarms, !allowed.contains(r.farm) { continue }
                        }
                        total += 1
                    }
                }
            }
        }
        return total
    }

    /// The same count by checking every pair; for tests on small instances.
    public static func bruteForce(_ instance: Instance) -> Int {
        var farms: [String: Farm] = [:]
        for f in instance.farms { farms[f.id] = f }
        var total = 0
        for r in instance.requests {
            guard let farm = farms[r.farm] else { continue }
            for w in instance.workers {
                guard w.available.contains(r.date), r.skills.isSubset(of: w.skills) else { continue }
                let d = haversineKm(w.home, farm.location)
                guard d <= w.maxTravelKm, d <= (r.maxTravelKm ?? .infinity) else { continue }
                if w.blockedFarms.contains(r.farm) || farm.blockedWorkers.contains(w.id) { continue }
                if let allowed = w.allowedFarms, !allowed.contains(r.farm) { continue }
                total += 1
            }
        }
        return total
    }
}
