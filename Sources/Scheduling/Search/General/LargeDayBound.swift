import Foundation

/// The conflict cliques of the large path's bound: which jobs of a row pass through one node of capacity 1.
///
/// The flow can only say "at most one of these" for disjoint groups of a row's jobs (each job's arc leaves one node),
/// so it keeps only the conflicts inside a group. Two choices decide which:
///
/// - **Which moment a job joins.** A group is the jobs that cover one moment of the day (a stabbing of the jobs'
///   intervals); a job that covers several moments (a full day covers the morning's and the afternoon's) may join
///   any of them, and conflicts with the others' members are lost. The greedy stabbing put it with the latest; it now
///   joins the earliest (`groups`). On the county day v2 instance (2,000 × 500, seed 1) the latest let the root flow
///   pair 180 workers' full days with mornings they overlap and fill every slot (3724, the trivial bound); the
///   earliest gives 3717 against the plan's 3716.
/// - **Breaks and caps.** Rule 5's other parts are conflicts too, and some of them are interval conflicts once each
///   job is extended by the least it needs before any job that may follow it:
///   - for jobs `i` then `j` (by start), `i` and `j` conflict when `start_j − end_i < gap(i, j)`, where `gap(i, j)`
///     is the transfer between their farms, or infinite when their lengths together pass the minutes the row has
///     left (no break makes them fit);
///   - with `tail_i = min gap(i, j)` over the jobs `j` of the row that start at or after `i` ends (the others overlap
///     `i`), the intervals `[start_i, end_i + tail_i)` overlap only for jobs that conflict (for `i` first: either `j`
///     starts before `i` ends, or `start_j < end_i + tail_i ≤ end_i + gap(i, j)`).
///
/// Every group is a clique of true conflicts (its members all cover its moment), so the flow stays a relaxation of
/// every plan: `stats.mediumUpperBound` stays a true upper bound.
struct RowConflictIntervals {
    /// Start and end (minutes) of each job, in the order given.
    var start: [Int]
    var end: [Int]
    /// The least break each job needs before a job that may follow it (`Int.max / 4` when none can).
    var tail: [Int]

    /// The greedy stabbing of the extended intervals `[start, end + tail)` (by extended end, each moment the last
    /// minute of the first interval not yet stabbed), then each job in the group of the **earliest** moment it
    /// covers. Every member of a group covers its moment, so a group is a clique of conflicts whichever moment a job
    /// that covers several is given; but the choice decides which of its conflicts the flow keeps. The greedy
    /// stabbing's own choice (the latest moment) put a full day (07:00-15:00) with the afternoons and let the flow
    /// pair it with a morning it overlaps (06:00-12:00): on the county day v2 instance the root flow then filled
    /// every slot (3724). With the earliest moment the full days sit with the mornings, and the bound is 3717.
    /// Returns each job's group (in the order given) and the group count.
    func groups() -> (of: [Int], count: Int) {
        let ext = start.indices.map { end[$0] + tail[$0] }
        let order = start.indices.sorted { (ext[$0], start[$0], $0) < (ext[$1], start[$1], $1) }
        var of = [Int](repeating: 0, count: start.count)
        var moment = Int.min
        var moments: [Int] = []
        var count = 0
        for i in order {
            if count == 0 || start[i] > moment {
                moment = ext[i] - 1
                moments.append(moment)
                count += 1
            }
            of[i] = count - 1
        }
        for i in start.indices {
            if let g = moments.firstIndex(where: { start[i] <= $0 && $0 < ext[i] }) { of[i] = g }
        }
        return (of, count)
    }
}

extension GeneralEngine {
    /// A break no job can bridge (two jobs whose hours together pass the minutes cap).
    static let neverFits = Int.max / 4

    /// The conflict intervals of the jobs `reqs` of row `key` (`w * nD + d`): each job extended by the least break
    /// it needs before a job of the row that starts at or after its end — the transfer between the farms (monotone in
    /// their distance, so the nearest farm's), or `neverFits` when every such job's length with its own passes the
    /// minutes the worker has left beside the row's pins. Jobs that start before it ends overlap it and conflict
    /// anyway, so they need not bound its extension.
    func rowConflictIntervals(_ reqs: [Int], row key: Int) -> RowConflictIntervals {
        let n = reqs.count
        var start = [Int](repeating: 0, count: n)
        var end = [Int](repeating: 0, count: n)
        var farm = [Int](repeating: 0, count: n)
        var lat = [Double](repeating: 0, count: n)
        for (i, r) in reqs.enumerated() {
            start[i] = inst.requests[r].startMinute
            end[i] = inst.requests[r].endMinute
            farm[i] = p.index.requestFarm[r]
            lat[i] = reqLoc[r].lat
        }
        let W = inst.workers[key / max(1, nD)]
        let minutesLeft = W.maxMinutesPerDay.map { m in
            pinsOn[key].reduce(m) { $0 - inst.requests[Int($1)].lengthMinutes }
        }
        var tail = [Int](repeating: 0, count: n)
        // The jobs by start: those that start at or after a job's end are a suffix (the answer is the same in any
        // order: a minimum, or a same farm).
        let byStart = (0..<n).sorted { start[$0] < start[$1] }
        for i in 0..<n {
            var later = false
            var nearest = Double.infinity
            var sameFarm = false
            var lo = 0
            var hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if start[byStart[mid]] >= end[i] { hi = mid } else { lo = mid + 1 }
            }
            for j in byStart[lo...] {
                later = true
                if let m = minutesLeft, end[i] - start[i] + end[j] - start[j] > m { continue }
                if farm[j] == farm[i] {
                    sameFarm = true
                    break
                }
                // The haversine is at least the latitudes' arc (R·|Δφ|): a farm that far cannot be nearer. Nothing
                // nearer is skipped, so the minimum (and a same farm's 0) is the one every distance would give.
                if nearest < .infinity && 6371.0 * abs(Distance.rad(lat[j] - lat[i])) * (1 - 1e-9) > nearest {
                    continue
                }
                nearest = min(nearest, Distance.km(reqLoc[reqs[i]], reqLoc[reqs[j]]))
            }
            if sameFarm || !later {
                tail[i] = 0
            } else if nearest == .infinity {
                tail[i] = GeneralEngine.neverFits
            } else {
                tail[i] = min(GeneralEngine.neverFits, transferMinutes(distanceKm: nearest, speedKmh: inst.speedKmh))
            }
        }
        return RowConflictIntervals(start: start, end: end, tail: tail)
    }

    /// The bound's cliques of row `key`'s candidates `cands`: each candidate's group and the number of groups (the
    /// stabbing of `rowConflictIntervals`). Two candidates in one group can never both be worked.
    func boundCliques(_ cands: [Int32], row key: Int) -> ([Int], Int) {
        rowConflictIntervals(cands.map { Int(candReq[Int($0)]) }, row: key).groups()
    }
}

/// A two-job row of the week's bound split into its first and its second job (`largeWeekRelaxation`): which jobs can
/// be a second job, and the moment whose node holds the first jobs that reach past it and the second jobs that start
/// by it.
struct RowDateSplit: Equatable {
    /// Whether each job (in the order given) can be the later job of a pair the row can work.
    var late: [Bool]
    /// The moment (minutes) of the row's shared node, nil when no first job and second job can meet at one.
    var moment: Int?
    /// Whether each job's first copy passes through the shared node (its extended end is after the moment).
    var firstShared: [Bool]
    /// Whether each job's second copy passes through the shared node (it is late and starts by the moment).
    var secondShared: [Bool]
}

extension RowConflictIntervals {
    /// The extended end of each job: its end plus the least break it needs before a later job (`tail`).
    var extendedEnd: [Int] { start.indices.map { end[$0] + tail[$0] } }

    /// The split of a row that holds at most two jobs into a first job (the earlier of a pair, or the only one) and a
    /// second job (the later of a pair).
    ///
    /// - A job `j` is **late** when some other job `i` ends, with its least break, by `j`'s start
    ///   (`end_i + tail_i ≤ start_j`). When `i` then `j` (by start) can both be worked, `start_j ≥ end_i + gap(i, j)
    ///   ≥ end_i + tail_i` (`tail_i` is the least such gap over the jobs that may follow `i`, `RowConflictIntervals`),
    ///   so the later job of every workable pair is late. Full days and mornings, which nothing can precede, are not.
    /// - The **moment** `t` is the start of a late job that maximises (jobs whose extended end is after `t`) ×
    ///   (late jobs that start by `t`), the earliest of equals. A first job `i` with `end_i + tail_i > t` and a
    ///   second job `j` with `start_j ≤ t` can never be a workable pair (`start_j ≤ t < end_i + tail_i`), so one node
    ///   of capacity 1 may hold both copies: a full day (07:00-15:00) and an afternoon (13:00-17:00) meet there, a
    ///   morning (06:00-10:00) and the afternoon do not.
    func dateSplit() -> RowDateSplit {
        let ext = extendedEnd
        let firstEnd = ext.min() ?? Int.max
        var late = [Bool](repeating: false, count: start.count)
        for j in start.indices where start[j] >= firstEnd {
            late[j] = start.indices.contains { $0 != j && ext[$0] <= start[j] }
        }
        var best: (score: Int, moment: Int)?
        for t in Set(start.indices.filter { late[$0] }.map { start[$0] }).sorted() {
            let firsts = ext.filter { $0 > t }.count
            let seconds = start.indices.filter { late[$0] && start[$0] <= t }.count
            let score = firsts * seconds
            if score > 0 && score > (best?.score ?? 0) { best = (score, t) }
        }
        guard let t = best?.moment else {
            let none = [Bool](repeating: false, count: start.count)
            return RowDateSplit(late: late, moment: nil, firstShared: none, secondShared: none)
        }
        return RowDateSplit(
            late: late, moment: t, firstShared: ext.map { $0 > t },
            secondShared: start.indices.map { late[$0] && start[$0] <= t })
    }
}
