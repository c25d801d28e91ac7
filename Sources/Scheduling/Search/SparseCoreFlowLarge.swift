import Foundation

extension SparseCoreFlow {
    /// The configuration for the first flow of a large day, or `nil` elsewhere: networks of one row per group (single
    /// days) with at least `largeArcs` arcs, the ones `forDay` leaves whole (the province day: 9.14M arcs). The
    /// county day (fewer arcs) keeps `forDay`.
    static func forLargeDay(_ net: FlowNetwork, deadline: Date?) -> SparseCoreFlow? {
        guard net.nRows > 0, net.nGroups == net.nRows, net.arcReq.count >= largeArcs else { return nil }
        return largeDay(net, deadline: deadline)
    }

    /// The large day's rule on any network (tests run it on small ones): a core of 64 arcs a row (by profit) and 4 a
    /// capacity unit, solved from the greedy start down to ε ≤ 32 value units only (`firstStopUnits`: on the province
    /// day its first refinement), then the whole network warm from that flow and its priced prices at the next ε
    /// (`maxRounds` 1): the whole network's refinements below that ε run as in a cold solve (heuristic and per-row
    /// fixing, the check), and only the first refinement over every arc is replaced by one over the core. Measured
    /// (docs/solver.md, prov25).
    static func largeDay(_ net: FlowNetwork, deadline: Date?) -> SparseCoreFlow {
        var sparse = SparseCoreFlow(net, deadline: deadline, rowArcs: 64, reqFactor: 4)
        sparse.byProfit = true
        sparse.maxRounds = 1
        sparse.firstStopUnits = 32
        return sparse
    }
}
