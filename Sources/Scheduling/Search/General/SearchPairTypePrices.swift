import Foundation

/// A day deal's pair types chosen from seat prices (issue 14, v2soft14 session): a Lagrangian relaxation of the
/// counts per request of one day (every other day fixed), priced by subgradient steps.
///
/// The pair deals of `SearchSeatPairDeals.swift` deal a day exactly for a given T (how many seats of each request go
/// to single rows, how many pairs of each pair type), and change T by one type at a time. Here a price `u[r]` per seat
/// of each request relaxes "every request gets exactly its seats": each free worker then picks on its own its best
/// column (none, one seat, or a pair of its pair types) by value minus prices, and `L(u) = Σ u·seats + Σ best` is an
/// upper bound on the day's deal value. Subgradient steps lower it; after each step the workers' chosen pairs are read
/// off as a whole new T (best reduced value first, each pair taken while both its requests have seats left, the rest
/// single seats), which the pair deal's flow then deals exactly. Pure and deterministic (worker, column and request
/// order).
struct PairTypePrices {
    /// One column of a worker: a single seat of request `index` (`pair == false`) or a pair of type `index`.
    struct Column {
        /// Whether the column is a pair (then `index` is a type), else a single seat (`index` is a request).
        var pair: Bool
        /// The request (single) or the pair type (pair), in the caller's local numbering.
        var index: Int
        /// The column's value (the deal's arc value).
        var value: Int64
    }

    /// Seats of each local request (the counts the deal keeps).
    let seats: [Int32]
    /// The two local requests of each pair type.
    let types: [(Int, Int)]
    /// Each free worker's columns (the empty column, value 0, is implicit).
    let columns: [[Column]]

    /// What a run of the subgradient gives: the best (lowest) Lagrangian value, the distinct pair-type counts read
    /// off the steps (each with the Lagrangian value of its step, lowest first), and the work done (column looks).
    struct Result {
        /// The lowest `L(u)` seen: an upper bound on the day's deal value with the counts kept.
        var bound: Double
        /// Distinct T's (pair-type counts), lowest `L` of their step first.
        var tees: [(counts: [Int32], lagrangian: Double)]
        /// The prices of the lowest `L`, one per local request.
        var prices: [Double]
        /// Columns looked at.
        var work: Int
    }

    /// Runs `steps` subgradient steps from prices `start` (one per local request) towards the target `lower` (the
    /// current deal's value: Polyak steps `θ (L − lower) / ‖g‖²`, θ halved after 20 steps without a lower `L`), and
    /// reads a T off every step; at most `maxTees` distinct T's are kept.
    func run(start: [Double], lower: Double, steps: Int, maxTees: Int) -> Result {
        var u = start
        var best = Double.infinity
        var bestPrices = start
        var theta = 1.0
        var stall = 0
        var work = 0
        var seen = Set<[Int32]>()
        var tees: [(counts: [Int32], lagrangian: Double)] = []
        var use = [Int32](repeating: 0, count: seats.count)
        var chosen: [(value: Double, worker: Int, type: Int)] = []
        for _ in 0..<max(0, steps) {
            for r in use.indices { use[r] = 0 }
            chosen.removeAll(keepingCapacity: true)
            var lagrangian = 0.0
            for (w, cols) in columns.enumerated() {
                var bestValue = 0.0
                var bestColumn = -1
                for (j, col) in cols.enumerated() {
                    let price = col.pair ? u[types[col.index].0] + u[types[col.index].1] : u[col.index]
                    let v = Double(col.value) - price
                    if v > bestValue + 1e-9 {
                        bestValue = v
                        bestColumn = j
                    }
                }
                work += cols.count
                lagrangian += bestValue
                guard bestColumn >= 0 else { continue }
                let col = cols[bestColumn]
                if col.pair {
                    use[types[col.index].0] += 1
                    use[types[col.index].1] += 1
                    chosen.append((bestValue, w, col.index))
                } else {
                    use[col.index] += 1
                }
            }
            for r in seats.indices { lagrangian += u[r] * Double(seats[r]) }
            if lagrangian < best - 1e-9 {
                best = lagrangian
                bestPrices = u
                stall = 0
            } else {
                stall += 1
                if stall >= 20 {
                    theta /= 2
                    stall = 0
                }
            }
            // T from the chosen pairs: best reduced value first, while both requests have seats left.
            chosen.sort { ($0.value, -$0.worker) > ($1.value, -$1.worker) }
            var room = seats
            var counts = [Int32](repeating: 0, count: types.count)
            for item in chosen {
                let (a, b) = types[item.type]
                guard room[a] > 0, room[b] > 0 else { continue }
                room[a] -= 1
                room[b] -= 1
                counts[item.type] += 1
            }
            // Too few pairs for the workers (each single seat and each pair takes one): more pairs, best reduced value
            // at these prices first, among types whose two requests both have single seats left.
            var needed = room.reduce(0) { $0 + Int($1) } + counts.reduce(0) { $0 + Int($1) } - columns.count
            if needed > 0 {
                let gain = typeGains(u)
                work += columns.count
                let order = types.indices.filter { gain[$0] > -Double.infinity }.sorted {
                    (gain[$0], -$0) > (gain[$1], -$1)
                }
                var progress = true
                while needed > 0 && progress {
                    progress = false
                    for t in order where needed > 0 && room[types[t].0] > 0 && room[types[t].1] > 0 {
                        room[types[t].0] -= 1
                        room[types[t].1] -= 1
                        counts[t] += 1
                        needed -= 1
                        progress = true
                    }
                }
            }
            if tees.count < maxTees, seen.insert(counts).inserted { tees.append((counts, lagrangian)) }
            var norm = 0.0
            for r in seats.indices {
                let g = Double(seats[r] - use[r])
                norm += g * g
            }
            guard norm > 0 else { break }
            let step = theta * max(lagrangian - lower, 1) / norm
            for r in seats.indices { u[r] -= step * Double(seats[r] - use[r]) }
        }
        let order = tees.indices.sorted { (tees[$0].lagrangian, $0) < (tees[$1].lagrangian, $1) }
        return Result(bound: best, tees: order.map { tees[$0] }, prices: bestPrices, work: work)
    }
}

extension PairTypePrices {
    /// Each pair type's best reduced value at prices `u` over the workers' columns (−∞ when no worker has it).
    func typeGains(_ u: [Double]) -> [Double] {
        var gain = [Double](repeating: -Double.infinity, count: types.count)
        for cols in columns {
            for col in cols where col.pair {
                let (a, b) = types[col.index]
                gain[col.index] = max(gain[col.index], Double(col.value) - u[a] - u[b])
            }
        }
        return gain
    }
}

extension GeneralEngine {
    /// Subgradient steps a day's prices take in the pair-type prices.
    static let pairPriceSteps = 300
    /// Priced T's a day walks towards.
    static let pairPriceWalks = 4
    /// Steps of one walk.
    static let pairPriceMaxSteps = 24

    /// Pair deals whose T comes from seat prices (`PairTypePrices`): passes over the days while one improves (at most
    /// `maxPasses`), within `maxWork` work units, at most `maxFlows` T's dealt a day and pass. Counts per request kept.
    /// Returns whether the plan improved.
    @discardableResult
    mutating func pairTypePriceDeals(maxWork: Int, maxPasses: Int = 3, maxFlows: Int = 48) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let workAtStart = budget.spent[.general, default: 0]
        let pinned = pinnedWorkers()
        var any = false
        var lastImproved = -1
        for pass in 1...max(1, maxPasses) {
            var improved = false
            for d in 0..<nD {
                if pass > 1 && d == lastImproved && !improved { return any }
                while true {
                    let left = maxWork - (budget.spent[.general, default: 0] - workAtStart)
                    if budget.outOfTime() || left <= 0 { return any }
                    guard pairDealDay(d, pinned, maxFlows: maxFlows, maxWork: left, priced: true) else { break }
                    improved = true
                    any = true
                    lastImproved = d
                    stats.moves += 1
                }
            }
            if !improved { break }
        }
        return any
    }
}
