import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Rounds of link passes and seat re-deals (`SearchLinkPassRounds.swift`): they never lower a plan, give the same plan
/// twice, stop only where one of the two moves finds nothing more, and a second round never ends below the first.
@Suite struct SearchLinkPassRoundsTests {
    typealias Rotation = SearchSeatRotationTests

    /// The rounds never lower a plan, keep its medium at least and give the same plan twice.
    @Test(arguments: 1...30)
    func roundsNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.linkPassRounds(passWork: Int.max, redealWork: Int.max, maxRounds: 4)
        }
    }

    /// From the plans where the old search and the count re-deals stop (seeds 1-30 of six workers and four requests
    /// a date, continuity 30 and every priority 1), rounds without a limit end where a fresh call of the link passes
    /// or of the seat re-deals finds nothing (checked on copies), and two rounds end at least where one does. Some
    /// seed must improve, so the check cannot pass on plans where nothing moves.
    @Test func roundsStopWhereAMoveFindsNothing() {
        var improvedSeeds = 0
        var secondRoundGains = 0
        for seed in 1...30 {
            let instance = SearchLinkPassesTests.samePriority(seed, workers: 6, requestsPerDay: 4)
            let start = SearchLinkPassesTests.fixedPoint(instance)
            let before = score(instance, assignments: start.assignments()).score
            var rounds = start
            if rounds.linkPassRounds(passWork: Int.max, redealWork: Int.max, maxRounds: 50) { improvedSeeds += 1 }
            var passes = rounds
            var redeals = rounds
            let passImproves = passes.linkPassKicks(maxWork: Int.max)
            let redealImproves = redeals.seatRedeals(maxWork: Int.max)
            #expect(!passImproves || !redealImproves, "seed \(seed)")
            var one = start
            var two = start
            one.linkPassRounds(passWork: Int.max, redealWork: Int.max, maxRounds: 1)
            two.linkPassRounds(passWork: Int.max, redealWork: Int.max, maxRounds: 2)
            let s1 = score(instance, assignments: one.assignments()).score
            let s2 = score(instance, assignments: two.assignments()).score
            #expect(s1.hard == 0 && s2.hard == 0 && s1 >= before && s2 >= s1, "seed \(seed)")
            if s2 > s1 { secondRoundGains += 1 }
        }
        #expect(improvedSeeds > 0)
        print("link pass rounds: \(improvedSeeds) of 30 seeds improve, \(secondRoundGains) gain in a second round")
    }
}
