import Vocabulary

@testable import Scheduling

/// Options enumerated one date at a time, for the exhaustive optima of small days and weeks.
extension ExhaustiveRows {
    /// For each worker, every choice of, on each date of the requests, nothing or a set of at most `atMost(worker)`
    /// (1 or 2) of that date's requests, among its candidates only when `candidatesOnly`.
    static func setsByDate(
        _ instance: Instance, atMost: (Worker) -> Int, candidatesOnly: Bool = true
    ) -> [[[String]]] {
        let p = Problem(instance)
        let dates = Set(instance.requests.map(\.date)).sorted()
        return instance.workers.map { W in
            var o: [[String]] = [[]]
            for date in dates {
                let mine = instance.requests.filter {
                    $0.date == date && (!candidatesOnly || SearchSingleRowsTests.cand(p, $0.id, W.id) != nil)
                }.map(\.id)
                var day: [[String]] = [[]]
                for (i, a) in mine.enumerated() {
                    day.append([a])
                    guard atMost(W) >= 2 else { continue }
                    for b in mine[(i + 1)...] { day.append([a, b]) }
                }
                o = o.flatMap { prefix in day.map { prefix + $0 } }
            }
            return o
        }
    }

    /// The best valid plan by exhaustion over every date: each worker takes, on each date, nothing or a set of at
    /// most `maxJobsPerDay` (≤ 2) of that date's requests it is a candidate for; the scorer decides what is valid.
    static func bestByDate(_ instance: Instance) -> Score? {
        best(instance, options: setsByDate(instance, atMost: \.maxJobsPerDay))
    }
}
