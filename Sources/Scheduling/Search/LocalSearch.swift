import Foundation

/// A simulated-annealing local search that polishes a valid plan on the plateau of its `medium` score.
///
/// It starts from the engine's plan and only ever holds plans that keep every pin and rules 1-8 (candidate pairs of
/// `Problem` for rules 1-4; one assignment per worker and day by construction; per-request headcount, minimum
/// headcount and per-worker ISO-week caps checked after every move). A move is accepted only when `medium` does not
/// drop; with equal `medium`, `soft` may drop with the annealing probability. The best plan seen is kept and
/// returned, so the result is never worse than the start.
///
/// Moves (all on one plan day unless said otherwise), each a short sequence of journaled elementary changes:
/// - *insert*: a worker takes a candidate request, leaving its own request (if any); when the request is full, a
///   random member is ejected and goes to the worker's old request (a swap), to another of its candidate requests
///   (an ejection chain, which may eject again), or home;
/// - *job chain*: a worker takes the same job on two consecutive plan days (two inserts), for continuity;
/// - *open*: a closed request receives its minimum headcount at once (inserts);
/// - *close*: every member of a request leaves it and tries another request of the day.
///
/// Scores are incremental: one change of worker w on day d alters only w's terms on d and d + 1 (pair cost and
/// continuity with the day before, from the plan or from `history`). All choices come from a seeded `SplitMix64`
/// and array orders, and the search stops on a count of move evaluations, so the same seed gives the same plan.
struct LocalSearch {
    let p: Problem
    let nD: Int
    let nK: Int
    /// Owns every buffer below (see `LocalSearchStorage`: the search is never copied while it runs).
    private let storage: LocalSearchStorage
    /// `assign[w * nD + d]`: request of worker w on day d (pins included), or -1.
    let assign: UnsafeMutableBufferPointer<Int32>
    /// Candidate index behind `assign` (-1 for pins and empty slots).
    let cand: UnsafeMutableBufferPointer<Int32>
    /// Non-pinned workers per request.
    let count: UnsafeMutableBufferPointer<Int32>
    /// Non-pinned workers of each request, in no particular (but deterministic) order: request r's are
    /// `memberList[memberStart[r] ..< memberStart[r] + count[r]]` (one flat array: a move's member changes touch no
    /// nested array). A request's room is its candidates plus the members it started with (its members are distinct
    /// workers, each a candidate or a starting member), so it never overflows.
    private(set) var memberList: UnsafeMutableBufferPointer<Int32>
    /// Where each request's members begin in `memberList` (`nR + 1` entries).
    private(set) var memberStart: UnsafeMutableBufferPointer<Int32>
    /// Position of slot `w * nD + d` among its request's members (from `memberStart`).
    let memberPos: UnsafeMutableBufferPointer<Int32>
    /// Non-pinned assignments per worker and ISO week.
    let weekUsed: UnsafeMutableBufferPointer<Int32>
    /// The request of each candidate pair (`slots.candReq`) and the candidate pairs of each slot `w * nD + d`
    /// (`slots.cand[slots.start[s] ..< slots.start[s + 1]]`, ascending, so by request).
    let slots: SlotCandidates
    /// `slots.start`, `slots.cand` and `slots.req` as the search reads them.
    let slotStart: UnsafeMutableBufferPointer<Int32>
    let slotCand: UnsafeMutableBufferPointer<Int32>
    let slotReq: UnsafeMutableBufferPointer<Int32>
    /// What a move reads of each candidate pair, in one 16-byte record (one cache line per random pair instead of
    /// one per array): `pairs[c]`.
    let pairs: UnsafeMutableBufferPointer<PairRecord>
    /// The soft terms of each slot's current assignment that do not depend on its neighbours, kept by `apply`:
    /// minus the pair cost (0 for pins and empty slots), and 1 when it continues `history` (pins: `pinHist`). The
    /// incremental score reads these small arrays instead of the pair arrays at a random candidate.
    let slotCost: UnsafeMutableBufferPointer<Int64>
    /// `pairOf[w * nR + r]`: the candidate pair of worker w for request r, or -1 (one memory access where the
    /// binary search over the slot's pairs reads three or four cache lines); empty above `directLimit` entries,
    /// where `slots.candidate` searches instead.
    let pairOf: UnsafeMutableBufferPointer<Int32>
    /// The most entries `pairOf` may have (64 MB; a county week has 5 million).
    static let directLimit = 16 << 20
    let slotHist: UnsafeMutableBufferPointer<UInt8>
    /// Requests per (job, day): `jobDayReq[jobDayStart[j * nD + d] ..< jobDayStart[j * nD + d + 1]]`.
    let jobDayStart: UnsafeMutableBufferPointer<Int32>
    let jobDayReq: UnsafeMutableBufferPointer<Int32>
    /// 1 when the pinned assignment of a slot continues a job of `history` from the day before.
    let pinHist: UnsafeMutableBufferPointer<UInt8>
    /// `consecutive[d]`: plan day d − 1 is the calendar day before plan day d.
    let consecutive: UnsafeMutableBufferPointer<Bool>
    /// Candidate pairs whose slot is not pinned (the move starting points).
    let movable: UnsafeMutableBufferPointer<Int32>
    /// Every candidate pair is movable (`movable[i] == i`): the search draws the index itself.
    let allMovable: Bool
    /// Requests that are not fully pinned.
    let openable: UnsafeMutableBufferPointer<Int32>
    /// The problem's arrays the moves read (copies of `Problem`'s, same names).
    let dayWeek: UnsafeMutableBufferPointer<Int32>
    let reqDay: UnsafeMutableBufferPointer<Int32>
    let reqJob: UnsafeMutableBufferPointer<Int32>
    let reqPriority: UnsafeMutableBufferPointer<Int64>
    let reqCap: UnsafeMutableBufferPointer<Int32>
    let reqMin: UnsafeMutableBufferPointer<Int32>
    let pinnedOn: UnsafeMutableBufferPointer<Int32>
    let capLeft: UnsafeMutableBufferPointer<Int32>
    let candStart: UnsafeMutableBufferPointer<Int32>
    let candWorker: UnsafeMutableBufferPointer<Int32>
    /// `p.days.count` and `p.continuity`.
    let nDays: Int
    let continuity: Int64
    var rng: SplitMix64
    /// Current `medium` (pins excluded) and `soft` relative to the start (pin costs excluded).
    var medium: Int64 = 0
    var soft: Int64 = 0
    /// Elementary changes of the move under evaluation: (slot, old request, old candidate).
    var journal: LocalSearchStack<(Int32, Int32, Int32)>
    /// Requests and worker-weeks touched by the move under evaluation.
    var touchedReq: LocalSearchStack<Int32>
    var touchedWeek: LocalSearchStack<Int32>
    /// Set by a move that could not be completed (it is then undone).
    var failed = false
    /// The starting temperature of each annealing cycle.
    var temperature = 2.0
    /// Move evaluations done.
    var evaluations = 0
    /// Moves accepted that strictly improved the best plan.
    var improvements = 0

    /// Builds the search state from a plan (`assign`/`cand` as the engine holds them).
    init(_ p: Problem, assign: [Int32], cand: [Int32], seed: UInt64) {
        self.p = p
        let nD = max(1, p.days.count)
        self.nD = nD
        nK = max(1, p.weeks.count)
        let storage = LocalSearchStorage()
        self.storage = storage
        self.assign = storage.copy(assign)
        self.cand = storage.copy(cand)
        rng = SplitMix64(seed: seed ^ 0x5EED_1234_ABCD_0001)
        let slots = SlotCandidates(p, nD: nD)
        self.slots = slots
        slotStart = storage.copy(slots.start)
        slotCand = storage.copy(slots.cand)
        slotReq = storage.copy(slots.req)
        let (entries, overflow) = p.nW.multipliedReportingOverflow(by: p.nR)
        if !overflow && entries <= LocalSearch.directLimit {
            let pairOf = storage.make(entries, Int32(-1))
            for c in 0..<p.candidateCount { pairOf[Int(p.candWorker[c]) * p.nR + Int(slots.candReq[c])] = Int32(c) }
            self.pairOf = pairOf
        } else {
            pairOf = storage.make(0, Int32(-1))
        }
        pairs = storage.copy(
            (0..<p.candidateCount).map { c in
                PairRecord(
                    cost: p.candCost[c], history: p.candHistory[c] != 0, request: slots.candReq[c],
                    worker: p.candWorker[c])
            })
        let nJ = Int((p.reqJob.max() ?? -1) + 1)
        var jd = [Int32](repeating: 0, count: nJ * nD + 1)
        for r in 0..<p.nR { jd[Int(p.reqJob[r]) * nD + Int(p.reqDay[r]) + 1] += 1 }
        for i in 0..<(nJ * nD) { jd[i + 1] += jd[i] }
        var jfill = Array(jd.dropLast())
        var jdReq = [Int32](repeating: 0, count: p.nR)
        for r in 0..<p.nR {
            let i = Int(p.reqJob[r]) * nD + Int(p.reqDay[r])
            jdReq[Int(jfill[i])] = Int32(r)
            jfill[i] += 1
        }
        jobDayStart = storage.copy(jd)
        jobDayReq = storage.copy(jdReq)
        var consecutive = [Bool](repeating: false, count: nD)
        for d in 1..<max(1, p.days.count) { consecutive[d] = p.follows[d] }
        self.consecutive = storage.copy(consecutive)
        // History continuity of pinned slots (pins need not be candidate pairs).
        var pinHist = [UInt8](repeating: 0, count: p.nW * nD)
        if !p.instance.history.isEmpty && !p.instance.pinned.isEmpty {
            let history = HistoryIndex(p.instance, p.index)
            for pin in p.instance.pinned {
                let r = p.index.request[pin.request]!
                let w = p.index.worker[pin.worker]!
                if history.continues(w, p.instance.requests[r]) { pinHist[w * nD + Int(p.reqDay[r])] = 1 }
            }
        }
        self.pinHist = storage.copy(pinHist)
        var movable: [Int32] = []
        for c in 0..<p.candidateCount {
            let s = Int(p.candWorker[c]) * nD + Int(p.reqDay[Int(slots.candReq[c])])
            if p.pinnedOn[s] < 0 { movable.append(Int32(c)) }
        }
        self.movable = storage.copy(movable)
        allMovable = movable.count == p.candidateCount
        openable = storage.copy(
            (0..<p.nR).filter { p.reqCap[$0] > 0 && p.candStart[$0 + 1] > p.candStart[$0] }.map(Int32.init))
        dayWeek = storage.copy(p.dayWeek)
        reqDay = storage.copy(p.reqDay)
        reqJob = storage.copy(p.reqJob)
        reqPriority = storage.copy(p.reqPriority)
        reqCap = storage.copy(p.reqCap)
        reqMin = storage.copy(p.reqMin)
        pinnedOn = storage.copy(p.pinnedOn)
        capLeft = storage.copy(p.capLeft)
        candStart = storage.copy(p.candStart)
        candWorker = storage.copy(p.candWorker)
        nDays = p.days.count
        continuity = p.continuity
        count = storage.make(p.nR, 0)
        memberList = storage.make(0, -1)
        memberStart = storage.make(p.nR + 1, 0)
        memberPos = storage.make(p.nW * nD, -1)
        weekUsed = storage.make(p.nW * nK, 0)
        slotCost = storage.make(p.nW * nD, 0)
        slotHist = storage.make(p.nW * nD, 0)
        journal = LocalSearchStack(storage, capacity: 256)
        touchedReq = LocalSearchStack(storage, capacity: 256)
        touchedWeek = LocalSearchStack(storage, capacity: 256)
        rebuild()
    }

    /// Recomputes counts, members and week usage from `assign`.
    mutating func rebuild() {
        count.update(repeating: 0)
        for s in 0..<min(assign.count, p.nW * nD) where assign[s] >= 0 && pinnedOn[s] < 0 {
            count[Int(assign[s])] += 1
        }
        memberStart[0] = 0
        for r in 0..<p.nR { memberStart[r + 1] = memberStart[r] + (candStart[r + 1] - candStart[r]) + count[r] }
        let room = Int(memberStart[p.nR])
        if memberList.count < room {
            // Rare (a rebuild from a plan with more members than the start): the old list stays with the storage.
            memberList = storage.make(room, -1)
        } else {
            memberList.update(repeating: -1)
        }
        count.update(repeating: 0)
        memberPos.update(repeating: -1)
        weekUsed.update(repeating: 0)
        slotCost.update(repeating: 0)
        slotHist.update(repeating: 0)
        medium = 0
        for s in 0..<min(assign.count, p.nW * nD) where assign[s] >= 0 { setSlotTerms(s, cand[s]) }
        for w in 0..<p.nW {
            for d in 0..<nDays {
                let s = w * nD + d
                let r = Int(assign[s])
                guard r >= 0, pinnedOn[s] < 0 else { continue }
                memberPos[s] = count[r]
                memberList[Int(memberStart[r] + count[r])] = Int32(w)
                count[r] += 1
                weekUsed[w * nK + Int(dayWeek[d])] += 1
                medium += reqPriority[r]
            }
        }
    }

    // MARK: Incremental score

    /// Records the neighbour-free soft terms of slot s assigned through candidate c (-1: a pin) in `slotCost` and
    /// `slotHist`.
    @inline(__always) mutating func setSlotTerms(_ s: Int, _ c: Int32) {
        if c >= 0 {
            let pair = pairs[Int(c)]
            slotCost[s] = -pair.cost
            slotHist[s] = pair.history ? 1 : 0
        } else {
            slotCost[s] = 0
            slotHist[s] = pinHist[s]
        }
    }

    /// Soft terms of slot (w, d): minus the pair cost, plus continuity with day d − 1 (plan or history).
    @inline(__always) func contribution(_ w: Int, _ d: Int) -> Int64 {
        let s = w * nD + d
        let r = assign[s]
        guard r >= 0 else { return 0 }
        let v = slotCost[s]
        var linked = slotHist[s] != 0
        if !linked && d > 0 && consecutive[d] {
            let q = assign[s - 1]
            linked = q >= 0 && reqJob[Int(q)] == reqJob[Int(r)]
        }
        return linked ? v + continuity : v
    }

    /// Sets slot (w, d) to request r through candidate c (r = -1: unassigned), journaled, with score deltas.
    mutating func set(_ w: Int, _ d: Int, _ r: Int32, _ c: Int32) {
        let s = w * nD + d
        journal.push((Int32(s), assign[s], cand[s]))
        apply(w, d, r, c)
    }

    /// `set` without the journal (used by undo).
    mutating func apply(_ w: Int, _ d: Int, _ r: Int32, _ c: Int32) {
        let s = w * nD + d
        let old = assign[s]
        if old == r && cand[s] == c { return }
        // The next day's terms change only by its continuity with this slot (its own pair terms stay): the bonus
        // counts before and after when the next day works, unpinned from history, and continues this slot's job.
        var nextLinks = false
        var nextJob: Int32 = 0
        if d + 1 < nDays && consecutive[d + 1] {
            let q = assign[s + 1]
            if q >= 0 && slotHist[s + 1] == 0 {
                nextLinks = true
                nextJob = reqJob[Int(q)]
            }
        }
        let before = contribution(w, d) + (nextLinks && old >= 0 && reqJob[Int(old)] == nextJob ? continuity : 0)
        if old >= 0 {
            let o = Int(old)
            count[o] -= 1
            medium -= reqPriority[o]
            let i = Int(memberPos[s])
            let base = Int(memberStart[o])
            let last = memberList[base + Int(count[o])]
            memberList[base + Int(count[o])] = -1
            if Int(last) != w {
                memberList[base + i] = last
                memberPos[Int(last) * nD + d] = Int32(i)
            }
            memberPos[s] = -1
            touchedReq.push(old)
        }
        if r >= 0 {
            let q = Int(r)
            medium += reqPriority[q]
            memberPos[s] = count[q]
            memberList[Int(memberStart[q] + count[q])] = Int32(w)
            count[q] += 1
            touchedReq.push(r)
        }
        if (old < 0) != (r < 0) {
            let k = w * nK + Int(dayWeek[d])
            weekUsed[k] += r >= 0 ? 1 : -1
            if r >= 0 { touchedWeek.push(Int32(k)) }
        }
        assign[s] = r
        cand[s] = c
        if r >= 0 { setSlotTerms(s, c) }
        let after = contribution(w, d) + (nextLinks && r >= 0 && reqJob[Int(r)] == nextJob ? continuity : 0)
        soft += after - before
    }

    /// Undoes the journal back to `mark` entries.
    mutating func undo(to mark: Int) {
        while journal.count > mark {
            let (s, r, c) = journal.pop()
            apply(Int(s) / nD, Int(s) % nD, r, c)
        }
    }

    /// Rules 5-8 on what the move touched (rule 5 holds by construction, pins are never touched). In line: called
    /// as a function from the mutating `run`, it received a copy of the whole search struct (a `memcpy` per move).
    @inline(__always) func feasible() -> Bool {
        for i in 0..<touchedReq.count {
            let r = touchedReq[i]
            let n = count[Int(r)]
            if n > reqCap[Int(r)] || (n > 0 && n < reqMin[Int(r)]) { return false }
        }
        for i in 0..<touchedWeek.count {
            let k = touchedWeek[i]
            if weekUsed[Int(k)] > capLeft[Int(k)] { return false }
        }
        return true
    }

    // MARK: Moves

    @inline(__always) mutating func random(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }

    /// A random movable candidate pair (`movable` must not be empty).
    @inline(__always) mutating func randomMovable() -> Int32 {
        let i = random(movable.count)
        return allMovable ? Int32(i) : movable[i]
    }

    /// The number of candidate pairs of slot s.
    @inline(__always) func degree(_ s: Int) -> Int { Int(slotStart[s + 1] - slotStart[s]) }

    /// A random candidate pair of slot s (which must have one) and its request.
    @inline(__always) mutating func randomCandidate(_ s: Int) -> (Int32, Int) {
        let i = Int(slotStart[s]) + random(degree(s))
        return (slotCand[i], Int(slotReq[i]))
    }

    /// The candidate pair of worker w for request r (on r's day), or -1 (`pairOf`, else `SlotCandidates.candidate`).
    @inline(__always) func candidate(_ w: Int, _ r: Int) -> Int32 {
        pairOf.isEmpty ? slots.candidate(w, r, day: Int(reqDay[r])) : pairOf[w * p.nR + r]
    }

    /// Worker w takes request r (candidate c), as the head of an ejection chain (depth-limited):
    /// - when w is free that day but its ISO week is full, it leaves another day of the week, whose request may be
    ///   refilled by one of its candidates;
    /// - when r is full, a random other member is ejected and goes to w's old request (a swap), to another of its
    ///   candidate requests (which may eject again), or home;
    /// - the hole w leaves in its old request may be filled by one of that request's candidates.
    mutating func insert(_ w: Int, _ r: Int, _ c: Int32, depth: Int) {
        let d = Int(reqDay[r])
        let s = w * nD + d
        let r0 = assign[s]
        if r0 == Int32(r) { return }
        if r0 < 0 {
            let k = Int(dayWeek[d])
            if weekUsed[w * nK + k] >= capLeft[w * nK + k] { freeDay(w, week: k, except: d, depth: depth) }
        }
        set(w, d, Int32(r), c)
        if count[r] > reqCap[r] && count[r] >= 2 {
            // Eject a random other member.
            let base = Int(memberStart[r])
            let n = Int(count[r])
            var i = random(n - 1)
            if Int(memberList[base + i]) == w { i = n - 1 }
            let v = Int(memberList[base + i])
            let choice = random(4)
            var placed = false
            if r0 >= 0 && choice < 2 {
                let cv = candidate(v, Int(r0))
                if cv >= 0 {
                    set(v, d, r0, cv)
                    return
                }
            }
            let vs = v * nD + d
            if depth > 0 && choice != 3 && degree(vs) > 1 {
                let (c2, r2) = randomCandidate(vs)
                if r2 != r {
                    insert(v, r2, c2, depth: depth - 1)
                    placed = true
                }
            }
            if !placed { set(v, d, -1, -1) }
        }
        if r0 >= 0 && depth > 0 && count[Int(r0)] < reqCap[Int(r0)] && random(2) == 0 {
            fill(Int(r0), depth: depth - 1)
        }
    }

    /// A random candidate of request r (free to move there) takes it.
    mutating func fill(_ r: Int, depth: Int) {
        let lo = Int(candStart[r])
        let n = Int(candStart[r + 1]) - lo
        guard n > 0 else { return }
        let c = lo + random(n)
        let u = Int(pairs[c].worker)
        let us = u * nD + Int(reqDay[r])
        guard pinnedOn[us] < 0, assign[us] != Int32(r) else { return }
        insert(u, r, Int32(c), depth: depth)
    }

    /// Worker w leaves a random other assigned day of ISO week k (not `except`); the hole may be refilled.
    mutating func freeDay(_ w: Int, week k: Int, except d: Int, depth: Int) {
        var options = 0
        for e in 0..<nDays where worksUnpinned(w, e, week: k, except: d) { options += 1 }
        guard options > 0 else { return }
        var pick = random(options)
        for e in 0..<nDays where worksUnpinned(w, e, week: k, except: d) {
            if pick == 0 {
                let q = Int(assign[w * nD + e])
                set(w, e, -1, -1)
                if depth > 0 && random(4) != 0 { fill(q, depth: depth - 1) }
                return
            }
            pick -= 1
        }
    }

    /// Worker w works plan day e (not d) of ISO week k, unpinned.
    @inline(__always) func worksUnpinned(_ w: Int, _ e: Int, week k: Int, except d: Int) -> Bool {
        e != d && Int(dayWeek[e]) == k && assign[w * nD + e] >= 0 && pinnedOn[w * nD + e] < 0
    }

    /// Proposes one random move (applied, journaled).
    mutating func propose() {
        let kind = random(16)
        if kind < 7 || movable.isEmpty && openable.isEmpty {
            guard !movable.isEmpty else { return }
            let c = randomMovable()
            let pair = pairs[Int(c)]
            insert(Int(pair.worker), Int(pair.request), c, depth: 2)
        } else if kind < 11 {
            guard !movable.isEmpty else { return }
            swapSchedules(randomMovable())
        } else if kind < 14 {
            guard !movable.isEmpty else { return }
            jobChain(randomMovable())
        } else {
            guard !openable.isEmpty else { return }
            let r = Int(openable[random(openable.count)])
            if count[r] == 0 { openRequest(r) } else { closeRequest(r) }
        }
    }

    /// Workers exchange their assignments over a run of consecutive plan days around candidate c's day: c's worker
    /// takes the place of a member (or candidate) of c's request, and on the neighbouring days the two exchange
    /// whatever they do. Request counts do not change (only week usage may move between the two).
    mutating func swapSchedules(_ c: Int32) {
        let pair = pairs[Int(c)]
        let a = Int(pair.worker)
        let r = Int(pair.request)
        let d = Int(reqDay[r])
        var b = -1
        if count[r] > 0 && random(4) != 0 {
            b = Int(memberList[Int(memberStart[r]) + random(Int(count[r]))])
        } else {
            let lo = Int(candStart[r])
            b = Int(candWorker[lo + random(Int(candStart[r + 1]) - lo)])
        }
        guard b != a else { return }
        // The run of days: d, then extended backwards and forwards over consecutive plan days at random.
        var lo = d
        var hi = d
        while lo > 0 && consecutive[lo] && random(2) == 0 { lo -= 1 }
        while hi + 1 < nDays && consecutive[hi + 1] && random(2) == 0 { hi += 1 }
        for x in lo...hi {
            let sa = a * nD + x
            let sb = b * nD + x
            let ra = assign[sa]
            let rb = assign[sb]
            if ra == rb { continue }
            if pinnedOn[sa] >= 0 || pinnedOn[sb] >= 0 {
                // A pinned day cannot be exchanged: the move fails.
                failed = true
                return
            }
            let ca: Int32 = rb >= 0 ? candidate(a, Int(rb)) : -1
            let cb: Int32 = ra >= 0 ? candidate(b, Int(ra)) : -1
            if (rb >= 0 && ca < 0) || (ra >= 0 && cb < 0) {
                if x == d { return }
                continue
            }
            set(a, x, -1, -1)
            set(b, x, ra, cb)
            set(a, x, rb, ca)
        }
    }

    /// Worker of candidate c takes c's request and the same job on an adjacent consecutive plan day.
    mutating func jobChain(_ c: Int32) {
        let pair = pairs[Int(c)]
        let w = Int(pair.worker)
        let r = Int(pair.request)
        let d = Int(reqDay[r])
        let job = Int(reqJob[r])
        let forward = random(2) == 0
        let e: Int
        if forward && d + 1 < nDays && consecutive[d + 1] {
            e = d + 1
        } else if d > 0 && consecutive[d] {
            e = d - 1
        } else if d + 1 < nDays && consecutive[d + 1] {
            e = d + 1
        } else {
            return
        }
        guard pinnedOn[w * nD + e] < 0 else { return }
        let lo = Int(jobDayStart[job * nD + e])
        let hi = Int(jobDayStart[job * nD + e + 1])
        guard hi > lo else { return }
        let r2 = Int(jobDayReq[lo + random(hi - lo)])
        let c2 = candidate(w, r2)
        guard c2 >= 0 else { return }
        insert(w, r, c, depth: 1)
        insert(w, r2, c2, depth: 1)
    }

    /// A closed request receives its minimum headcount: cheapest-first from a random offset among its candidates.
    mutating func openRequest(_ r: Int) {
        let lo = Int(candStart[r])
        let n = Int(candStart[r + 1]) - lo
        let need = Int(max(1, reqMin[r]))
        guard n >= need else { return }
        let d = Int(reqDay[r])
        let offset = random(n)
        var added = 0
        var i = 0
        while i < n && added < need {
            let c = lo + (offset + i) % n
            i += 1
            let w = Int(candWorker[c])
            guard pinnedOn[w * nD + d] < 0, assign[w * nD + d] != Int32(r) else { continue }
            // Prefer workers who are free that day; others only half the time.
            if assign[w * nD + d] >= 0 && random(2) == 0 { continue }
            insert(w, r, Int32(c), depth: 1)
            added += 1
        }
    }

    /// Every member of request r leaves it and takes a random other candidate request of the day, or goes home.
    mutating func closeRequest(_ r: Int) {
        let d = Int(reqDay[r])
        let base = Int(memberStart[r])
        let leaving = Array(memberList[base..<(base + Int(count[r]))])
        for v32 in leaving {
            let v = Int(v32)
            let vs = v * nD + d
            let (c2, r2) = degree(vs) > 0 ? randomCandidate(vs) : (-1, r)
            if r2 != r && count[r2] < reqCap[r2] {
                set(v, d, Int32(r2), c2)
            } else {
                set(v, d, -1, -1)
            }
        }
    }

    // MARK: Annealing

    /// Runs simulated annealing for `moves` move evaluations (optionally also stopped by `deadline`).
    /// Ends on the best plan found (by `medium`, then `soft`).
    mutating func run(moves: Int, deadline: Date? = nil, endOnBest: Bool = true) {
        guard moves > 0, !movable.isEmpty || !openable.isEmpty else { return }
        var bestMedium = medium
        var bestSoft = soft
        var bestAssign: [Int32]? = nil
        var bestCand: [Int32]? = nil
        var currentIsBest = true
        // Temperature: from about one continuity bonus (or a few km) down to below one soft unit, in cycles that
        // restart from the best plan.
        let t0 = temperature
        let t1 = 0.5
        let cycles = 1
        let perCycle = max(1, moves / cycles)
        for cycle in 0..<cycles {
            if cycle > 0 && !currentIsBest, let a = bestAssign, let c = bestCand {
                _ = assign.update(fromContentsOf: a)
                _ = cand.update(fromContentsOf: c)
                rebuild()
                soft = bestSoft
                currentIsBest = true
            }
            let logRatio = log(t1 / t0)
            var i = 0
            while i < perCycle {
                if i & 4095 == 0, let deadline, Date() >= deadline { break }
                // The temperature of this evaluation, computed only where a worse move reads it.
                let step = i
                i += 1
                evaluations += 1
                journal.removeAll()
                touchedReq.removeAll()
                touchedWeek.removeAll()
                failed = false
                let m0 = medium
                let s0 = soft
                propose()
                if journal.count == 0 { continue }
                var accept = false
                if !failed && feasible() && medium >= m0 {
                    if medium > m0 || soft >= s0 {
                        accept = true
                    } else {
                        let u = Double(rng.next() >> 11) / Double(1 << 53)
                        let t = t0 * exp(logRatio * Double(step) / Double(perCycle))
                        accept = u < exp(Double(soft - s0) / t)
                    }
                }
                if !accept {
                    undo(to: 0)
                    continue
                }
                let better = medium > bestMedium || (medium == bestMedium && soft > bestSoft)
                let worse = medium < bestMedium || (medium == bestMedium && soft < bestSoft)
                if better {
                    bestMedium = medium
                    bestSoft = soft
                    currentIsBest = true
                    bestAssign = nil
                    bestCand = nil
                    improvements += 1
                } else if worse && currentIsBest {
                    // Leaving the best plan: save it (the state before this move) first.
                    if bestAssign == nil {
                        var a = Array(assign)
                        var c = Array(cand)
                        for j in stride(from: journal.count - 1, through: 0, by: -1) {
                            let (s, r, oc) = journal[j]
                            a[Int(s)] = r
                            c[Int(s)] = oc
                        }
                        bestAssign = a
                        bestCand = c
                    }
                    currentIsBest = false
                }
            }
            if let deadline, Date() >= deadline { break }
        }
        if endOnBest && !currentIsBest, let a = bestAssign, let c = bestCand {
            _ = assign.update(fromContentsOf: a)
            _ = cand.update(fromContentsOf: c)
            rebuild()
            soft = bestSoft
        }
    }
}

/// One candidate pair as the local search reads it (`LocalSearch.pairs`): 16 bytes, the history flag in the cost's
/// lowest bit (a pair cost is at most about 1.2 million, `InstanceLimits.softTerm`, so the shift cannot overflow).
struct PairRecord {
    private let costAndHistory: Int64
    /// The request of the pair.
    let request: Int32
    /// The worker of the pair.
    let worker: Int32

    init(cost: Int64, history: Bool, request: Int32, worker: Int32) {
        costAndHistory = cost << 1 | (history ? 1 : 0)
        self.request = request
        self.worker = worker
    }

    /// `Problem.candCost` of the pair.
    @inline(__always) var cost: Int64 { costAndHistory >> 1 }
    /// `Problem.candHistory` of the pair is 1.
    @inline(__always) var history: Bool { costAndHistory & 1 != 0 }
}

extension LocalSearch {
    /// The move evaluations the local search wants: proportional to the movable candidate pairs, capped (the
    /// `localSearch` share of the work budget caps it again).
    static func moves(movable: Int) -> Int {
        min(1_600_000, max(20_000, 500 * movable))
    }

    /// Rounds of annealing + exact day re-solves: several on small instances, one on large ones (where every
    /// day re-solve is a large flow).
    static func rounds(candidates: Int) -> Int {
        candidates <= 20_000 ? 9 : 1
    }
}

extension Engine {
    /// The local search phase on the engine's plan (see `LocalSearch`), alternated with exact day-by-day re-solves;
    /// the result replaces the plan only when the exact scorer finds it valid and strictly better. Every round gets
    /// its part of `LocalSearch.moves`, at most what is left of the phase's share; a move evaluation is one work unit.
    ///
    /// - Parameter fraction: the search wants `1 / fraction` of `LocalSearch.moves`.
    mutating func localSearch(fraction: Int = 1) {
        guard p.nR > 0, p.candidateCount > 0, !outOfTime() else { return }
        let outer = phase
        phase = .localSearch
        defer { phase = outer }
        let rounds = LocalSearch.rounds(candidates: p.candidateCount)
        let exploreT = 8.0
        let exploitT = 2.0
        if rounds == 1 && nD > 1 && p.continuity > 0 && stats.passes == 0 && workLeft > 0 { dayPass() }
        var best = Best(self)
        report(.localSearch, best.score)
        for round in 0..<rounds {
            // Nothing left to search with (the day pass may have spent the share): the search's state is not built.
            // `moves` below is positive exactly when work is left, so the rounds that run are the same.
            guard workLeft > 0 else { break }
            var ls = LocalSearch(p, assign: assign, cand: assignCand, seed: options.seed &+ UInt64(round))
            ls.temperature = round % 2 == 1 ? exploreT : exploitT
            let moves = min(LocalSearch.moves(movable: ls.movable.count) / rounds / max(1, fraction), workLeft)
            guard moves > 0 else { break }
            let explore = round % 2 == 1 && round + 1 < rounds
            ls.run(moves: moves, deadline: budget.deadline, endOnBest: !explore)
            charge(ls.evaluations)
            assign = Array(ls.assign)
            assignCand = Array(ls.cand)
            // The annealing stops at the deadline too: record it (the round ends, the plan stays valid).
            let late = outOfTime()
            if nD > 1 && rounds > 1 && !late {
                var again = true
                var passes = 0
                while again && passes < 5 && !outOfTime() {
                    again = false
                    passes += 1
                    for d in 0..<nD where resolveDay(d) { again = true }
                }
            }
            let s = currentScore()
            if best.offer(s, self) {
                stats.moves += 1
                report(.localSearch, best.score)
            }
            if deadlineHit { break }
            if !explore && s < best.score { (assign, assignCand) = best.plan }
        }
        best.restore(&self)
    }

    /// Exact day re-solves before the single annealing round of a large multi-day instance whose first flow left no
    /// work for the day descent (`stats.passes == 0`; where the descent ran, every day is already exact given the
    /// others), each day re-solved by its flow with every other day fixed, its continuity with the days on both sides
    /// in the pair values (`resolveDay`; applied only when strictly better). First every other day (1, 3, …): each sees both of its
    /// neighbours, so every pair of adjacent days has one end re-solved; these run as one step once started (like a
    /// flow, not cut by work). Then the other days (0, 2, …) while the phase has work left, and the annealing gets
    /// what is left after them. On the county week the first step costs 45M units, so at the default budget nothing
    /// follows it, and it gains more soft than the annealing's 1.6M evaluations did, for less CPU (`docs/solver.md`,
    /// week12). The first flow already holds the continuity with `history`; the links between plan days are what the
    /// re-solves add.
    mutating func dayPass() {
        for d in stride(from: 1, to: nD, by: 2) where !outOfTime() { _ = resolveDay(d) }
        for d in stride(from: 0, to: nD, by: 2) where workLeft > 0 && !outOfTime() { _ = resolveDay(d) }
        stats.passes += 1
    }

    /// The day kicks phase (`dayILS`), where it runs (`SolveBudget.phases`): at most 100 kicks, while the phase's
    /// share lasts; the result replaces the plan only when the exact scorer finds it valid and strictly better.
    mutating func dayKicks() {
        guard budget.runs(.dayKicks), !outOfTime() else { return }
        var best = Best(self)
        dayILS(iterations: 100, seed: options.seed)
        if best.offer(currentScore(), self) {
            stats.moves += 1
            report(.dayKicks, best.score)
        }
        best.restore(&self)
    }

    /// The best plan of a phase by the exact scorer, starting from the engine's plan: a plan replaces it only when
    /// it is valid and strictly better.
    struct Best {
        private(set) var score: Score
        private(set) var plan: ([Int32], [Int32])

        init(_ engine: Engine) {
            score = engine.currentScore()
            plan = (engine.assign, engine.assignCand)
        }

        /// Takes the engine's plan, scored `s`, when it is valid and strictly better.
        mutating func offer(_ s: Score, _ engine: Engine) -> Bool {
            guard s.hard == 0 && s > score else { return false }
            score = s
            plan = (engine.assign, engine.assignCand)
            return true
        }

        /// Puts the best plan back into the engine (the start when nothing was better).
        func restore(_ engine: inout Engine) { (engine.assign, engine.assignCand) = plan }
    }
}
