/// The candidate pairs of every slot (worker w on plan day d, slot `w * nD + d`), for the searches that move one worker
/// at a time: `cand[start[s] ..< start[s + 1]]`, ascending, so in request order (`Problem` lists candidates request by
/// request).
struct SlotCandidates {
    /// The request of each candidate pair.
    let candReq: [Int32]
    let start: [Int32]
    let cand: [Int32]
    /// The request of each `cand` entry (contiguous, for `candidate`'s binary search).
    let req: [Int32]
    let nD: Int

    init(_ p: Problem, nD: Int) {
        self.nD = nD
        var candReq = [Int32](repeating: 0, count: p.candidateCount)
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) { candReq[c] = Int32(r) }
        }
        var start = [Int32](repeating: 0, count: p.nW * nD + 1)
        for c in 0..<p.candidateCount { start[Int(p.candWorker[c]) * nD + Int(p.reqDay[Int(candReq[c])]) + 1] += 1 }
        for s in 0..<(p.nW * nD) { start[s + 1] += start[s] }
        var fill = Array(start.dropLast())
        var cand = [Int32](repeating: 0, count: p.candidateCount)
        for c in 0..<p.candidateCount {
            let s = Int(p.candWorker[c]) * nD + Int(p.reqDay[Int(candReq[c])])
            cand[Int(fill[s])] = Int32(c)
            fill[s] += 1
        }
        self.candReq = candReq
        self.start = start
        self.cand = cand
        req = cand.map { candReq[Int($0)] }
    }

    /// The candidate pair of worker w for request r (on r's plan day d), or -1: a binary search over the slot.
    @inline(__always) func candidate(_ w: Int, _ r: Int, day d: Int) -> Int32 {
        let s = w * nD + d
        var lo = Int(start[s])
        let end = Int(start[s + 1])
        var hi = end
        let key = Int32(r)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if req[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < end && req[lo] == key ? cand[lo] : -1
    }
}
