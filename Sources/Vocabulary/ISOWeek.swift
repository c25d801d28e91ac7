/// An ISO 8601 week: the key of the weekly cap (rule 8).
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var week: Int
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }
    /// `2026-W53`.
    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }
    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
