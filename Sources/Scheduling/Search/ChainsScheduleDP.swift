import Foundation

/// Each worker's best schedule over every plan day, exactly, by a dynamic program: the pricing step of the schedule
/// relaxation (`ChainsSchedules.swift`).
///
/// A schedule gives worker w one of its candidate requests or nothing on each plan day (the pinned request on a pinned
/// day). Its value is the soft part of the engine's objective for w alone: per assignment `−cost` (`+ continuity` from
/// history) minus the request's price `λ`, and `+ continuity` per link (the same job on two consecutive calendar days,
/// not both pinned; a day that continues history counts its history bonus instead, as `Engine.trueValue`). The weekly
/// caps (`Problem.capLeft`, pins and dates worked already taken off) hold in every schedule. The state of the program
/// after day d is the option taken on d (its job decides the next link) and the days used in d's ISO week, so it is
/// exact: every schedule of w is a path, valued by the same terms (`ChainsSchedulesTests` enumerates them).
///
/// Options with a request of headcount 0 (`allowed[r] == false`) are left out. Pure (no engine state): the engine
/// passes the prices.
struct ScheduleDP {
    let p: Problem
    let nD: Int
    /// Options of slot (w, d): `optStart[w * nD + d] ..< optStart[w * nD + d + 1]`; a pinned slot has its pin only.
    private(set) var optStart: [Int32] = [0]
    private(set) var optReq: [Int32] = []
    /// The candidate pair of an option, -1 for a pin.
    private(set) var optCand: [Int32] = []
    /// The option's value without its price: `−cost`, `+ continuity` from history; 0 for a pin.
    private(set) var optValue: [Double] = []
    /// Whether a link into this option (from the previous calendar day, same job) counts: not from history, and
    /// not pin to pin (checked at the transition for the latter).
    private(set) var optLinkable: [Bool] = []
    /// Whether day d follows day d − 1 on the calendar.
    let linked: [Bool]
    /// Whether day d starts an ISO week of the plan.
    let newWeek: [Bool]
    /// Per worker and ISO week (`w * weeks + k`): the days the schedule may still use there when the cap binds (fewer
    /// than the days with options), else -1 (the cap binds nothing: the program need not count the days).
    private var weekCap: [Int32] = []

    /// Builds every worker's options.
    /// - Parameters:
    ///   - allowed: per request, whether a schedule may take it.
    init(_ p: Problem, nD: Int, _ lookup: SlotCandidates, allowed: [Bool]) {
        self.p = p
        self.nD = nD
        linked = (0..<nD).map { p.follows[$0] }
        newWeek = (0..<nD).map { d in d == 0 || p.dayWeek[d] != p.dayWeek[d - 1] }
        let nK = p.weeks.count
        for w in 0..<p.nW {
            for d in 0..<nD {
                let s = w * nD + d
                let pin = p.pinnedOn[s]
                if pin >= 0 {
                    optReq.append(pin)
                    optCand.append(-1)
                    optValue.append(0)
                    optLinkable.append(true)
                } else {
                    for i in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                        let r = Int(lookup.req[i])
                        guard allowed[r] else { continue }
                        let c = Int(lookup.cand[i])
                        let history = p.candHistory[c] != 0
                        optReq.append(Int32(r))
                        optCand.append(Int32(c))
                        optValue.append(Double(-p.candCost[c] + (history ? p.continuity : 0)))
                        optLinkable.append(!history)
                    }
                }
                optStart.append(Int32(optReq.count))
            }
            var daysWithOptions = [Int32](repeating: 0, count: nK)
            for d in 0..<nD where p.pinnedOn[w * nD + d] < 0 && optStart[w * nD + d + 1] > optStart[w * nD + d] {
                daysWithOptions[Int(p.dayWeek[d])] += 1
            }
            for k in 0..<nK {
                let cap = max(0, p.capLeft[w * nK + k])
                weekCap.append(cap < daysWithOptions[k] ? cap : -1)
            }
        }
    }

    /// The number of options of every worker and day (a round's work is about this times the week's days).
    var optionCount: Int { optReq.count }

    /// The best schedule of worker w at prices `lambda` (per request): its value (prices included) and, per day, the
    /// option taken (-1: off), in `choice` (nD entries from `choice[0]`). Ties go to the earliest option, off first.
    /// - Parameters:
    ///   - forbidden: per request, true to leave it out of this schedule (a full request in a greedy build).
    /// - Returns: the value and the work done (transitions).
    func best(
        _ w: Int, lambda: [Double], forbidden: [Bool]? = nil, choice: inout [Int32]
    ) -> (value: Double, work: Int) {
        let nK = p.weeks.count
        let cont = Double(p.continuity)
        // Per day: states (local option o, 0 = off; used days u in the week), value and parent state index.
        var layerValue: [[Double]] = []
        var layerParent: [[Int32]] = []
        var layerWidth: [Int] = []
        var work = 0
        var prevValue: [Double] = [0]
        var prevWidth = 1
        var prevFirst = 0
        var prevCount = 0
        for d in 0..<nD {
            let s = w * nD + d
            let first = Int(optStart[s])
            let count = Int(optStart[s + 1]) - first
            let pinned = p.pinnedOn[s] >= 0
            let week = Int(p.dayWeek[d])
            let cap = Int(weekCap[w * nK + week])
            let width = cap >= 0 ? cap + 1 : 1
            var value = [Double](repeating: -.infinity, count: (count + 1) * width)
            var parent = [Int32](repeating: -1, count: (count + 1) * width)
            // The best previous state per days used (all of them at a week's start), and its index.
            let fresh = newWeek[d]
            var bestAny = [Double](repeating: -.infinity, count: width)
            var bestAt = [Int32](repeating: -1, count: width)
            for (i, v) in prevValue.enumerated() where v > -.infinity {
                let u = fresh ? 0 : i % prevWidth
                if u < width && v > bestAny[u] {
                    bestAny[u] = v
                    bestAt[u] = Int32(i)
                }
            }
            work += prevValue.count + (count + 1) * width
            // Off (not on a pinned day): the days used stay.
            if !pinned {
                for u in 0..<width where bestAny[u] > -.infinity {
                    value[u] = bestAny[u]
                    parent[u] = bestAt[u]
                }
            }
            for k in 0..<count {
                let o = first + k
                let r = Int(optReq[o])
                if let forbidden, forbidden[r] && !pinned { continue }
                let own = optValue[o] - (pinned ? 0 : lambda[r])
                let inc = pinned || cap < 0 ? 0 : 1
                let job = p.reqJob[r]
                // At a week's start the days used restart: only u == inc, from any previous state.
                for u in (fresh ? inc..<min(inc + 1, width) : inc..<width) {
                    let from = fresh ? 0 : u - inc
                    var v = bestAny[from]
                    var at = bestAt[from]
                    // A link: the same job on the previous calendar day (not pin to pin).
                    if linked[d] && optLinkable[o] {
                        for j in 0..<prevCount {
                            let q = prevFirst + j
                            guard p.reqJob[Int(optReq[q])] == job, !(pinned && optCand[q] < 0) else { continue }
                            for pu in (fresh ? 0..<prevWidth : from..<from + 1) {
                                let i = (j + 1) * prevWidth + pu
                                let lv = prevValue[i] + cont
                                if prevValue[i] > -.infinity && lv > v {
                                    v = lv
                                    at = Int32(i)
                                }
                            }
                        }
                    }
                    guard v > -.infinity else { continue }
                    let i = (k + 1) * width + u
                    value[i] = v + own
                    parent[i] = at
                }
            }
            layerValue.append(value)
            layerParent.append(parent)
            layerWidth.append(width)
            prevValue = value
            prevWidth = width
            prevFirst = first
            prevCount = count
        }
        var at = -1
        var top = -Double.infinity
        for (i, v) in prevValue.enumerated() where v > top {
            top = v
            at = i
        }
        if at < 0 {
            for d in 0..<nD { choice[d] = -1 }
            return (-.infinity, work)
        }
        for d in stride(from: nD - 1, through: 0, by: -1) {
            let k = at / layerWidth[d]
            choice[d] = k == 0 ? -1 : optStart[w * nD + d] + Int32(k - 1)
            at = Int(layerParent[d][at])
        }
        return (top, work)
    }

    /// The value of a given schedule of worker w (per day a request or -1, pins included) by the same terms as `best`,
    /// at prices `lambda` (pins carry none). Nil when a day's request is not among w's options.
    func value(_ w: Int, _ requests: ArraySlice<Int32>, lambda: [Double]) -> Double? {
        var total = 0.0
        var prevJob: Int32 = -1
        var prevPin = false
        for d in 0..<nD {
            let r = requests[requests.startIndex + d]
            defer {
                prevJob = r >= 0 ? p.reqJob[Int(r)] : -1
                prevPin = p.pinnedOn[w * nD + d] >= 0
            }
            guard r >= 0 else { continue }
            let s = w * nD + d
            guard let o = (Int(optStart[s])..<Int(optStart[s + 1])).first(where: { optReq[$0] == r }) else {
                return nil
            }
            let pinned = p.pinnedOn[s] >= 0
            total += optValue[o] - (pinned ? 0 : lambda[Int(r)])
            if linked[d] && optLinkable[o] && prevJob == p.reqJob[Int(r)] && !(pinned && prevPin) {
                total += Double(p.continuity)
            }
        }
        return total
    }
}
