import Foundation
import Testing

@testable import Scheduling

/// Warm polish completions of a day among several (`polishDaySingles(warm:)`, `SearchMultiDayPolish.swift`): each
/// completion of the structure search starts from the request prices of the day's completion before it. Cost scaling
/// is exact from any start, so a warm flow must reach the cold flow's value; the point is the work it saves.
@Suite struct SearchWarmCompletionTests {
    typealias Warm = LargeFlowWarmTests

    /// The engine of `LargeFlowWarmTests.week(seed:)` (40 workers, 24 requests a date, 3 dates, every second worker
    /// may take two jobs) with the large path's repaired root plan installed.
    static func engine(seed: UInt64) throws -> GeneralEngine {
        let s = try Warm.start(seed: seed)
        var engine = s.engine
        engine.install(s.plan, days: Array(0..<engine.nD))
        return engine
    }

    /// Another structure of day `d`: its first row holding two jobs keeps only the first (nil when there is none).
    static func otherStructure(_ engine: GeneralEngine, day d: Int) -> GeneralEngine? {
        var other = engine
        for w in 0..<engine.p.nW where engine.jobs[w * engine.nD + d].count >= 2 {
            other.jobs[w * engine.nD + d] = [engine.jobs[w * engine.nD + d][0]]
            return other
        }
        return nil
    }

    /// A day's polish flow of another structure, started from the request prices of the plan's structure's flow,
    /// reaches the cold flow's value exactly (also with requests forced to their minimum, as the later flows of a
    /// completion are); over the seeds the warm flows do less work than the cold ones.
    @Test func aWarmFlowOfAnotherStructureReachesTheColdValue() throws {
        var warmWork = 0
        var coldWork = 0
        var flows = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            var engine = try Self.engine(seed: seed)
            for d in 0..<engine.nD {
                let before = engine
                let value: (Int) -> Int64 = { c in before.dayValue(c) }
                let (first, _) = engine.largePolishFlow(
                    fixing: engine.polishFixedRows(day: d).fixed, value: value, forced: [], closed: [])
                let prices = try #require(LargeRequestPrices(first))
                guard var other = Self.otherStructure(engine, day: d) else { continue }
                let fixed = other.polishFixedRows(day: d).fixed
                let forcedSets: [Set<Int32>] = [
                    [], Set((0..<other.p.nR).filter { other.p.reqMin[$0] > 1 }.map(Int32.init)),
                ]
                for forced in forcedSets {
                    let (cold, _) = other.largePolishFlow(fixing: fixed, value: value, forced: forced, closed: [])
                    let (warm, _) = other.largePolishFlow(
                        fixing: fixed, value: value, forced: forced, closed: [], warm: prices)
                    try #require(cold.complete && warm.complete)
                    #expect(warm.value == cold.value, "seed \(seed) day \(d) forced \(forced.count)")
                    warmWork += warm.work
                    coldWork += cold.work
                    flows += 1
                }
            }
        }
        #expect(flows >= 8)
        #expect(warmWork < coldWork, "warm \(warmWork) against cold \(coldWork) over \(flows) flows")
    }

    /// A whole warm completion (`polishDaySingles(warm:)` after a completion of the plan's structure) of another
    /// structure gives a valid day worth what the cold completion gives, for less flow work over the seeds.
    @Test func aWarmCompletionIsWorthTheColdOne() throws {
        var warmWork = 0
        var coldWork = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            let engine = try Self.engine(seed: seed)
            for d in 0..<engine.nD {
                var first = engine
                var prices: LargeRequestPrices?
                first.polishDaySingles(d, warm: &prices)
                guard prices != nil, let other = Self.otherStructure(engine, day: d) else { continue }
                var cold = other
                var warm = other
                let vCold = cold.polishDaySingles(d)
                let vWarm = warm.polishDaySingles(d, warm: &prices)
                #expect(warm.dayValid(d), "seed \(seed) day \(d)")
                #expect(vWarm == vCold, "seed \(seed) day \(d)")
                warmWork += warm.stats.flowWork - other.stats.flowWork
                coldWork += cold.stats.flowWork - other.stats.flowWork
            }
        }
        #expect(warmWork < coldWork, "warm \(warmWork) against cold \(coldWork)")
    }

    /// The structure search by day with warm polish completions (`searchDayStructures(polish: true)`) never lowers the
    /// plan of the 40-worker week, keeps it valid and gives the same plan twice.
    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func theWarmSearchNeverLowersAWeek(_ seed: UInt64) throws {
        let instance = Warm.week(seed: seed)
        var engine = try Self.engine(seed: seed)
        engine.enforceValidity()
        let before = score(instance, assignments: engine.assignments()).score
        var again = engine
        for d in 0..<engine.nD {
            _ = engine.searchDayStructures(d, maxWork: 5_000_000, perRound: 16, polish: true)
            _ = again.searchDayStructures(d, maxWork: 5_000_000, perRound: 16, polish: true)
        }
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0, "seed \(seed)")
        #expect(after >= before, "seed \(seed)")
        #expect(engine.assignments() == again.assignments(), "seed \(seed)")
    }
}
