import Foundation

/// The job of every worker on the plan days beside day d, read once per day network: the continuity part of day
/// d's pair values (`Engine.neighbourBonus`) without looking the neighbouring days up again for every pair.
struct DayNeighbourJobs {
    /// No job: the worker does not work the neighbouring day, or that plan day is not the calendar day beside d.
    static let none = Int32.min
    /// `before[w]`: worker w's job on plan day d − 1 when it is the calendar day before d, else `none`.
    let before: [Int32]
    /// `after[w]`: worker w's job on plan day d + 1 when it is the calendar day after d, else `none`.
    let after: [Int32]

    /// The neighbouring jobs of day `d` in the plan `assign` (`assign[w * nD + d]`, pins included) of problem `p`.
    init(_ p: Problem, assign: [Int32], nD: Int, day d: Int) {
        func jobs(on e: Int) -> [Int32] {
            var out = [Int32](repeating: DayNeighbourJobs.none, count: p.nW)
            guard e == d - 1 ? p.follows[d] : p.followed(d) else { return out }
            for w in 0..<p.nW {
                let q = assign[w * nD + e]
                if q >= 0 { out[w] = p.reqJob[Int(q)] }
            }
            return out
        }
        before = jobs(on: d - 1)
        after = jobs(on: d + 1)
    }
}

extension Engine {
    /// Day `d`'s network with every other day fixed (`dayNetwork`), its arcs valued as `resolveDay` values them:
    /// `dayValue` (priority × M − soft cost + continuity with history or the neighbouring days), plus 16 × M on the
    /// arcs of `forceWorker` to `forceJob`. The values are filled in one pass over the arcs after the network is built
    /// (the same values as a `dayValue` call per arc, for a fraction of the instructions). Nil when the day has no
    /// requests.
    func valuedDayNetwork(_ d: Int, forceWorker: Int = -1, forceJob: Int32 = -1) -> FlowNetwork? {
        guard var net = dayNetwork(d, value: { _, _, _ in 0 }) else { return nil }
        let jobs = DayNeighbourJobs(p, assign: assign, nD: nD, day: d)
        let continuity = p.continuity
        let bigM = p.bigM
        let force = 16 * p.bigM
        let rowWorker = net.rowWorker
        let rowArcStart = net.rowArcStart
        // The arcs' and pairs' fields read through buffers (no bounds check per read: the two day networks of the
        // county week's re-solves, 480k arcs, took 52M instructions through the arrays).
        var values = [Int64](repeating: 0, count: net.arcReq.count)
        values.withUnsafeMutableBufferPointer { value in
            net.arcReq.withUnsafeBufferPointer { arcReq in
                net.arcCand.withUnsafeBufferPointer { arcCand in
                    p.reqJob.withUnsafeBufferPointer { reqJob in
                        p.reqPriority.withUnsafeBufferPointer { reqPriority in
                            p.candCost.withUnsafeBufferPointer { candCost in
                                p.candHistory.withUnsafeBufferPointer { candHistory in
                                    for row in 0..<rowWorker.count {
                                        let w = Int(rowWorker[row])
                                        let before = jobs.before[w]
                                        let after = jobs.after[w]
                                        for a in Int(rowArcStart[row])..<Int(rowArcStart[row + 1]) {
                                            let r = Int(arcReq[a])
                                            let c = Int(arcCand[a])
                                            let job = reqJob[r]
                                            var v = reqPriority[r] * bigM - candCost[c]
                                            // History, else the day before (as `neighbourBonus`), then the day after.
                                            if candHistory[c] != 0 || before == job { v += continuity }
                                            if after == job { v += continuity }
                                            if w == forceWorker && job == forceJob { v += force }
                                            value[a] = v
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        net.arcValue = values
        return net
    }
}
