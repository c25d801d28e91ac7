import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Polish completions that start where the day's completion before ended (`SearchDayCompletions.swift`): the requests
/// that completion forced to their minimum or closed are forced or closed from the first flow on, so the flow that
/// finds them again is not run again.
@Suite struct SearchDayCompletionsTests {
    typealias Week = SearchMultiDayStructuresTests

    /// One day's single rows emptied and completed by `polishDayMove` from the prices of a completion before, once
    /// without the sets that completion kept and once with them: where it kept a flow that forced or closed a request,
    /// the completion with the sets reaches at least the same day's value (the same on every day but seed 29's first,
    /// where the forced flow's repair is another tie and worth 50 more) with less flow work (the flow that finds them
    /// is not run again); elsewhere it is the same completion. Seeds 1-40 of four workers and three
    /// requests a date (two dates each); at least one day must force something, or the test shows nothing.
    @Test func theStartSavesTheFlowThatForces() {
        var saved = 0
        for seed in 1...40 {
            let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
            let engine = Week.singlesOnly(instance)
            for d in 0..<2 {
                var empty = engine
                for w in 0..<instance.workers.count where empty.jobs[w * 2 + d].count <= 1 {
                    empty.jobs[w * 2 + d] = []
                }
                // A completion before, for the start: its first flow's prices, and the sets it kept.
                var before = empty
                var learned = DayCompletionStart()
                before.polishDayMove(d, start: &learned)
                // The same prices, without and with the sets.
                var first = empty
                var start = DayCompletionStart(prices: learned.prices)
                first.polishDayMove(d, start: &start)
                let firstWork = first.stats.flowWork - empty.stats.flowWork
                var second = empty
                var again = learned
                second.polishDayMove(d, start: &again)
                let secondWork = second.stats.flowWork - empty.stats.flowWork
                #expect(second.dayValid(d), "seed \(seed) day \(d)")
                #expect(second.dayPlanValue(d) >= first.dayPlanValue(d), "seed \(seed) day \(d)")
                if learned.forced.isEmpty && learned.closed.isEmpty {
                    #expect(secondWork <= firstWork, "seed \(seed) day \(d)")
                } else {
                    #expect(secondWork < firstWork, "seed \(seed) day \(d)")
                    saved += 1
                }
            }
        }
        #expect(saved > 0)
    }

    /// The completion from a start gives the same plan twice (the start's prices and sets decide it).
    @Test(arguments: 1...20)
    func theCompletionIsDeterministic(seed: Int) {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        var engine = Week.singlesOnly(instance)
        for w in 0..<instance.workers.count where engine.jobs[w * 2].count <= 1 { engine.jobs[w * 2] = [] }
        var a = engine
        var b = engine
        var sa = DayCompletionStart()
        var sb = DayCompletionStart()
        a.polishDayMove(0, start: &sa)
        b.polishDayMove(0, start: &sb)
        a.polishDayMove(0, start: &sa)
        b.polishDayMove(0, start: &sb)
        #expect(a.jobs == b.jobs, "seed \(seed)")
        #expect(sa.forced == sb.forced && sa.closed == sb.closed, "seed \(seed)")
    }
}
