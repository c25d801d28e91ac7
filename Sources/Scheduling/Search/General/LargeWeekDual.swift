import Foundation

/// Prices of a Lagrangian bound on `medium` (`largeWeekDualBound`), in units of 1/`scale` medium point: one per
/// request (its workers) and one per request with a van (its seats).
struct LargeDualPrices {
    /// Units per medium point.
    static let scale: Int64 = 1 << 12
    /// Price of one worker on each request (≥ 0).
    var request: [Int64]
    /// Price of one seat of each request's van (≥ 0; unused without a van).
    var seat: [Int64]
}

extension GeneralEngine {
    /// Pairs of a row `largeWeekDualValue` checks for fit before it counts the row's two best jobs unchecked (still an
    /// upper bound): without it a row of 80 priced full days, none of which fit together, checked 3,000 pairs, and one
    /// evaluation of the county week v2 took seconds.
    static let dualPairChecks = 64

    /// A Lagrangian upper bound on `medium`: the request headcounts and the seats are priced (`prices`, any values
    /// ≥ 0), and everything else a worker decides — which jobs of a day fit together (overlaps, transfers, the minutes
    /// cap, the jobs a day) and which dates of a week (the dates left) — is decided **exactly**, each worker alone.
    ///
    /// **A true upper bound, for any prices.** For a valid plan `x` (pins aside) with `n_r` workers on request `r`
    /// (≤ `reqCap[r]`) and `s_r` riders in its van (≤ `seatsLeft[r]`), and prices `μ_r, ν_r ≥ 0`:
    /// `medium(x) = Σ_c prio_c x_c ≤ Σ_c prio_c x_c + Σ_r μ_r (cap_r − n_r) + Σ_r ν_r (seats_r − s_r)
    ///  = Σ_r μ_r cap_r + Σ_r ν_r seats_r + Σ_c (prio_c − μ_r(c) − ν_r(c)·ride_c) x_c`, and the last sum is at most
    /// Σ over workers of the best their own week can do with these weights: each worker-day its best set of jobs that
    /// fit together (`fits`, pins included; nothing when no set is worth more than 0), each week the best of those
    /// days up to its dates left (days with pins are free: their dates are already counted). So the result (plus the
    /// pins' medium) is at least every valid plan's medium whatever the prices; with prices close to the flow's dual
    /// it is below the flow's bound, because each row is exact where the flow only keeps some of its conflicts. Rows
    /// that can hold three jobs or more count their best `rowCap` jobs without checking that they fit (still at least
    /// their best valid set), and so do rows where `dualPairChecks` pairs did not settle the best pair. Integer
    /// arithmetic: exact.
    ///
    /// - Returns: the bound (pins' medium included) and how many workers each request and each van got in the
    ///   workers' best weeks (a subgradient, for a caller that lowers the prices).
    func largeWeekDualValue(_ prices: LargeDualPrices) -> (bound: Int, used: [Int32], riders: [Int32]) {
        let Q = LargeDualPrices.scale
        var total: Int64 = 0
        for r in 0..<p.nR where p.reqCap[r] > 0 {
            total += prices.request[r] * Int64(p.reqCap[r])
            if inst.requests[r].pickup != nil && seatsLeft[r] < Int32.max {
                total += prices.seat[r] * Int64(seatsLeft[r])
            }
        }
        var used = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        let dN = max(1, nD)
        var weekDays: [(value: Int64, set: [Int32])] = []
        for w in 0..<p.nW {
            for k in 0..<max(1, nK) {
                weekDays.removeAll(keepingCapacity: true)
                for d in 0..<dN where Int(p.dayWeek[d]) == k || nK == 0 {
                    let key = w * dN + d
                    guard rowCap[key] > 0, !rowCands[key].isEmpty else { continue }
                    let best = bestRow(key, prices: prices, Q: Q)
                    guard best.value > 0 else { continue }
                    if !pinsOn[key].isEmpty {
                        total += best.value
                        for c in best.set { count(c, &used, &riders) }
                    } else {
                        weekDays.append(best)
                    }
                }
                guard !weekDays.isEmpty else { continue }
                let left = Int(datesLeft[w * max(1, nK) + k])
                weekDays.sort { $0.value > $1.value }
                for day in weekDays.prefix(left) {
                    total += day.value
                    for c in day.set { count(c, &used, &riders) }
                }
            }
        }
        // ⌊total / Q⌋: the medium is an integer.
        let bound = pinnedMedium() + Int(total >= 0 ? total / Q : -((-total + Q - 1) / Q))
        return (bound, used, riders)
    }

    private func count(_ c: Int32, _ used: inout [Int32], _ riders: inout [Int32]) {
        let r = Int(candReq[Int(c)])
        used[r] += 1
        if p.candRide[Int(c)] != 0 && inst.requests[r].pickup != nil { riders[r] += 1 }
    }

    /// The best set of a row's jobs that fit together, by priced weight (`largeWeekDualValue`); empty with value 0
    /// when nothing is worth more than 0.
    private func bestRow(_ key: Int, prices: LargeDualPrices, Q: Int64) -> (value: Int64, set: [Int32]) {
        var pos: [(Int64, Int32)] = []
        for c in rowCands[key] {
            let r = Int(candReq[Int(c)])
            guard p.reqCap[r] > 0 else { continue }
            var v = Int64(p.reqPriority[r]) * Q - prices.request[r]
            if p.candRide[Int(c)] != 0 && inst.requests[r].pickup != nil { v -= prices.seat[r] }
            if v > 0 { pos.append((v, c)) }
        }
        guard !pos.isEmpty else { return (0, []) }
        pos.sort { ($0.0, $1.1) > ($1.0, $0.1) }
        let cap = Int(rowCap[key])
        if cap <= 1 || pos.count == 1 { return (pos[0].0, [pos[0].1]) }
        if cap >= 3 {
            // Relaxed: the best `cap` jobs, fitting or not.
            let top = pos.prefix(cap)
            return (top.reduce(0) { $0 + $1.0 }, top.map(\.1))
        }
        var best = (pos[0].0, [pos[0].1])
        var checks = 0
        for i in pos.indices {
            guard pos[i].0 + (i + 1 < pos.count ? pos[i + 1].0 : 0) > best.0 else { break }
            for j in (i + 1)..<pos.count {
                let v = pos[i].0 + pos[j].0
                guard v > best.0 else { break }
                checks += 1
                // Past `dualPairChecks` (a row of many jobs that all conflict): the two best jobs, fitting or not,
                // are at least every pair left.
                if checks > GeneralEngine.dualPairChecks { return (pos[0].0 + pos[1].0, [pos[0].1, pos[1].1]) }
                if fits(pos[j].1, row: key, [pos[i].1]) {
                    best = (v, [pos[i].1, pos[j].1])
                    break
                }
            }
        }
        return best
    }

    /// Starting prices from a solved root flow's node prices (`LargeRelaxation.prices`, scaled by the flow's
    /// `nodes + 1`): a request's price is what one more worker would cost the flow, in medium points (its value over
    /// `bigM`), a seat's what a van's rider pays beyond it; 0 where negative.
    func largeDualStart(_ root: LargeRelaxation) -> LargeDualPrices {
        var prices = LargeDualPrices(
            request: [Int64](repeating: 0, count: p.nR), seat: [Int64](repeating: 0, count: p.nR))
        guard root.complete, root.sinkNode >= 0, root.prices.count > root.sinkNode else { return prices }
        let s = Double(root.prices.count + 1) * Double(bigM)
        let Q = Double(LargeDualPrices.scale)
        let sink = Double(root.prices[root.sinkNode])
        for r in 0..<p.nR where root.requestNodes.count == p.nR && root.requestNodes[r] >= 0 {
            let q = Double(root.prices[Int(root.requestNodes[r])])
            prices.request[r] = max(0, Int64(((sink - q) / s * Q).rounded()))
            if root.vanNodes[r] >= 0 {
                let v = Double(root.prices[Int(root.vanNodes[r])])
                prices.seat[r] = max(0, Int64(((q - v) / s * Q).rounded()))
            }
        }
        return prices
    }
}
