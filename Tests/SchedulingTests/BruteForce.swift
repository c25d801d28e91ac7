import Foundation
import Vocabulary

@testable import Scheduling

/// The optimum of a tiny instance by exhaustive search: every plan in which each worker takes at most one request a
/// date, scored by its own reading of the spec (no code of `Scheduling`'s scorer or solver: its own haversine, its own
/// rules 1-9, its own soft terms). Meant for a handful of workers and requests: the plans number
/// Π over workers and dates of (1 + requests that date).
struct BruteForce {
    struct Best {
        var medium: Int
        var soft: Int
        var assignments: [Pair]
        /// Valid plans enumerated (for the test's message).
        var plans: Int
    }

    let instance: Instance

    static func rad(_ x: Double) -> Double { (x * Double.pi) / 180.0 }

    /// The spec's haversine, term by term.
    static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let dphi = rad(b.lat - a.lat)
        let dlam = rad(b.lon - a.lon)
        let s1 = sin(dphi / 2.0)
        let s2 = sin(dlam / 2.0)
        let h = s1 * s1 + (cos(rad(a.lat)) * cos(rad(b.lat))) * (s2 * s2)
        return (2.0 * 6371.0) * asin(min(h, 1.0).squareRoot())
    }

    /// Rules 1-4 for one pair.
    func allowed(_ w: Worker, _ r: LaborRequest) -> Bool {
        let farm = instance.farms.first { $0.id == r.farm }!
        let d = Self.km(w.home, farm.location)
        return w.available.contains(r.date) && r.skills.isSubset(of: w.skills) && d <= w.maxTravelKm
            && d <= (r.maxTravelKm ?? .infinity) && !w.blockedFarms.contains(r.farm)
            && !farm.blockedWorkers.contains(w.id) && (w.allowedFarms?.contains(r.farm) ?? true)
    }

    /// The best valid plan: highest medium, then highest soft; nil when no plan is valid (never, for a valid instance).
    func optimum() -> Best? {
        let requests = instance.requests
        let dates = Array(Set(requests.map(\.date))).sorted()
        let pins = Set(instance.pinned)
        // Each worker's options per date: none or one request (a pinned request is the only option).
        var options: [[[Int?]]] = []
        for w in instance.workers {
            options.append(
                dates.map { day in
                    let today = requests.indices.filter { requests[$0].date == day }
                    if let p = today.first(where: { pins.contains(Pair(request: requests[$0].id, worker: w.id)) }) {
                        return [p]
                    }
                    return [nil] + today.filter { allowed(w, requests[$0]) }.map { Optional($0) }
                })
        }
        var count = [Int](repeating: 0, count: requests.count)
        var chosen: [(r: Int, w: Int)] = []
        var best: Best?
        var plans = 0
        func visit(_ w: Int, _ k: Int) {
            if w == instance.workers.count {
                guard let (medium, soft) = evaluate(chosen, count) else { return }
                plans += 1
                if best.map({ (medium, soft) > ($0.medium, $0.soft) }) ?? true {
                    let rows = chosen.map { Pair(request: requests[$0.r].id, worker: instance.workers[$0.w].id) }
                    best = Best(medium: medium, soft: soft, assignments: rows, plans: 0)
                }
                return
            }
            if k == dates.count { return visit(w + 1, 0) }
            for option in options[w][k] {
                guard let r = option else {
                    visit(w, k + 1)
                    continue
                }
                guard count[r] < requests[r].headcount else { continue }  // rule 6
                count[r] += 1
                chosen.append((r, w))
                visit(w, k + 1)
                chosen.removeLast()
                count[r] -= 1
            }
        }
        visit(0, 0)
        best?.plans = plans
        return best
    }

    /// Rules 7 and 8 (5, 6 and 9 hold by construction), then medium and soft; nil when the plan is invalid.
    func evaluate(_ rows: [(r: Int, w: Int)], _ count: [Int]) -> (Int, Int)? {
        let requests = instance.requests
        let pinnedRequests = Set(instance.pinned.map(\.request))
        for (r, R) in requests.enumerated()
        where count[r] > 0 && count[r] < R.minHeadcount && !pinnedRequests.contains(R.id) {
            return nil
        }
        var perWeek: [String: Int] = [:]
        for (r, w) in rows { perWeek["\(w) \(requests[r].date.isoWeek)", default: 0] += 1 }
        for (key, n) in perWeek {
            let w = Int(key.split(separator: " ")[0])!
            let W = instance.workers[w]
            let worked = W.workedDates.filter { "\(w) \($0.isoWeek)" == key }.count
            if n + worked > W.maxDaysPerWeek { return nil }
        }
        var medium = 0
        var soft = 0
        var works = Set<String>()
        for (r, w) in rows { works.insert("\(instance.workers[w].id)|\(requests[r].job)|\(requests[r].date)") }
        for h in instance.history { works.insert("\(h.worker)|\(h.job)|\(h.date)") }
        for (r, w) in rows {
            let R = requests[r]
            let W = instance.workers[w]
            let farm = instance.farms.first { $0.id == R.farm }!
            medium += R.priority
            soft -= Int((10 * Self.km(W.home, farm.location)).rounded(.toNearestOrAwayFromZero))
            soft -= instance.weights.fairness * W.recentDaysWorked
            if works.contains("\(W.id)|\(R.job)|\(R.date.previous)") { soft += instance.weights.continuity }
        }
        return (medium, soft)
    }
}
