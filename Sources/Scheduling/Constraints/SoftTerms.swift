/// The soft cost of one assignment before continuity: `round(10 × travelKm) + fairness × recentDaysWorked`.
public func assignmentCost(distanceKm d: Double, recentDaysWorked: Int, _ weights: Weights) -> Int {
    Distance.cost(d) + weights.fairness * recentDaysWorked
}

/// The unweighted fair-share bonus of the k-th worker of a request of headcount h: `floor(100 × (h − k + 1) / h)`
/// (floor division, literally, even for k > h).
@inline(__always)
public func shareUnits(k: Int, headcount h: Int) -> Int {
    let n = 100 * (h - k + 1)
    let q = n / h
    return (n % h != 0 && (n < 0) != (h < 0)) ? q - 1 : q
}

/// The unweighted fair-share bonus of n workers on a request of headcount h: `Σ_{k=1..n} shareUnits(k, h)`.
public func shareUnits(workers n: Int, headcount h: Int) -> Int {
    var s = 0
    if n >= 1 { for k in 1...n { s += shareUnits(k: k, headcount: h) } }
    return s
}
