import Testing

@testable import Scheduling

/// `score` keys pairs, dates and continuity by index (issue 18): on random multi-day plans with duplicates, unknown
/// ids, pins, history and weekly caps it must count what a plain string-keyed recount counts and, when `../shared`
/// is present, score as the shared scorer does. And `NodeHeap` (one owned buffer) pops in key order.
@Suite struct ScoreByIndexTests {
    /// A random instance over `days` days (one ISO week or two), with history rows and a pin.
    static func instance(_ seed: UInt64, days: Int) -> Instance {
        var i = Fixtures.random(seed: seed, workers: 30, requests: 14, days: days, pins: true)
        var g = SplitMix64(seed: seed ^ 0xA5)
        for _ in 0..<8 {
            let w = i.workers[Int(g.next() % UInt64(i.workers.count))].id
            let r = i.requests[Int(g.next() % UInt64(i.requests.count))]
            i.history.append(HistoryEntry(worker: w, job: r.job, date: Fixtures.day1.adding(days: -1)))
        }
        return i
    }

    /// Random rows: candidate-or-not pairs, repeats, unknown ids.
    static func rows(_ i: Instance, seed: UInt64) -> [Pair] {
        var g = SplitMix64(seed: seed)
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        var out: [Pair] = []
        for _ in 0..<(10 + int(40)) {
            switch int(10) {
            case 0 where !out.isEmpty: out.append(out[int(out.count)])
            case 1: out.append(Pair(request: "nope", worker: i.workers[int(i.workers.count)].id))
            case 2: out.append(Pair(request: i.requests[int(i.requests.count)].id, worker: "ghost"))
            default:
                out.append(
                    Pair(request: i.requests[int(i.requests.count)].id, worker: i.workers[int(i.workers.count)].id))
            }
        }
        return out
    }

    /// The continuity count and the malformed, rule 8 and rule 9 violations recounted with string keys, pair by pair.
    static func recount(_ i: Instance, _ rows: [Pair]) -> (continuity: Int, malformed: Int, weekly: Int, pins: Int) {
        let req = Dictionary(i.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wrk = Dictionary(i.workers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var clean: [Pair] = []
        var malformed = 0
        for a in rows {
            if req[a.request] == nil || wrk[a.worker] == nil || clean.contains(a) {
                malformed += 1
            } else {
                clean.append(a)
            }
        }
        var continuity = 0
        for a in clean {
            let r = req[a.request]!
            let inPlan = clean.contains { b in
                b.worker == a.worker && req[b.request]!.job == r.job
                    && req[b.request]!.date.ordinal == r.date.ordinal - 1
            }
            let inHistory = i.history.contains {
                $0.worker == a.worker && $0.job == r.job && $0.date.ordinal == r.date.ordinal - 1
            }
            if inPlan || inHistory { continuity += 1 }
        }
        var weekly = 0
        for w in i.workers {
            let dates = Set(clean.filter { $0.worker == w.id }.map { req[$0.request]!.date })
            for week in Set(dates.map(\.isoWeek)) {
                let n = dates.filter { $0.isoWeek == week }.count
                let worked = w.workedDates.filter { $0.isoWeek == week }.count
                if breaksWeeklyCap(w, datesInWeek: n, workedInWeek: worked) { weekly += 1 }
            }
        }
        let pins = i.pinned.filter { !clean.contains($0) }.count
        return (continuity, malformed, weekly, pins)
    }

    @Test(arguments: [1, 3, 9] as [Int]) func countsAsAStringKeyedRecount(days: Int) throws {
        for seed in 0..<UInt64(12) {
            let i = Self.instance(seed &+ UInt64(days) * 100, days: days)
            let rows = Self.rows(i, seed: seed)
            let report = score(i, assignments: rows)
            let want = Self.recount(i, rows)
            #expect(report.continuityBonus == i.weights.continuity * want.continuity)
            #expect(report.violations.filter { $0.rule == nil }.count == want.malformed)
            #expect(report.violations.filter { $0.rule == 8 }.count == want.weekly)
            #expect(report.violations.filter { $0.rule == 9 }.count == want.pins)
            #expect(report.assignments == rows.count - want.malformed)
            // Rule 8's violations in (worker, week) order, as before.
            let weekly = report.violations.filter { $0.rule == 8 }.map(\.worker!)
            let order = weekly.map { id in i.workers.firstIndex { $0.id == id }! }
            #expect(order == order.sorted())
            if Fixtures.shared != nil {
                let plan = Plan(instance: i.name, assignments: rows, score: report.score)
                let (_, shared) = try Fixtures.runScorer(i, plan: plan)
                #expect(shared == report.score)
            }
        }
    }

    @Test func nodeHeapPopsInKeyOrder() {
        var g = SplitMix64(seed: 7)
        var heap = NodeHeap()
        var reference: [(Int64, Int32)] = []
        // Interleaved pushes and pops past the first buffer's 64 entries, ties included, then a reuse after removeAll.
        for round in 0..<2 {
            for step in 0..<3000 {
                if g.next() % 3 != 0 || reference.isEmpty {
                    let key = Int64(g.next() % 200) - 50
                    let node = Int32(step)
                    heap.push(key, node)
                    reference.append((key, node))
                } else {
                    let (key, node) = heap.pop()!
                    let least = reference.map(\.0).min()!
                    #expect(key == least)
                    let at = reference.firstIndex { $0.0 == key && $0.1 == node }
                    #expect(at != nil)
                    if let at { reference.remove(at: at) }
                }
            }
            #expect(heap.count == reference.count)
            if round == 0 {
                heap.removeAll()
                reference.removeAll()
                #expect(heap.pop() == nil)
            }
        }
        var last = Int64.min
        while let (key, _) = heap.pop() {
            #expect(key >= last)
            last = key
        }
    }
}
