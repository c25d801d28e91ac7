import Testing

@testable import Scheduling

/// The check the version 2 plan moves' tests share: run a move twice from the same plan, and the plan it leaves is
/// valid, never lower, higher exactly when the move says it improved, kept as far as the move promises (`keeps`), and
/// the same both times.
enum MoveChecks {
    /// What a move promises to keep besides validity.
    enum Keeps {
        /// Nothing more: the plan may rise in medium or soft.
        case nothing
        /// The plan's medium never falls (it may rise).
        case mediumAtLeast
        /// The medium stays as it was.
        case medium
        /// The medium and every request's count on every date stay as they were.
        case mediumAndCounts
    }

    /// Runs `move` on `start` and on a copy of it; returns the first run's engine and its score.
    @discardableResult
    static func expectNeverLowers(
        _ instance: Instance, from start: GeneralEngine, seed: Int, keeps: Keeps,
        _ move: (inout GeneralEngine) -> Bool
    ) -> (engine: GeneralEngine, score: Score) {
        var engine = start
        var again = start
        let before = score(instance, assignments: start.assignments()).score
        let improved = move(&engine)
        _ = move(&again)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0, "seed \(seed)")
        switch keeps {
        case .nothing: break
        case .mediumAtLeast: #expect(after.medium >= before.medium, "seed \(seed)")
        case .medium, .mediumAndCounts: #expect(after.medium == before.medium, "seed \(seed)")
        }
        if keeps == .mediumAndCounts {
            #expect(
                SearchSeatRotationTests.counts(engine.assignments())
                    == SearchSeatRotationTests.counts(start.assignments()), "seed \(seed)")
        }
        #expect(improved ? after > before : after == before, "seed \(seed)")
        #expect(engine.assignments() == again.assignments(), "seed \(seed)")
        return (engine, after)
    }

    /// The workers free to be dealt again on date d, recounted here rather than by `isDealFree`: no pins, at most
    /// `maxJobs` jobs, a candidate of the date, and an idle row only with a date of its week left.
    static func dealFreeWorkers(_ engine: GeneralEngine, _ d: Int, maxJobs: Int) -> [Int] {
        let nD = engine.nD
        let pinned = engine.pinnedWorkers()
        return (0..<engine.p.nW).filter { w in
            let key = w * nD + d
            let row = engine.jobs[key]
            guard !pinned[w], row.count <= maxJobs, !engine.rowCands[key].isEmpty else { return false }
            guard row.isEmpty else { return true }
            let usedOther = (0..<nD).filter {
                $0 != d && engine.p.dayWeek[$0] == engine.p.dayWeek[d] && !engine.jobs[w * nD + $0].isEmpty
            }.count
            return Int32(usedOther) < engine.datesLeft[w * engine.nK + Int(engine.p.dayWeek[d])]
        }
    }
}
