import Foundation

/// What the large path's dives hold fixed: rows held to one job, and candidates taken out of their row.
struct LargeDiveHolds {
    /// Rows (`w * nD + d`) held to one job.
    var single = Set<Int32>()
    /// Candidates taken out (each is one worker on one request, so out of one row).
    var forbidden: [Bool]

    init(candidates: Int) { forbidden = [Bool](repeating: false, count: candidates) }
}

extension GeneralEngine {
    /// Holds the rows of a relaxation whose jobs cannot all be worked to what its repair keeps (the best jobs by
    /// value that fit together), for the next dive:
    ///
    /// - when the kept job is at least as long as every job it drops (a full day kept, an afternoon dropped), the row
    ///   is held to one job, as the full day needs the whole row;
    /// - otherwise (an afternoon kept, a full day dropped) the row's jobs that do not fit beside the kept ones are
    ///   taken out of it, and the row may still add a job that fits (a morning beside the afternoon).
    ///
    /// Holding every such row to one job (the first dives) lost every row that could work a morning and an afternoon;
    /// taking out only the dropped job let the flow take another full day in its place, dive after dive.
    ///
    /// - Returns: whether anything new is held (else another dive would give the same flow).
    func holdDive(_ rows: [Int32: [Int32]], value: (Int) -> Int64, holds: inout LargeDiveHolds) -> Bool {
        var changed = false
        for key in rows.keys.sorted() where rows[key]!.count > 1 {
            let cs = rows[key]!.sorted { (value(Int($0)), $1) > (value(Int($1)), $0) }
            var kept: [Int32] = []
            for c in cs where fits(c, row: Int(key), kept) { kept.append(c) }
            guard kept.count < cs.count else { continue }
            let longest = kept.map { inst.requests[Int(candReq[Int($0)])].lengthMinutes }.max() ?? 0
            if cs.allSatisfy({ kept.contains($0) || inst.requests[Int(candReq[Int($0)])].lengthMinutes <= longest }) {
                if holds.single.insert(key).inserted { changed = true }
            } else {
                for c in rowCands[Int(key)] where !holds.forbidden[Int(c)] && !kept.contains(c) {
                    guard !fits(c, row: Int(key), kept) else { continue }
                    holds.forbidden[Int(c)] = true
                    changed = true
                }
            }
        }
        return changed
    }
}
