/// Rule 5 of version 2: a worker's jobs of one date.

/// Minutes needed between two jobs at farms `d` km apart: `ceil(60 × d / speedKmh)`, the ceiling of the exact real
/// quotient of the two doubles (no rounding in between: a quotient just above an integer is never rounded onto it).
public func transferMinutes(distanceKm d: Double, speedKmh: Double) -> Int {
    guard d > 0 else { return 0 }
    let q = (60 * d / speedKmh).rounded(.up)
    guard q.isFinite, q < 1e9 else { return Int.max / 4 }
    var c = Int(q)
    // The exact test 60·d <= c·speed, on error-free products.
    while c > 0 && exactProductAtMost(60, d, Double(c - 1), speedKmh) { c -= 1 }
    while !exactProductAtMost(60, d, Double(c), speedKmh) { c += 1 }
    return c
}

/// Whether `a × b <= c × e` for the exact real products (each product is split into its rounded value and its exact
/// error with a fused multiply-add; rounding is monotonic, so differing rounded values decide).
func exactProductAtMost(_ a: Double, _ b: Double, _ c: Double, _ e: Double) -> Bool {
    let p1 = a * b
    let p2 = c * e
    if p1 != p2 { return p1 < p2 }
    let e1 = fmaError(a, b, p1)
    let e2 = fmaError(c, e, p2)
    return e1 <= e2
}

@inline(__always)
func fmaError(_ a: Double, _ b: Double, _ p: Double) -> Double {
    // a·b − p exactly: fma(a, b, −p).
    (-p).addingProduct(a, b)
}

/// One broken part of rule 5 on one worker's date.
public struct DayProblem: Sendable, Hashable {
    /// `two-assignments-same-date`, `too-many-jobs-per-day`, `transfer-time` or `minutes-per-day` (the scorer's kinds).
    public var kind: String
    public var detail: String
}

/// Rule 5 for one worker on one date holding `jobs` (in plan order, with their farms' locations): at most
/// `maxJobsPerDay` jobs; between any two, `b.start − a.end >= transfer(a, b)`; the summed lengths within
/// `maxMinutesPerDay`. One entry per broken part, in that order; empty when the day is valid.
public func dayProblems(
    _ worker: Worker, _ jobs: [(request: LaborRequest, farm: GeoPoint)], speedKmh: Double
) -> [DayProblem] {
    var out: [DayProblem] = []
    let n = jobs.count
    guard n > 0 else { return out }
    let date = jobs[0].request.date
    let cap = worker.maxJobsPerDay
    if n > cap {
        let ids = jobs.map(\.request.id).joined(separator: ", ")
        if cap == 1 {
            out.append(
                DayProblem(kind: "two-assignments-same-date", detail: "worker has \(n) assignments on \(date): \(ids)"))
        } else {
            out.append(
                DayProblem(
                    kind: "too-many-jobs-per-day",
                    detail: "worker has \(n) assignments on \(date): \(ids), above maxJobsPerDay \(cap)"))
        }
    }
    let sorted = jobs.sorted {
        ($0.request.startMinute, $0.request.endMinute, $0.request.id)
            < ($1.request.startMinute, $1.request.endMinute, $1.request.id)
    }
    var clashes: [String] = []
    for i in 0..<n {
        let a = sorted[i]
        for j in (i + 1)..<max(i + 1, n) {
            let b = sorted[j]
            let t = transfer(a.request, a.farm, b.request, b.farm, speedKmh: speedKmh)
            let gap = b.request.startMinute - a.request.endMinute
            if gap < t {
                clashes.append(
                    "\(a.request.id) (\(clockText(a.request.startMinute))-\(clockText(a.request.endMinute))) then \(b.request.id) (\(clockText(b.request.startMinute))-\(clockText(b.request.endMinute))): \(gap) min between them, transfer needs \(t)"
                )
            }
        }
    }
    if !clashes.isEmpty { out.append(DayProblem(kind: "transfer-time", detail: clashes.joined(separator: "; "))) }
    if let mcap = worker.maxMinutesPerDay {
        let total = jobs.reduce(0) { $0 + $1.request.lengthMinutes }
        if total > mcap {
            out.append(
                DayProblem(
                    kind: "minutes-per-day",
                    detail: "jobs on \(date) last \(total) min in all, above maxMinutesPerDay \(mcap)"))
        }
    }
    return out
}

/// The transfer between two jobs: 0 at the same farm, else `transferMinutes` of the farms' distance.
@inline(__always)
func transfer(_ a: LaborRequest, _ fa: GeoPoint, _ b: LaborRequest, _ fb: GeoPoint, speedKmh: Double) -> Int {
    if a.farm == b.farm { return 0 }
    return transferMinutes(distanceKm: Distance.km(fa, fb), speedKmh: speedKmh)
}

/// Whether two jobs of one worker's date can both be worked: `b.start − a.end >= transfer` for the earlier `a`
/// (the order of `dayProblems`: by start, then end, then id).
public func compatible(
    _ a: LaborRequest, _ fa: GeoPoint, _ b: LaborRequest, _ fb: GeoPoint, speedKmh: Double
) -> Bool {
    let aFirst =
        (a.startMinute, a.endMinute, a.id) < (b.startMinute, b.endMinute, b.id)
    let (x, fx, y, fy) = aFirst ? (a, fa, b, fb) : (b, fb, a, fa)
    return fitInOrder(
        end: x.endMinute, thenStart: y.startMinute, sameFarm: x.farm == y.farm, fx, fy, speedKmh: speedKmh)
}

/// `compatible` on the jobs' fields, the earlier job first: its end, the later job's start, whether both are at one
/// farm, and the two farms' locations (the general engine's row scans read these from index arrays).
@inline(__always)
func fitInOrder(end: Int, thenStart: Int, sameFarm: Bool, _ fx: GeoPoint, _ fy: GeoPoint, speedKmh: Double) -> Bool {
    let gap = thenStart - end
    // Overlapping jobs never fit (a transfer is never negative): no distance to compute.
    if gap < 0 { return false }
    if sameFarm { return true }
    return gap >= transferMinutes(distanceKm: Distance.km(fx, fy), speedKmh: speedKmh)
}
