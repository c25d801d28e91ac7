/// The soft cost of one assignment before continuity: `round(10 × km) + fairness × recentDaysWorked`.
public func assignmentCost(distanceKm d: Double, _ worker: Worker, _ weights: Weights) -> Int {
    Distance.cost(d) + weights.fairness * worker.recentDaysWorked
}
