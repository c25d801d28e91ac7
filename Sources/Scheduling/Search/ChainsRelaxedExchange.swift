import Foundation

/// Schedule exchanges with the window's edges relaxed, then the plan repaired by the exact day descent: a two-step
/// move for multi-day instances (session "chains7").
///
/// The exact exchange of a window's schedules (`exchangeSchedules`) values every link to the fixed days beside the
/// window (a − 1 and b + 1) as the plan has them, so a trade of schedules that pays only once the days beside it are
/// rebuilt around it is never taken; and the exact day re-solves see the window as it is. Here the exchange values
/// those links at 0 (the window's schedules are traded on their own terms), is applied, and the exact day descent
/// (`dayDescent`) rebuilds the other days around it; the result is kept when the plan's objective rose, else undone.
/// A window whose move failed is tried again only when one of the days it reads (a − 1 ... b + 1) has changed since.
///
/// It runs on what the other phases left of the budget (the continuity chains' allowance), before the continuity
/// chains: above about 5,000 candidate pairs the chains get no round from it, and the relaxed exchange is the move
/// measured to gain most per unit there (`docs/solver.md`, "chains7"). A repair is a whole day descent (0.6-2.7M
/// units on 150 workers and 4-5 days), so on the leftover it gets one to a few windows.
extension Engine {
    /// The relaxed exchanges on the continuity chains' allowance (see the extension comment).
    mutating func relaxedExchanges() {
        guard nD > 1, p.continuity > 0 else { return }
        let outer = phase
        phase = .chains
        defer { phase = outer }
        relaxedExchangeDescent(exchangeWindows(), SlotCandidates(p, nD: nD))
    }

    /// The relaxed exchanges over `windows` (those with a calendar day beside them), at most `maxRounds` rounds while
    /// one improves and the current phase's share lasts; each link to a fixed day beside the window is worth `edge`.
    /// Charged to the current phase. Returns true when the plan rose.
    @discardableResult
    mutating func relaxedExchangeDescent(
        _ windows: [(Int, Int)], _ lookup: SlotCandidates, edge: Int64 = 0, maxRounds: Int = 6
    ) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        // Per day, a counter bumped whenever its assignments change; per window, the counters when its move failed.
        var version = [Int](repeating: 0, count: nD)
        var failed = [[Int]?](repeating: nil, count: windows.count)
        var any = false
        var round = 0
        var improved = true
        while improved && round < maxRounds && workLeft > 0 && !outOfTime() {
            improved = false
            round += 1
            for (i, (a, b)) in windows.enumerated() {
                if workLeft <= 0 || outOfTime() { break }
                let left = p.follows[a]
                let right = p.followed(b)
                guard left || right else { continue }
                let seen = Array(version[(left ? a - 1 : a)...(right ? b + 1 : b)])
                if failed[i] == seen { continue }
                let start = trueValue()
                let saved = (assign, assignCand)
                var kept = false
                if exchangeSchedules(from: a, to: b, lookup, edge: edge) {
                    dayDescent()
                    kept = trueValue() > start
                }
                if kept {
                    improved = true
                    any = true
                    stats.moves += 1
                    for d in 0..<nD where dayChanged(d, from: saved.0, saved.1) { version[d] += 1 }
                } else {
                    (assign, assignCand) = saved
                    failed[i] = seen
                }
            }
        }
        return any
    }

    /// True when day d's assignments differ from `oldAssign` / `oldCand`.
    func dayChanged(_ d: Int, from oldAssign: [Int32], _ oldCand: [Int32]) -> Bool {
        for w in 0..<p.nW
        where assign[w * nD + d] != oldAssign[w * nD + d] || assignCand[w * nD + d] != oldCand[w * nD + d] {
            return true
        }
        return false
    }
}
