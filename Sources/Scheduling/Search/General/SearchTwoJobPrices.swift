import Foundation

/// Prices of one day's single-job plan for estimating structure moves: the plan's single-job part is a flow (hub →
/// worker row → request → hub, a request's k-th worker valued by its share unit), and what a structure move changes
/// in it is a few units forced into or taken out of requests. Each is priced by the best path through the flow's
/// residual graph, so a move sees the chain of reassignments it sets off (a worker pushed out of a full request takes
/// the slot another left, whose worker moves on) rather than one step of it.
struct StructurePrices {
    /// Per request: the best gain of one more unit forced into it (a free slot's share unit, or a single-job worker
    /// pushed out along the best chain of moves); `Int64.min` when no chain takes it.
    var absorb: [Int64]
    /// Per request: the best gain of bringing one more worker to it (an idle worker, or a chain of single-job
    /// workers moving on, the last one's slot left empty), not counting its share unit; `Int64.min` when none.
    var refill: [Int64]
    /// Jobs per request in the plan (every row of the day).
    var count: [Int32]
    /// `chain[q][r]`: the best gain of a unit forced into request r reaching a free slot of request q along a chain of
    /// single-job workers moving on (r's worker takes a job at q, or at a request whose worker moves on, ...);
    /// `Int64.min` when none. What a move that gives up a slot of q and takes one of r sets off.
    var chain: [[Int64]]
}

/// Candidates × requests beyond which `structurePrices` leaves out its request-to-request chain table.
let chainTableLimit = 20_000_000

extension GeneralEngine {
    /// The residual prices of plan day `d` (`StructurePrices`) by a bounded Bellman-Ford in each direction (`passes`
    /// rounds: chains of at most that many reassignments). Rows holding two jobs are fixed; rows with one job or none
    /// are the flow's.
    func structurePrices(day d: Int, passes: Int = 8) -> StructurePrices {
        let share = Int64(inst.weights.share)
        let none = Int64.min / 4
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        var rows: [Int] = []
        var assigned: [Int32] = []
        for w in 0..<p.nW {
            let key = w * nD + d
            for c in jobs[key] {
                count[Int(candReq[Int(c)])] += 1
                if p.candRide[Int(c)] != 0 { riders[Int(candReq[Int(c)])] += 1 }
            }
            // A row without jobs whose weekly cap closes this date (the other days use it up) is no worker to
            // refill a slot with: counted idle, it made every vacated slot look refilled for free.
            if jobs[key].count <= 1 && pinsOn[key].isEmpty && !rowCands[key].isEmpty
                && (!jobs[key].isEmpty || dayWeekOpen(Int32(key)))
            {
                rows.append(key)
                assigned.append(jobs[key].first ?? -1)
            }
        }
        func unit(_ r: Int, _ k: Int32) -> Int64 {
            share * Int64(shareUnits(k: Int(pinnedCount[r] + k), headcount: inst.requests[r].headcount))
        }
        /// Whether candidate c of an unassigned move may be taken (a rider needs a seat left).
        func open(_ c: Int32) -> Bool {
            let r = Int(candReq[Int(c)])
            return p.candRide[Int(c)] == 0 || riders[r] < seatsLeft[r]
        }
        // Backward: absorb[r] = best gain of a path r ⇝ hub; out[i] = best gain of row i's path to the hub once
        // it is free to move (its own job given up first).
        var absorb = (0..<p.nR).map { r in count[r] < p.reqCap[r] ? unit(r, count[r] + 1) : none }
        var out = [Int64](repeating: none, count: rows.count)
        for _ in 0..<passes {
            var changed = false
            for (i, key) in rows.enumerated() where assigned[i] >= 0 {
                // An assigned worker leaving its request may go idle (0) or take another job along a chain.
                var best: Int64 = 0
                for c in rowCands[key] where c != assigned[i] && open(c) {
                    let q = Int(candReq[Int(c)])
                    if absorb[q] > none { best = max(best, baseValue(Int(c)) + absorb[q]) }
                }
                if best != out[i] {
                    out[i] = best
                    changed = true
                }
            }
            for (i, _) in rows.enumerated() where assigned[i] >= 0 {
                let c = assigned[i]
                let r = Int(candReq[Int(c)])
                let v = out[i] - baseValue(Int(c))
                if v > absorb[r] {
                    absorb[r] = v
                    changed = true
                }
            }
            if !changed { break }
        }
        // Forward: refill[r] = best gain of a path hub ⇝ r; into[i] = best gain of reaching row i (an idle row at
        // once, an assigned one through its request, whose slot it leaves).
        var refill = [Int64](repeating: none, count: p.nR)
        var into = rows.indices.map { assigned[$0] < 0 ? Int64(0) : none }
        for _ in 0..<passes {
            var changed = false
            for (i, key) in rows.enumerated() where into[i] > none {
                for c in rowCands[key] where c != assigned[i] && open(c) {
                    let q = Int(candReq[Int(c)])
                    let v = into[i] + baseValue(Int(c))
                    if v > refill[q] {
                        refill[q] = v
                        changed = true
                    }
                }
            }
            for (i, _) in rows.enumerated() where assigned[i] >= 0 {
                let c = assigned[i]
                let r = Int(candReq[Int(c)])
                guard refill[r] > none else { continue }
                let v = refill[r] - baseValue(Int(c))
                if v > into[i] {
                    into[i] = v
                    changed = true
                }
            }
            if !changed { break }
        }
        // Per target q: reach[r] = best gain of a path from r (a unit forced in) to a free slot of q. Its cost grows
        // with candidates × requests; beyond `chainTableLimit` the table is left out (units then end at the hub).
        var chain: [[Int64]] = []
        for q in 0..<p.nR where p.candidateCount * p.nR <= chainTableLimit {
            var reach = [Int64](repeating: none, count: p.nR)
            for _ in 0..<passes {
                var changed = false
                for (i, key) in rows.enumerated() where assigned[i] >= 0 {
                    let c0 = assigned[i]
                    let r = Int(candReq[Int(c0)])
                    guard r != q else { continue }
                    var best = none
                    for c in rowCands[key] where c != c0 && open(c) {
                        let t = Int(candReq[Int(c)])
                        if t == q {
                            best = max(best, baseValue(Int(c)))
                        } else if reach[t] > none {
                            best = max(best, baseValue(Int(c)) + reach[t])
                        }
                    }
                    guard best > none else { continue }
                    let v = best - baseValue(Int(c0))
                    if v > reach[r] {
                        reach[r] = v
                        changed = true
                    }
                }
                if !changed { break }
            }
            chain.append(reach.map { $0 > none ? $0 : Int64.min })
        }
        return StructurePrices(
            absorb: absorb.map { $0 > none ? $0 : Int64.min }, refill: refill.map { $0 > none ? $0 : Int64.min },
            count: count, chain: chain)
    }

    /// The estimated gain of a structure move priced by `prices`: the moved rows' own values, and for each request the
    /// units it takes on (each `absorb`) or gives up (its top share unit lost, the slot refilled when that pays); a
    /// row freed from two jobs takes its best single job at those prices. Nil when a request cannot take a unit.
    func priceEstimate(
        _ prices: StructurePrices, removed: [Int32], added: [Int32], freed: Int32?
    ) -> Int64? {
        let share = Int64(inst.weights.share)
        func unit(_ r: Int, _ k: Int32) -> Int64 {
            share * Int64(shareUnits(k: Int(pinnedCount[r] + k), headcount: inst.requests[r].headcount))
        }
        var g: Int64 = 0
        var delta: [Int: Int32] = [:]
        for c in removed {
            g -= baseValue(Int(c))
            delta[Int(candReq[Int(c)]), default: 0] -= 1
        }
        for c in added {
            g += baseValue(Int(c))
            delta[Int(candReq[Int(c)]), default: 0] += 1
        }
        // Units taken on (requests, one entry a unit) and slots given up (request, its share unit then lost).
        var takes: [Int] = []
        var slots: [(r: Int, top: Int64)] = []
        for (r, k) in delta.sorted(by: { $0.key < $1.key }) {
            if k > 0 {
                for _ in 0..<k { takes.append(r) }
            } else {
                for i in 0..<Int32(-k) { slots.append((r, unit(r, prices.count[r] - i))) }
            }
        }
        /// A slot left to itself: refilled when that pays.
        func refilled(_ s: (r: Int, top: Int64)) -> Int64 {
            prices.refill[s.r] == Int64.min ? -s.top : max(0, prices.refill[s.r] + s.top) - s.top
        }
        // Each unit taken on ends at the hub (`absorb`) or in one of the slots the move gives up (`chain`), each slot
        // at most once; the freed row's worker takes its best job, or a slot given up. Every matching is tried (a
        // move takes on at most three units).
        var best: Int64?
        var used = [Bool](repeating: false, count: slots.count)
        func visit(_ i: Int, _ acc: Int64) {
            if i == takes.count {
                var v = acc
                var rest: Int64 = 0
                for (j, s) in slots.enumerated() where !used[j] { rest += refilled(s) }
                if let freed {
                    var f: Int64 = 0
                    var gainOverRest: Int64 = 0
                    for c in rowCands[Int(freed)] {
                        let r = Int(candReq[Int(c)])
                        if prices.absorb[r] != Int64.min { f = max(f, baseValue(Int(c)) + prices.absorb[r]) }
                        for (j, s) in slots.enumerated() where !used[j] && s.r == r {
                            gainOverRest = max(gainOverRest, baseValue(Int(c)) - refilled(s) - f)
                        }
                    }
                    v += f + gainOverRest
                }
                v += rest
                if best == nil || v > best! { best = v }
                return
            }
            let r = takes[i]
            if prices.absorb[r] != Int64.min { visit(i + 1, acc + prices.absorb[r]) }
            for (j, s) in slots.enumerated()
            where !prices.chain.isEmpty && !used[j] && prices.chain[s.r][r] != Int64.min {
                used[j] = true
                visit(i + 1, acc + prices.chain[s.r][r])
                used[j] = false
            }
        }
        visit(0, g)
        return best
    }
}
