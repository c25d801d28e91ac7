import Foundation

/// Diagnostic (grp22 session, not kept): where SCIP's groups stand under the Lagrangian dual of "every seat filled"
/// (`groupDual`), and a beam of groups by that dual. Knobs: `ILSON_GD_SUBSETS=w1,w2,...` prints the dual gap of every
/// subset of two or more of the listed workers and the best deal of the whole group; `ILSON_GD_BEAM=width,branch,size`
/// with `ILSON_GD_TARGET=w1,...` lists groups by a beam over the dual gap from the broken-run seeds and prints how
/// many target members each final group holds.
extension GeneralEngine {
    /// Prints a diagnostic line to standard error.
    func gdLog(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8) ?? Data()) }

    /// The trace (see the extension comment); does nothing without the knobs.
    mutating func groupDualTrace() {
        let env = ProcessInfo.processInfo.environment
        var idx: [String: Int] = [:]
        for (i, w) in inst.workers.enumerated() { idx[w.id] = i }
        func ids(_ g: [Int]) -> String { g.map { inst.workers[$0].id }.joined(separator: ",") }
        let candOf = candidateIndex()
        let pinned = pinnedWorkers()
        if let s = env["ILSON_GD_SUBSETS"] {
            let g = s.split(separator: ",").compactMap { idx[String($0)] }
            let steps = Int(env["ILSON_GD_STEPS"] ?? "") ?? GeneralEngine.groupRedealPriceSteps
            for mask in 1..<(1 << g.count) {
                let sub = g.indices.filter { mask & (1 << $0) != 0 }.map { g[$0] }.sorted()
                guard sub.count >= 2 else { continue }
                if let d = groupDual(sub, candOf, steps: steps) {
                    gdLog("GD subset \(sub.count) \(ids(sub)) gap \(String(format: "%.2f", d.gap)) work \(d.work)")
                } else {
                    gdLog("GD subset \(sub.count) \(ids(sub)) none")
                }
            }
            let deal = bestGroupDeal(g.sorted(), candOf, maxNodes: 2_000_000)
            gdLog(
                "GD deal \(ids(g.sorted())) value \(deal.value) current \(deal.current) nodes \(deal.nodes) found \(deal.rows != nil)"
            )
        }
        if let s = env["ILSON_GD_BEAM"] {
            let a = s.split(separator: ",").compactMap { Int(String($0)) }
            guard a.count == 3 else { return }
            let (width, branch, size) = (a[0], a[1], a[2])
            let steps = Int(env["ILSON_GD_STEPS"] ?? "") ?? 40
            let target = Set((env["ILSON_GD_TARGET"] ?? "").split(separator: ",").compactMap { idx[String($0)] })
            var holders = [[Int]](repeating: [], count: p.nR)
            for w in 0..<p.nW where groupable(w, pinned) {
                for d in 0..<nD { for c in jobs[w * nD + d] { holders[Int(candReq[Int(c)])].append(w) } }
            }
            // Seeds: every worker pair of a broken run (`redealGroups`' seeds).
            var reqsOf: [[Int32]: [Int]] = [:]
            for r in 0..<p.nR { reqsOf[[p.reqJob[r], p.reqDay[r]], default: []].append(r) }
            var seeds: [[Int]] = []
            var seen = Set<[Int]>()
            for x in 0..<p.nW where groupable(x, pinned) {
                for d in 0..<nD {
                    for c in jobs[x * nD + d] {
                        let r = Int(candReq[Int(c)])
                        let job = p.reqJob[r]
                        for e in [d - 1, d + 1]
                        where e >= 0 && e < nD && abs(p.days[e].ordinal - p.days[d].ordinal) == 1 {
                            guard !works(x, job, e), let there = reqsOf[[job, Int32(e)]] else { continue }
                            for q in there {
                                for y in holders[q] where y != x {
                                    guard candOf[q * p.nW + x] != nil || candOf[r * p.nW + y] != nil else {
                                        continue
                                    }
                                    let pair = [min(x, y), max(x, y)]
                                    if seen.insert(pair).inserted { seeds.append(pair) }
                                }
                            }
                        }
                    }
                }
            }
            gdLog("GD seeds \(seeds.count)")
            var work = 0
            /// Workers related to a group: hold a seat a member is a candidate of, or are candidates of a member's
            /// seat; counted with the link weight as in `grownGroup`.
            func related(_ group: [Int]) -> [(Int, Int)] {
                var score: [Int: Int] = [:]
                for g in group {
                    for d in 0..<nD {
                        let key = g * nD + d
                        var near: [Int32] = []
                        for e in [d - 1, d + 1]
                        where e >= 0 && e < nD && abs(p.days[e].ordinal - p.days[d].ordinal) == 1 {
                            for c in jobs[g * nD + e] { near.append(p.reqJob[Int(candReq[Int(c)])]) }
                        }
                        for c in rowCands[key] where candOK[Int(c)] {
                            let r = Int(candReq[Int(c)])
                            let weight = near.contains(p.reqJob[r]) ? 3 : 1
                            for u in holders[r] where !group.contains(u) { score[u, default: 0] += weight }
                        }
                        for c in jobs[key] {
                            let r = Int(candReq[Int(c)])
                            for c2 in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where candOK[c2] {
                                let u = Int(p.candWorker[c2])
                                guard !group.contains(u), groupable(u, pinned) else { continue }
                                score[u, default: 0] += linkable(u, r, group, candOf) ? 3 : 1
                            }
                        }
                    }
                }
                return score.filter { $0.value > 0 && groupable($0.key, pinned) }.sorted {
                    $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
                }.map { ($0.key, $0.value) }
            }
            var bestHit = 0
            var finals: [([Int], Double)] = []
            var origin: [[Int]: (Int, Int)] = [:]
            let maxSeeds = Int(env["ILSON_GD_SEEDS"] ?? "") ?? seeds.count
            for (si, seed) in seeds.prefix(maxSeeds).enumerated() {
                var beam: [([Int], Double)] = [(seed, groupDual(seed, candOf, steps: steps)?.gap ?? 0)]
                while let first = beam.first, first.0.count < size {
                    var next: [([Int], Double)] = []
                    var inNext = Set<[Int]>()
                    for (g, _) in beam {
                        for (u, _) in related(g).prefix(branch) {
                            let h = (g + [u]).sorted()
                            guard inNext.insert(h).inserted, let d = groupDual(h, candOf, steps: steps) else {
                                continue
                            }
                            work += d.work
                            next.append((h, d.gap))
                        }
                    }
                    next.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lexicographicallyPrecedes($1.0) }
                    beam = Array(next.prefix(width))
                    if beam.isEmpty { break }
                }
                for (g, gap) in beam {
                    let hit = g.filter { target.contains($0) }.count
                    bestHit = max(bestHit, hit)
                    if hit >= 4 { gdLog("GD hit \(hit) \(ids(g)) gap \(String(format: "%.2f", gap))") }
                    finals.append((g, gap))
                    if origin[g] == nil { origin[g] = (si, work) }
                }
            }
            finals.sort { $0.1 > $1.1 }
            for (i, (g, gap)) in finals.prefix(20).enumerated() {
                gdLog(
                    "GD top \(i) \(ids(g)) gap \(String(format: "%.2f", gap)) hit \(g.filter { target.contains($0) }.count)"
                )
            }
            gdLog("GD beam groups \(finals.count) best hit \(bestHit) work \(work)")
            if env["ILSON_GD_SEARCH"] != nil {
                var found = 0
                for (g, gap) in finals.prefix(Int(env["ILSON_GD_SEARCH"] ?? "") ?? 20) where gap >= 0.5 {
                    let deal = bestGroupDeal(g, candOf, maxNodes: 200_000)
                    gdLog(
                        "GD searched \(ids(g)) gap \(String(format: "%.2f", gap)) value \(deal.value) current \(deal.current) nodes \(deal.nodes)"
                    )
                    if deal.rows != nil { found += 1 }
                }
                gdLog("GD found \(found)")
            }
            if let n = Int(env["ILSON_GD_APPLY"] ?? "") {
                var seenG = Set<[Int]>()
                for (g, gap) in finals where gap >= 0.5 && seenG.insert(g).inserted && seenG.count <= n {
                    let before = score(inst, assignments: assignments()).score
                    if groupRedeal(g, candOf, maxNodes: 200_000) {
                        let after = score(inst, assignments: assignments()).score
                        let o = origin[g] ?? (-1, -1)
                        gdLog("GD applied seed \(o.0) work \(o.1) \(ids(g)) \(before.medium)/\(before.soft) -> \(after.medium)/\(after.soft)")
                    }
                }
            }
        }
    }
}
