import Foundation

/// Several days: the groups for the exact group re-decision (`SearchGroupRedecide.swift`), grown along hand-overs by
/// a beam (issue 14, chooser21 session). The greedy growth (`groupGrown`) adds one holder at a time, the holder of a
/// full request's seat a member's option takes; the gains left on `scarce-w300-r70-d3-s6` and
/// `balanced-w200-r50-d3-s4` are chains of hand-overs of a job's run between workers (w259's run of j41 to w186 and
/// w286, w286's j87 to w259, w186's j11 to w32 and w67), where the next member is often a worker that takes a member's
/// seat rather than one whose seat a member takes, and where the best single step leads elsewhere.
///
/// The pull of an outside worker h on a group: the best over (member g, date d) of (a) g taking a seat of h (a row of
/// g's options holding a full request's seat h holds): the row's soft value above g's current row less what h loses by
/// its best option without that request; or (b) h taking a seat of g (a row of h's options holding a request g holds):
/// the row's soft value above h's current row less what g loses without it, plus a link when g works the same job on a
/// neighbouring date (a run that would change hands). The beam keeps `width` groups a size: each is extended by its
/// `branching` strongest pulls, the new groups ranked by the sum of the pulls along their growth (ties by members).
extension GeneralEngine {
    /// The takers of each request: per request, the workers (no pins) with an option holding it, with the best such
    /// option's soft value above their current row there. `rows` caches each (worker, date)'s options (`groupRows`);
    /// `work` counts the `fits` calls.
    func groupTakers(_ pinned: [Bool], rows cache: inout [Int: [GroupRow]], work: inout Int) -> [[(Int32, Int64)]] {
        var takers = [[(Int32, Int64)]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD {
                let key = w * nD + d
                var options = cache[key]
                if options == nil {
                    options = groupRows(w, d, maxOptions: GeneralEngine.groupMaxOptions, checks: &work)
                    if let o = options { cache[key] = o }
                }
                guard let rows = options else { continue }
                let cur = groupRowValue(jobs[key])
                var best: [Int: Int64] = [:]
                for row in rows {
                    let v = groupRowValue(row.cands) - cur
                    for c in row.cands where !jobs[key].contains(c) {
                        let r = Int(candReq[Int(c)])
                        best[r] = max(best[r, default: Int64.min], v)
                    }
                }
                for (r, v) in best.sorted(by: { $0.key < $1.key }) { takers[r].append((Int32(w), v)) }
            }
        }
        return takers
    }

    /// The soft value of a row's candidates (base value less priority × M).
    func groupRowValue(_ cs: [Int32]) -> Int64 {
        cs.reduce(0) { $0 + baseValue(Int($1)) - p.reqPriority[Int(candReq[Int($1)])] * bigM }
    }

    /// The pulls of the workers outside `group` (see the extension comment), keyed by worker. `holders` lists each
    /// request's workers, `takers` is `groupTakers`'s answer, `rows` the options cache; `work` counts the options and
    /// takers looked at.
    func groupPulls(
        _ group: [Int], _ pinned: [Bool], holders: [[Int32]], takers: [[(Int32, Int64)]],
        rows cache: inout [Int: [GroupRow]], work: inout Int
    ) -> [Int: Int64] {
        let inGroup = Set(group)
        var rel: [Int: [Int: Int64]] = [:]
        var count = [Int32](repeating: 0, count: p.nR)
        for r in 0..<p.nR { count[r] = Int32(holders[r].count) }
        func rows(_ w: Int, _ d: Int) -> [GroupRow]? {
            if let r = cache[w * nD + d] { return r }
            guard let r = groupRows(w, d, maxOptions: GeneralEngine.groupMaxOptions, checks: &work) else { return nil }
            cache[w * nD + d] = r
            return r
        }
        // What worker x loses on date d without request r (0 when its best row without r is as good).
        func loss(_ x: Int, _ d: Int, _ r: Int) -> Int64? {
            guard let options = rows(x, d) else { return nil }
            let without = options.filter { o in !o.cands.contains { Int(candReq[Int($0)]) == r } }
            guard let best = without.map({ groupRowValue($0.cands) }).max() else { return nil }
            return max(0, groupRowValue(jobs[x * nD + d]) - best)
        }
        func jobOn(_ w: Int, _ d: Int, _ job: Int32) -> Bool {
            jobs[w * nD + d].contains { p.reqJob[Int(candReq[Int($0)])] == job }
        }
        for g in group {
            for d in 0..<nD {
                guard let options = rows(g, d) else { continue }
                let cur = groupRowValue(jobs[g * nD + d])
                // (a) g takes a seat of a holder.
                for row in options {
                    work += row.cands.count
                    for c in row.cands where !jobs[g * nD + d].contains(c) {
                        let r = Int(candReq[Int(c)])
                        guard count[r] >= p.reqCap[r] else { continue }
                        for h in holders[r] where !inGroup.contains(Int(h)) && !pinned[Int(h)] {
                            guard let lost = loss(Int(h), d, r) else { continue }
                            let est = groupRowValue(row.cands) - cur - lost
                            let k = (g * nD + d) * p.nR + r
                            rel[Int(h), default: [:]][k] = max(rel[Int(h)]?[k] ?? Int64.min, est)
                        }
                    }
                }
                // (b) a taker takes a seat of g.
                for c in jobs[g * nD + d] {
                    let r = Int(candReq[Int(c)])
                    guard let lost = loss(g, d, r) else { continue }
                    let job = p.reqJob[r]
                    let run =
                        (p.follows[d] && jobOn(g, d - 1, job))
                        || (d + 1 < nD && p.follows[d + 1] && jobOn(g, d + 1, job))
                    let bonus = run ? p.continuity : 0
                    work += takers[r].count
                    for (h, v) in takers[r] where !inGroup.contains(Int(h)) && !pinned[Int(h)] {
                        let k = (g * nD + d) * p.nR + r
                        rel[Int(h), default: [:]][k] = max(rel[Int(h)]?[k] ?? Int64.min, v - lost + bonus)
                    }
                }
            }
        }
        let agg = ProcessInfo.processInfo.environment["ILSON_GC_AGG"] ?? "max"
        var pull: [Int: Int64] = [:]
        for (h, ks) in rel {
            let best = ks.values.max() ?? 0
            switch agg {
            case "sum": pull[h] = ks.values.reduce(0) { $0 + max($1, 0) } + best
            case "cnt": pull[h] = Int64(ks.count) * 100_000 + best
            case "mem":
                let members = Set(ks.keys.map { $0 / p.nR / nD })
                pull[h] = Int64(members.count) * 100_000 + best
            default: pull[h] = best
            }
        }
        return pull
    }

    /// The groups of `size` grown from `seed` by the beam (see the extension comment): at most `width` groups, best
    /// first, each sorted by worker. `rows`, `takers` and `work` as in `groupPulls`.
    func groupBeam(
        from seed: Int, size: Int, width: Int, branching: Int, _ pinned: [Bool], takers: [[(Int32, Int64)]],
        rows cache: inout [Int: [GroupRow]], work: inout Int
    ) -> [[Int]] {
        var holders = [[Int32]](repeating: [], count: p.nR)
        for key in 0..<jobs.count {
            for c in jobs[key] { holders[Int(candReq[Int(c)])].append(Int32(key / max(1, nD))) }
        }
        var beam: [(group: [Int], score: Int64)] = [([seed], 0)]
        while let first = beam.first, first.group.count < size {
            var next: [[Int]: Int64] = [:]
            for (group, score) in beam {
                let pull = groupPulls(group, pinned, holders: holders, takers: takers, rows: &cache, work: &work)
                let strongest = pull.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                for (h, v) in strongest.prefix(branching) {
                    let grown = (group + [h]).sorted()
                    next[grown] = max(next[grown, default: Int64.min], score + v)
                }
            }
            guard !next.isEmpty else { break }
            let ranked = next.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key)
            }
            beam = ranked.prefix(width).map { ($0.key, $0.value) }
        }
        return beam.map(\.group)
    }
}
