import Postgres
import Vocabulary

extension Day {
    /// The database's date for this day.
    public var pgDate: PGDate {
        let (year, month, day) = components
        return PGDate(year: year, month: month, day: day)
    }
    /// The day of a database date (the server only sends real dates).
    public init(_ date: PGDate) { self = Day(year: date.year, month: date.month, day: date.day)! }
}
