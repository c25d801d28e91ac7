import ArgumentParser
import Foundation
import Operations
import Records
import Vocabulary

/// `--date`: a day as a person types it: `YYYY-MM-DD`, `today`, `tomorrow`, `오늘`, `내일`, `모레`, or a month
/// and day without the year, `12/3` or `12월 3일`, meaning the next such date (today included).
///
/// Kept as typed until the command's clock reads it (`CommandContext.day`): "today" depends on
/// `ILSON_TODAY`, which the configuration file may set, and a bad date gets the clock's message
/// (exit 2) rather than the parser's.
struct DateArgument: ExpressibleByArgument, Sendable, Hashable {
    /// The text as typed.
    var text: String

    init(argument: String) { text = argument }

    /// `tomorrow`, the default of the batch jobs.
    static let tomorrow = DateArgument(argument: "tomorrow")

    var defaultValueDescription: String { text }

    /// What the clock reads for `text` (`IlsonClock.normalized`): `모레`, a date without its year (`12/3`, `12월 3일`)
    /// or as Excel shows one (`2026. 12. 3.`) become `YYYY-MM-DD`; anything else is returned as typed.
    static func normalized(_ text: String, today: Day) -> String {
        IlsonClock(today: today).normalized(text)
    }
}

/// `--dates`: a day or an inclusive range `D1..D2` of days as `DateArgument` reads them.
struct DateRangeArgument: ExpressibleByArgument, Sendable, Hashable {
    /// The text as typed.
    var text: String

    init(argument: String) { text = argument }

    var defaultValueDescription: String { text }

    /// Each side of `D1..D2` as `DateArgument.normalized` reads it (`12/1..12/5`); a year-less end before the start
    /// is in the start's following year.
    static func normalized(_ text: String, today: Day) -> String {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { return DateArgument.normalized(text, today: today) }
        let from = DateArgument.normalized(parts[0], today: today)
        let start = Day(from) ?? today
        return from + ".." + IlsonClock(today: today).normalized(parts[1], onOrAfter: start)
    }
}
