import Testing

@testable import Scheduling

/// The local search's flat member lists (issue 18): after many moves, each request's members are exactly the
/// non-pinned workers assigned to it, every slot knows its position, and no request outgrows its room.
@Suite struct LocalSearchMembersTests {
    /// Checks `memberList`/`memberStart`/`memberPos`/`count` against `assign`.
    static func checkMembers(_ ls: LocalSearch, _ p: Problem) {
        let nD = ls.nD
        for r in 0..<p.nR {
            let base = Int(ls.memberStart[r])
            let n = Int(ls.count[r])
            #expect(base + n <= Int(ls.memberStart[r + 1]), "request \(r) outgrew its room")
            let d = Int(p.reqDay[r])
            let listed = (0..<n).map { Int(ls.memberList[base + $0]) }
            let assigned = (0..<p.nW).filter { ls.assign[$0 * nD + d] == Int32(r) && p.pinnedOn[$0 * nD + d] < 0 }
            #expect(listed.sorted() == assigned, "request \(r)")
            for (i, w) in listed.enumerated() { #expect(ls.memberPos[w * nD + d] == Int32(i)) }
        }
        for s in 0..<ls.assign.count where ls.assign[s] < 0 { #expect(ls.memberPos[s] == -1) }
    }

    @Test(arguments: [21, 22, 23] as [UInt64]) func membersFollowTheMoves(seed: UInt64) {
        let instance = LocalSearchLayoutTests.instance(seed: seed)
        let p = Problem(instance)
        let (assign, cand) = LocalSearchTests.state(p, [])
        var ls = LocalSearch(p, assign: assign, cand: cand, seed: seed)
        Self.checkMembers(ls, p)
        ls.temperature = 8
        ls.run(moves: 20_000, endOnBest: false)
        #expect(Array(ls.assign) != assign)
        Self.checkMembers(ls, p)
        // The state a fresh search builds from the end plan has the same members (as sets).
        let fresh = LocalSearch(p, assign: Array(ls.assign), cand: Array(ls.cand), seed: seed)
        Self.checkMembers(fresh, p)
        #expect(Array(fresh.count) == Array(ls.count))
    }
}
