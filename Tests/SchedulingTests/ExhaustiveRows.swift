import Vocabulary

@testable import Scheduling

/// The best valid plan of a tiny version 2 day by exhaustion: each worker takes one of its options (a set of request
/// ids, the empty set included), every combination is scored by `score`, and the best with no hard violation wins.
/// The options say what is enumerated; the scorer alone decides what is valid.
enum ExhaustiveRows {
    /// The best score over every choice of one option per worker that `admits` (every choice when not given); nil
    /// when no such choice is valid.
    static func best(
        _ instance: Instance, options: [[[String]]], admits: ([[String]]) -> Bool = { _ in true }
    ) -> Score? {
        var best: Score?
        var choice = [[String]](repeating: [], count: instance.workers.count)
        func visit(_ i: Int) {
            if i == instance.workers.count {
                guard admits(choice) else { return }
                var pairs: [Pair] = []
                for (w, rs) in choice.enumerated() {
                    for r in rs { pairs.append(Pair(request: r, worker: instance.workers[w].id)) }
                }
                let s = score(instance, assignments: pairs).score
                if s.hard == 0 && (best.map { s > $0 } ?? true) { best = s }
                return
            }
            for o in options[i] {
                choice[i] = o
                visit(i + 1)
            }
        }
        visit(0)
        return best
    }

    /// Every set of at most two of the instance's requests, for each worker.
    static func atMostTwo(_ instance: Instance) -> [[[String]]] {
        let ids = instance.requests.map(\.id)
        var sets: [[String]] = [[]]
        for (i, a) in ids.enumerated() {
            sets.append([a])
            for b in ids[(i + 1)...] { sets.append([a, b]) }
        }
        return Array(repeating: sets, count: instance.workers.count)
    }
}
