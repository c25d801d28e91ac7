/// The soft cost of one assignment before continuity: `round(10 × travelKm) + fairness × recentDaysWorked`.
@inline(__always)
public func assignmentCost(distanceKm d: Double, recentDaysWorked: Int, _ weights: Weights) -> Int {
    Distance.cost(d) + weights.fairness * recentDaysWorked
}

/// The unweighted fair-share bonus of the k-th worker of a request of headcount h: `floor(100 × (h − k + 1) / h)`
/// (floor division, literally, even for k > h).
public func shareUnits(k: Int, headcount h: Int) -> Int {
    guard h > 0 else { return 0 }
    let (m, o1) = h.subtractingReportingOverflow(k - 1)
    let (n, o2) = o1 ? (0, true) : m.multipliedReportingOverflow(by: 100)
    if !o2 {
        let q = n / h
        return (n % h != 0 && n < 0) ? q - 1 : q
    }
    // Headcounts near 2^63 (input limits allow any integer): 100 × (h − k + 1) / h in 128 bits, k ≥ 1.
    let num = Int64(h).multipliedFullWidth(by: 100)
    let sub = Int64(k - 1).multipliedFullWidth(by: 100)
    // (100h − 100(k − 1)) as a 128-bit value, then divided by h (h > 0, the quotient fits: it is at most 100).
    let (lo, borrow) = num.low.subtractingReportingOverflow(sub.low)
    let hi = num.high - sub.high - (borrow ? 1 : 0)
    let (q, r) = Int64(h).dividingFullWidth((high: hi, low: lo))
    return Int(r < 0 ? q - 1 : q)
}

/// The unweighted fair-share bonus of n workers on a request of headcount h: `Σ_{k=1..n} shareUnits(k, h)`.
public func shareUnits(workers n: Int, headcount h: Int) -> Int {
    var s = 0
    if n >= 1 { for k in 1...n { s += shareUnits(k: k, headcount: h) } }
    return s
}
