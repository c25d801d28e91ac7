import Foundation

/// A two-job row a structure may hold: a worker-day row without pins and two of its candidates that fit together.
struct TwoJobRow: Hashable, Sendable {
    let row: Int32
    let a: Int32
    let b: Int32
}

/// A move between two-job structures: rows set to two jobs, or emptied (their worker is then decided with the single
/// jobs), with the gain the single-job plan's marginal values estimate for it.
struct StructureMove {
    var set: [(Int32, [Int32])]
    var estimate: Int64

    /// The rows and the jobs the move sets them to, in a fixed order (the tie-break of the moves' order, and what
    /// makes a move the same move again).
    var key: [Int32] {
        var k: [Int32] = []
        for (row, cs) in set {
            k.append(row)
            k.append(contentsOf: cs)
            k.append(-1)
        }
        return k
    }

    /// The moves' order: best estimate first; ties by `key`, in a fixed order.
    static func bestFirst(_ x: StructureMove, _ y: StructureMove) -> Bool {
        x.estimate != y.estimate ? x.estimate > y.estimate : x.key.lexicographicallyPrecedes(y.key)
    }
}

extension GeneralEngine {
    /// Every two-job row of plan day `d`: rows without pins that may hold two jobs, and each pair of their candidates
    /// that fit together (transfer, jobs a day, minutes cap), in a fixed order.
    func twoJobRows(day d: Int) -> [TwoJobRow] {
        var out: [TwoJobRow] = []
        for w in 0..<p.nW {
            let key = w * nD + d
            guard pinsOn[key].isEmpty, rowCap[key] >= 2 else { continue }
            let cs = rowCands[key].sorted()
            for i in cs.indices {
                for j in (i + 1)..<cs.count where fits(cs[j], row: key, [cs[i]]) {
                    out.append(TwoJobRow(row: Int32(key), a: cs[i], b: cs[j]))
                }
            }
        }
        return out
    }

    /// One-day instances: a local search over two-job structures. From the plan's structure (its rows holding two
    /// jobs), a move adds one two-job row, drops one, re-pairs one (another pair of the same worker) or hands one's
    /// two requests to another worker; every move is completed exactly by `resolveSingles` (every other row of the
    /// day re-decided with one job at most) and kept when the completed plan is better. Moves are tried in the order
    /// of their estimated gain (`priceEstimate`: the single-job plan's residual prices), at most `perRound` a round;
    /// rounds repeat while one improves and `maxWork` lasts. When no move gains, an ejection chain of moves
    /// (`structureChain`, with `chains` as its limits; nil: none) is tried from the best plan, and the search goes
    /// on from what it finds. Each completion (here and in the chains) stops after `completionWork` work units and
    /// keeps what it has (it starts from the plan's single jobs: `completeStructure`).
    ///
    /// The plan of a day is decided by its structure (`resolveSingles` is exact for the rest), so this searches the
    /// space that matters where the branch and bound only meets the structures its priced flows happen to propose.
    mutating func searchTwoJobStructures(
        maxWork: Int, perRound: Int = 8, maxStale: Int = 8, chains: StructureChainLimits? = StructureChainLimits(),
        completionWork: Int = Int.max
    ) {
        guard nD == 1 else { return }
        let d = 0
        guard let search = StructureSearchState(self, day: d, candidates: twoJobRows(day: d), maxWork: maxWork)
        else { return }
        let (candidates, pairsOf) = (search.candidates, search.pairsOf)
        func spent(_ e: inout GeneralEngine) -> Bool { search.spent(&e) }
        var tried = search.tried
        var chainTried = Set<[Int32]>()
        var bestValue = dayValueOfPlan(d)
        var bestJobs = jobs
        while true {
            var currentValue = bestValue
            var stale = 0
            while !spent(&self) {
                let moves = structureMoves(candidates, pairsOf: pairsOf, day: d)
                var chosen: ([[Int32]], Int64)?
                var evaluated = 0
                for move in moves {
                    if evaluated >= perRound || spent(&self) { break }
                    let saved = jobs
                    for (key, cs) in move.set { jobs[Int(key)] = cs }
                    guard tried.insert(StructurePool.key(dayRows(d))).inserted else {
                        jobs = saved
                        continue
                    }
                    evaluated += 1
                    // The single rows start empty: the moved structure may leave them over a request's cap or seats,
                    // or below a minimum, and `resolveSingles` keeps its start unless it finds better. A structure
                    // that breaks a request's rule whatever the single rows do is no plan (`completeStructure`).
                    guard let v = completeStructure(d, maxWork: min(maxWork, completionWork)) else {
                        jobs = saved
                        continue
                    }
                    if chosen == nil || v > chosen!.1 { chosen = (jobs, v) }
                    jobs = saved
                    if v > currentValue { break }
                }
                guard let chosen else { break }
                // The best move evaluated is taken even when it loses (the structures tried are not visited again),
                // so the search can cross a move that only pays with the next one; the best plan seen is kept.
                jobs = chosen.0
                currentValue = chosen.1
                if currentValue > bestValue {
                    bestValue = currentValue
                    bestJobs = jobs
                    stats.moves += 1
                    stale = 0
                } else {
                    stale += 1
                    if stale > maxStale { break }
                }
            }
            jobs = bestJobs
            // No single move gains: an ejection chain from the best plan, and the local search again from what it
            // finds.
            guard let limits = chains, !spent(&self) else { break }
            chainTried.insert(StructurePool.key(dayRows(d)))
            guard
                structureChain(
                    candidates, pairsOf: pairsOf, day: d, limits: limits, tried: &chainTried,
                    completionWork: completionWork, spent: spent)
            else { break }
            stats.moves += 1
            bestValue = dayValueOfPlan(d)
            bestJobs = jobs
            tried.insert(StructurePool.key(dayRows(d)))
        }
    }

    /// The rows of plan day `d` that hold jobs.
    func dayRows(_ d: Int) -> [Int32: [Int32]] {
        var rows: [Int32: [Int32]] = [:]
        for w in 0..<p.nW where !jobs[w * nD + d].isEmpty { rows[Int32(w * nD + d)] = jobs[w * nD + d] }
        return rows
    }

    /// The network value of plan day `d` (one-day instances: candidate values and the share bonus).
    func dayValueOfPlan(_ d: Int) -> Int64 {
        let engine = self
        return networkValue(dayRows(d), scope: GeneralScope(days: [d]), value: { c in engine.baseValue(c) })
    }

    /// The moves from the plan's structure on day `d`, best estimate first (ties in a fixed order).
    ///
    /// The estimate (`priceEstimate`) prices the current single-job plan's residual flow: a unit a move takes on
    /// sets off the best chain of reassignments it can (into a free slot, or a slot the move itself gives up), a slot
    /// given up is refilled when that pays, and a worker whose two-job row is dropped or handed on takes its best job.
    func structureMoves(_ candidates: [TwoJobRow], pairsOf: [Int32: [TwoJobRow]], day d: Int) -> [StructureMove] {
        var two: [Int32] = []
        for w in 0..<p.nW where jobs[w * nD + d].count == 2 { two.append(Int32(w * nD + d)) }
        let prices = structurePrices(day: d)
        func estimate(removed: [Int32], added: [Int32], freed: Int32?) -> Int64? {
            priceEstimate(prices, removed: removed, added: added, freed: freed)
        }
        func candidate(_ row: Int32, _ r: Int32) -> Int32? { rowCands[Int(row)].first { candReq[Int($0)] == r } }
        var moves: [StructureMove] = []
        // Add a two-job row (the worker's current job given up, or kept as one of the two).
        for t in candidates where jobs[Int(t.row)].count <= 1 {
            if let g = estimate(removed: jobs[Int(t.row)], added: [t.a, t.b], freed: nil) {
                moves.append(StructureMove(set: [(t.row, [t.a, t.b])], estimate: g))
            }
        }
        for row in two {
            let cs = jobs[Int(row)]
            // Drop it: the worker is decided with the single jobs.
            if let g = estimate(removed: cs, added: [], freed: row) {
                moves.append(StructureMove(set: [(row, [])], estimate: g))
            }
            // Re-pair it.
            for t in pairsOf[row] ?? [] where Set([t.a, t.b]) != Set(cs) {
                if let g = estimate(removed: cs, added: [t.a, t.b], freed: nil) {
                    moves.append(StructureMove(set: [(row, [t.a, t.b])], estimate: g))
                }
            }
            // Hand its two requests to another worker who can work both, or one of them to a worker who can work it
            // beside another job (this row's worker is then decided with the single jobs).
            let ra = candReq[Int(cs[0])]
            let rb = candReq[Int(cs[1])]
            for t in candidates where t.row != row && jobs[Int(t.row)].count <= 1 {
                let qa = candReq[Int(t.a)]
                let qb = candReq[Int(t.b)]
                guard qa == ra || qa == rb || qb == ra || qb == rb else { continue }
                if let g = estimate(removed: cs + jobs[Int(t.row)], added: [t.a, t.b], freed: row) {
                    moves.append(StructureMove(set: [(row, []), (t.row, [t.a, t.b])], estimate: g))
                }
            }
            // Exchange one job with another two-job row (each keeps one of its own).
            for other in two where other > row {
                let ds = jobs[Int(other)]
                for i in 0..<2 {
                    for j in 0..<2 {
                        let keep = cs[i]
                        let give = cs[1 - i]
                        let keep2 = ds[j]
                        let give2 = ds[1 - j]
                        guard candReq[Int(give)] != candReq[Int(give2)],
                            let x = candidate(row, candReq[Int(give2)]), let y = candidate(other, candReq[Int(give)]),
                            candReq[Int(x)] != candReq[Int(keep)], candReq[Int(y)] != candReq[Int(keep2)],
                            fits(x, row: Int(row), [keep]), fits(y, row: Int(other), [keep2]),
                            let g = estimate(removed: cs + ds, added: [keep, x, keep2, y], freed: nil)
                        else { continue }
                        moves.append(StructureMove(set: [(row, [keep, x]), (other, [keep2, y])], estimate: g))
                    }
                }
            }
        }
        return moves.sorted(by: StructureMove.bestFirst)
    }
}
