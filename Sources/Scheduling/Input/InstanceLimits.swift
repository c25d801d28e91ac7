/// The limits ilson puts on values the problem format allows without bound (`spec/problem-format.md` takes any
/// integer ≥ 0): what a plan's score and the solver's arithmetic can represent in 64-bit integers.
///
/// Caps above what an instance can reach are no caps (they are read as given and never rejected): a `headcount`
/// above the number of workers, a `maxDaysPerWeek` above 7, a `maxTravelKm` above the longest great-circle distance
/// (about 20,015 km). Only the soft terms have a limit that can make an instance an input error.
public enum InstanceLimits {
    /// The largest soft term of one assignment: `weights.fairness × recentDaysWorked` of every worker, and
    /// `weights.continuity`. The solver values a slot above every soft difference of the whole plan
    /// (`slots × (largest pair cost + 4 × continuity)`, times the priority, summed over slots), which must stay
    /// within 64 bits for a province of tens of thousands of slots; 1,000,000 is 6,000 times the largest realistic
    /// term (fairness 5 × 30 days).
    public static let softTerm = 1_000_000

    /// The longest great-circle distance on the spec's sphere (π × 6371 km), rounded up: a travel cap at or above it
    /// reaches everywhere.
    public static let reachEverywhereKm = 20_016.0

    /// The most days of one ISO week a worker can be assigned: a `maxDaysPerWeek` above it binds nothing.
    public static let daysPerWeek = 7
}
