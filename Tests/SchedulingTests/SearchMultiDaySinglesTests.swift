import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Single jobs across days (`SearchMultiDaySingles.swift`): on seeded two-day instances where a worker's weekly cap
/// of one date keeps every completion of the other date (the first date fixed) from giving it a job there, the move
/// across days gives up its job on one date for a job on the other; it never lowers a plan.
@Suite struct SearchMultiDaySinglesTests {
    typealias Week = SearchMultiDayStructuresTests

    /// The plan the move starts from: the search by day and the two-job rows across days, alternated until neither
    /// improves.
    static func start(_ instance: Instance) -> GeneralEngine {
        var engine = Week.singlesOnly(instance)
        for _ in 0..<8 {
            let a = engine.searchStructuresByDay(maxWork: Int.max, perRound: Int.max)
            let b = engine.structuresAcrossDays(maxWork: Int.max, perRound: Int.max)
            if !a && !b { break }
        }
        return engine
    }

    /// Seeds (four workers, three requests a date) where the move improves the plan of `start`, found by a scan of
    /// seeds 1-200 (69 of them; these are the first ten).
    static let singlesSeeds: [Int] = [1, 2, 8, 15, 17, 27, 34, 35, 40, 41]

    /// From the plan of the search by day and the two-job moves across days, the single-job move improves it.
    @Test(arguments: singlesSeeds)
    func theMoveImprovesWhereTheOthersStop(seed: Int) {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        var engine = Self.start(instance)
        let before = score(instance, assignments: engine.assignments()).score
        let improved = engine.singlesAcrossDays(maxWork: Int.max, perRound: Int.max)
        #expect(improved, "seed \(seed)")
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after > before && after.hard == 0, "seed \(seed)")
    }

    /// The move never lowers a plan, never breaks a rule, and gives the same plan twice: from the plan of the search
    /// by day on 40 seeds of four workers and three requests a date.
    @Test(arguments: 1...40)
    func theMoveNeverLowersAPlan(seed: Int) {
        let instance = Week.randomWeek(seed, workers: 4, requestsPerDay: 3)
        var engine = Week.singlesOnly(instance)
        for _ in 0..<8 where engine.searchStructuresByDay(maxWork: Int.max, perRound: Int.max) {}
        let before = score(instance, assignments: engine.assignments()).score
        var again = engine
        let improved = engine.singlesAcrossDays(maxWork: Int.max, perRound: Int.max)
        _ = again.singlesAcrossDays(maxWork: Int.max, perRound: Int.max)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0, "seed \(seed)")
        #expect(improved ? after > before : after == before, "seed \(seed)")
        #expect(engine.assignments() == again.assignments(), "seed \(seed)")
    }
}
