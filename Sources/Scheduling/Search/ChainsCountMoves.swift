import Foundation

/// Ejection chains that move a seat between requests (session "chains15", issue 14).
///
/// The ejection chains (`ChainsEjection.swift`) give a set's freed seats back to the set, so every request keeps its
/// headcount. The smallest improving moves left on the generated multi-day instances change headcounts instead (on
/// `gen-balanced-w200-r50-d5-s12` two workers, +18: a request loses a seat, another of the same day gains or opens
/// one). Here a day's seats for the set are the ones it holds plus seats of up to `countMoveExtras` other requests of
/// the day with room that a worker of the set is a candidate for, at most `moved` of them taken a day; the day's
/// priority sum may not fall (a seat of priority p left empty against one of priority p filled, so `medium` never
/// falls) and every request of the day stays closed or at least at its minimum (rule 7). The day's combinations stay
/// independent of the other days, so the dynamic program over days is unchanged. Deterministic (array orders only).
extension Engine {
    /// How many requests of a day beyond those the set holds may lend it a seat.
    static let countMoveExtras = Int(ProcessInfo.processInfo.environment["ILSON_C15_EXTRAS"] ?? "") ?? 3

    /// How many seats a day the wide ejection pass may move between requests.
    static let countMoves = Int(ProcessInfo.processInfo.environment["ILSON_C15_MOVED"] ?? "") ?? 1

    static let countMoveSeeds = Int(ProcessInfo.processInfo.environment["ILSON_C15_SEEDS"] ?? "") ?? 6

    static let countMoveMaxSet = Int(ProcessInfo.processInfo.environment["ILSON_C15_MAXK"] ?? "") ?? 4

    /// The unpinned workers of each request in the current plan.
    func unpinnedFill() -> [Int32] {
        var fill = [Int32](repeating: 0, count: p.nR)
        for s in 0..<assign.count where assign[s] >= 0 && p.pinnedOn[s] < 0 { fill[Int(assign[s])] += 1 }
        return fill
    }

    /// A day's seat assignments for `set` (request per worker, -1 off), their candidates and pair values, when up to
    /// `moved` seats may be taken on requests the set does not hold that day (see the extension comment); `steps`
    /// is the work spent.
    func countMovingCombos(_ set: [Int], day d: Int, _ lookup: SlotCandidates, fill: [Int32], moved: Int)
        -> (combos: [[Int32]], cands: [[Int32]], values: [Int64], steps: Int)
    {
        let k = set.count
        // The requests the set holds, with its seats on each, and the day's priority sum to keep.
        var seats: [Int32] = []
        var held: [Int32] = []
        var heldPriority: Int64 = 0
        var lowest = Int64.max
        for w in set where assign[w * nD + d] >= 0 {
            let r = assign[w * nD + d]
            heldPriority += p.reqPriority[Int(r)]
            lowest = min(lowest, p.reqPriority[Int(r)])
            if let i = seats.firstIndex(of: r) {
                held[i] += 1
            } else {
                seats.append(r)
                held.append(1)
            }
        }
        // Other requests of the day with room and a priority at least the lowest held, best first by the set's best
        // pair value there (a continuity link with the worker's neighbouring days counted).
        var extra: [Int32] = []
        var extraValue: [Int64] = []
        if lowest < Int64.max {
            for w in set {
                let s = w * nD + d
                for i in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                    let r = lookup.req[i]
                    let ri = Int(r)
                    guard p.reqPriority[ri] >= lowest, fill[ri] < p.reqCap[ri], !seats.contains(r) else { continue }
                    var v = -p.candCost[Int(lookup.cand[i])]
                    if p.candHistory[Int(lookup.cand[i])] != 0 {
                        v += p.continuity
                    } else if linksJob(w, day: d, job: p.reqJob[ri]) {
                        v += p.continuity
                    }
                    if let at = extra.firstIndex(of: r) {
                        extraValue[at] = max(extraValue[at], v)
                    } else {
                        extra.append(r)
                        extraValue.append(v)
                    }
                }
            }
        }
        let order = extra.indices.sorted { (-extraValue[$0], $0) < (-extraValue[$1], $1) }
        for at in order.prefix(Engine.countMoveExtras) {
            seats.append(extra[at])
            held.append(0)
        }
        let n = seats.count
        var room = [Int32](repeating: 0, count: n)
        var others = [Int32](repeating: 0, count: n)
        for j in 0..<n {
            let r = Int(seats[j])
            room[j] = held[j] + p.reqCap[r] - fill[r]
            others[j] = fill[r] - held[j] + Int32(p.reqPinned[r].count)
        }
        var taken = [Int32](repeating: 0, count: n)
        var combos: [[Int32]] = []
        var cands: [[Int32]] = []
        var values: [Int64] = []
        var steps = 0
        var cur = [Int32](repeating: -1, count: k)
        var curCand = [Int32](repeating: -1, count: k)
        // Worker i onwards, with `added` seats taken beyond the held ones and `priority` the sum taken so far.
        func enumerate(_ i: Int, _ added: Int, _ priority: Int64, _ value: Int64) {
            steps += 1
            if i == k {
                guard priority >= heldPriority else { return }
                for j in 0..<n {
                    let t = others[j] + taken[j]
                    if t != 0 && t < p.reqMin[Int(seats[j])] { return }
                }
                combos.append(cur)
                cands.append(curCand)
                values.append(value)
                return
            }
            cur[i] = -1
            curCand[i] = -1
            enumerate(i + 1, added, priority, value)
            for j in 0..<n where taken[j] < room[j] {
                let beyond = taken[j] >= held[j]
                if beyond && added >= moved { continue }
                let r = Int(seats[j])
                let c = lookup.candidate(set[i], r, day: d)
                guard c >= 0 else { continue }
                taken[j] += 1
                cur[i] = seats[j]
                curCand[i] = c
                var v = p.reqPriority[r] * p.bigM - p.candCost[Int(c)]
                if p.candHistory[Int(c)] != 0 { v += p.continuity }
                enumerate(i + 1, added + (beyond ? 1 : 0), priority + p.reqPriority[r], value + v)
                taken[j] -= 1
            }
        }
        enumerate(0, 0, 0, 0)
        return (combos, cands, values, steps)
    }

    /// True when worker w works job `job` in the current plan on the calendar day before or after plan day d.
    func linksJob(_ w: Int, day d: Int, job: Int32) -> Bool {
        if d > 0 && p.days[d - 1].ordinal + 1 == p.days[d].ordinal, assign[w * nD + d - 1] >= 0,
            p.reqJob[Int(assign[w * nD + d - 1])] == job
        {
            return true
        }
        if d + 1 < nD && p.days[d + 1].ordinal == p.days[d].ordinal + 1, assign[w * nD + d + 1] >= 0,
            p.reqJob[Int(assign[w * nD + d + 1])] == job
        {
            return true
        }
        return false
    }
}
