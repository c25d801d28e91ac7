import Foundation
import KoreanText
import Scheduling
import Texts
import Vocabulary

/// The one clock of `spec/cli.md`: everything that says "today", "tomorrow", "in the past" or
/// "this week" asks it. `ILSON_TODAY` (YYYY-MM-DD) overrides the real date in Asia/Seoul, so tests
/// and demos never rot as the calendar moves.
public struct IlsonClock: Sendable, Hashable {
    /// Today in Asia/Seoul (or the override).
    public var today: Day

    /// A clock whose today is fixed.
    public init(today: Day) { self.today = today }

    /// The clock from the environment: `ILSON_TODAY` when set, else the real date in Asia/Seoul.
    ///
    /// - Throws: `OperationError.badInput` when `ILSON_TODAY` is not a date.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(OperationError) -> IlsonClock
    {
        try current(override: environment["ILSON_TODAY"])
    }

    /// The clock with `override` (the value of `ILSON_TODAY`, wherever the caller found it) as today when
    /// set, else the real date in Asia/Seoul.
    ///
    /// - Throws: `OperationError.badInput` when `override` is not a date.
    public static func current(override text: String?) throws(OperationError) -> IlsonClock {
        if let text, !text.isEmpty {
            guard let day = Day(text) else {
                throw .badInput(T(.errIlsonToday, ["value": Excerpt.quoted(text)]))
            }
            return IlsonClock(today: day)
        }
        return IlsonClock(today: seoulDay(of: Date()))
    }

    /// Tomorrow in Asia/Seoul.
    public var tomorrow: Day { today.next }

    /// Parses a date a person typed: `YYYY-MM-DD`, `today` or `tomorrow` (Asia/Seoul), `오늘`/`내일`/`모레`, `12/3`
    /// or `12월 3일` (the next such date on or after `onOrAfter`, default today), `2026. 12. 3.` (`normalized`).
    ///
    /// - Throws: `OperationError.badInput` naming the text as typed.
    public func parse(_ text: String, field: String = "date", onOrAfter: Day? = nil) throws(OperationError) -> Day {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "today", "오늘": return today
        case "tomorrow", "내일": return tomorrow
        default:
            guard let day = Day(normalized(text, onOrAfter: onOrAfter).trimmingCharacters(in: .whitespaces)) else {
                throw .badInput(T(.errNotADate, ["field": field, "value": Excerpt.quoted(text)]))
            }
            return day
        }
    }

    /// Parses `D1..D2` (inclusive) or a single date, each side as `parse` reads it.
    public func parseRange(_ text: String, field: String = "dates") throws(OperationError) -> ClosedRange<Day> {
        let parts = text.components(separatedBy: "..")
        if parts.count == 1 {
            let d = try parse(parts[0], field: field)
            return d...d
        }
        guard parts.count == 2 else {
            throw .badInput(T(.errNotARange, ["field": field, "value": Excerpt.quoted(text)]))
        }
        let from = try parse(parts[0], field: field)
        // A year-less end before the start is in the start's following year (`12/24..1/2`).
        let to = try parse(parts[1], field: field, onOrAfter: from)
        guard from <= to else {
            throw .badInput(T(.errRangeBackwards, ["field": field, "value": Excerpt.quoted(text)]))
        }
        return from...to
    }

    /// The calendar day of an instant in Asia/Seoul (UTC+9, no daylight saving since 1988).
    public static func seoulDay(of date: Date) -> Day {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 9 * 3600
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
