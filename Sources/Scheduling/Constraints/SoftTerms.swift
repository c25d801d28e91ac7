/// The soft cost of one assignment before continuity: `round(10 × km) + fairness × recentDaysWorked`.
public func assignmentCost(distanceKm d: Double, recentDaysWorked: Int, _ weights: Weights) -> Int {
    Distance.cost(d) + weights.fairness * recentDaysWorked
}
