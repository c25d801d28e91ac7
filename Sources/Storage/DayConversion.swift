import Postgres
import Scheduling

extension Day {
    /// The database's date for this day.
    public var pgDate: PGDate { PGDate(daysSinceEpoch: ordinal) }
    /// The day of a database date.
    public init(_ date: PGDate) { self.init(ordinal: date.daysSinceEpoch) }
}
