/// What the three day deals share (the seat re-deals, the pair deals and the count re-deals): which rows of a day
/// are free to be dealt again, and the flow's node layout.
extension GeneralEngine {
    /// Whether worker w's row on day d may be dealt again: no pins, at most two jobs and a candidate for some seat of
    /// the day; an idle row only when a date of its week is left. With `keepPairRiders`, a two-job row with a rider of
    /// a seat-limited van stays (the deal handles such pairs only when one half is kept).
    func isDealFree(_ w: Int, _ d: Int, _ pinned: [Bool], keepPairRiders: Bool) -> Bool {
        let key = w * nD + d
        let row = jobs[key]
        guard !pinned[w] && row.count <= 2 && !rowCands[key].isEmpty else { return false }
        if keepPairRiders && row.count == 2 {
            for c in row where p.candRide[Int(c)] != 0 && seatsLeft[Int(candReq[Int(c)])] != Int32.max {
                return false
            }
        }
        if row.isEmpty {
            var usedOther: Int32 = 0
            for e in 0..<nD where e != d && p.dayWeek[e] == p.dayWeek[d] && !jobs[w * nD + e].isEmpty {
                usedOther += 1
            }
            if usedOther >= datesLeft[w * nK + Int(p.dayWeek[d])] { return false }
        }
        return true
    }

    /// Free worker w's seat arcs in a day deal (its node `1 + i`, and the source's arc to it): one to each dealt
    /// request of day d whose candidate fits beside `kept`, through the request's van node for a rider, valued by
    /// `dayValue` without the priority; `record` gets each arc, its candidate and value. Returns the candidates looked
    /// at (for the work charge).
    func addSeatArcs(
        _ g: inout ResidualFlow, _ nodes: DayDealNodes, worker i: Int, _ w: Int, _ d: Int, kept: [Int32],
        _ record: (_ arc: Int, _ cand: Int32, _ value: Int64) -> Void
    ) -> Int {
        let key = w * nD + d
        g.add(0, 1 + i, cap: 1, cost: 0)
        var looked = 0
        for c in rowCands[key] where candOK[Int(c)] {
            let r = Int(candReq[Int(c)])
            looked += 1
            guard nodes.reqNode[r] >= 0, !kept.contains(c), fits(c, row: key, kept) else { continue }
            let v = dayValue(Int(c)) - p.reqPriority[r] * bigM
            let target = p.candRide[Int(c)] != 0 && nodes.vanNode[r] >= 0 ? nodes.vanNode[r] : nodes.reqNode[r]
            record(g.add(1 + i, target, cap: 1, cost: -v), c, v)
        }
        return looked
    }
}

/// A day deal's flow nodes: the source (0), the free workers (1...), a van node per request with a seat limit, a node
/// per request, `extra` nodes of the deal's own (pair units or pair types), then the sink; every arc runs from a lower
/// to a higher node.
struct DayDealNodes {
    /// The van node of each request with a seat limit among the dealt ones, else −1.
    var vanNode: [Int]
    /// The node of each dealt request, else −1.
    var reqNode: [Int]
    /// The first of the `extra` nodes.
    let extraBase: Int
    /// The sink, the last node.
    let sink: Int

    /// The layout for `workers` free workers, the dealt requests `reqs` (of `requestCount`), `seatsLeft` per request
    /// (`Int32.max`: no seat limit) and `extra` nodes.
    init(workers: Int, reqs: [Int], requestCount: Int, seatsLeft: [Int32], extra: Int) {
        vanNode = [Int](repeating: -1, count: requestCount)
        reqNode = [Int](repeating: -1, count: requestCount)
        var next = 1 + workers
        for r in reqs where seatsLeft[r] != Int32.max {
            vanNode[r] = next
            next += 1
        }
        for r in reqs {
            reqNode[r] = next
            next += 1
        }
        extraBase = next
        sink = next + extra
    }
}
