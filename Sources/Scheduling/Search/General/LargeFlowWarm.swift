import Foundation

/// The request side's prices of a solved large flow (`LargeRelaxation`), in value units: where the next flow of the
/// multi-day polish starts (`GeneralCostScaling.warmPrices`), since the requests, their vans and the sink are the same
/// nodes in every large flow while the rows change with the plan.
struct LargeRequestPrices {
    /// Per request: its node's price (nil: no node in that flow).
    var request: [Int64?]
    /// Per request: its van node's price (nil: none).
    var van: [Int64?]
    var sink: Int64

    /// The prices of `flow`'s request side, or nil when it did not finish or does not say its nodes.
    init?(_ flow: LargeRelaxation) {
        guard flow.complete, flow.sinkNode >= 0, flow.prices.count > flow.sinkNode else { return nil }
        let scale = Int64(flow.prices.count + 1)
        let at = { (node: Int32) -> Int64? in node >= 0 ? flow.prices[Int(node)] / scale : nil }
        request = flow.requestNodes.map(at)
        van = flow.vanNodes.map(at)
        sink = flow.prices[flow.sinkNode] / scale
    }

    /// The known prices of a flow with `nodes` nodes whose request side is `request`, `van` and `sink` (the others nil).
    func known(nodes: Int, request reqNode: [Int32], van vanNode: [Int32], sink: Int) -> [Int64?] {
        var known = [Int64?](repeating: nil, count: nodes)
        for r in reqNode.indices where r < request.count {
            if reqNode[r] >= 0, let q = request[r] { known[Int(reqNode[r])] = q }
            if vanNode[r] >= 0, let v = van[r] { known[Int(vanNode[r])] = v }
        }
        known[sink] = self.sink
        return known
    }
}

extension GeneralEngine {
    /// The first ε (value units) of a flow of the multi-day polish started from the last flow's request prices. On the
    /// county week v2 (flow work after the root, medium): cold 927M, 18306; ε = 1: 416M, 18305; 4: 453M, 18309;
    /// 16: 487M, 18306; 64: 554M, 18307.
    static let largePolishWarmEpsilon: Int64 = 4

    /// A warm start for `g` (request side `request`, `van`, `sink`) from `prices`, or nil (cold) when there are none.
    func polishWarmStart(
        _ g: GeneralCostScaling, from prices: LargeRequestPrices?, request: [Int32], van: [Int32], sink: Int
    ) -> GeneralCostScaling.WarmStart? {
        guard let prices,
            let start = g.warmPrices(known: prices.known(nodes: g.nodes, request: request, van: van, sink: sink))
        else { return nil }
        return GeneralCostScaling.WarmStart(prices: start, epsilon: GeneralEngine.largePolishWarmEpsilon)
    }
}
