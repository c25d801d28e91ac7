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

    /// What the clock reads for `text`: `모레` and a date without its year (`12/3`, `12월 3일`, `12월3일`) become
    /// `YYYY-MM-DD` — the next such date on or after `today` (a 2월 29일 the next leap year's); anything else,
    /// and a month and day that is no date (`2/30`), is returned as typed, for the clock to read or refuse.
    static func normalized(_ text: String, today: Day) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "모레" || trimmed.lowercased() == "overmorrow" { return today.adding(days: 2).description }
        guard let (month, day) = monthAndDay(trimmed) else { return text }
        let year = today.components.year
        for y in year...(year + 8) {
            if let date = Day(year: y, month: month, day: day), date >= today { return date.description }
        }
        return text
    }

    /// `12/3`, `12월 3일`, `12월3일` → (12, 3); nil for anything else.
    static func monthAndDay(_ text: String) -> (month: Int, day: Int)? {
        guard text.count <= 12 else { return nil }
        let parts: [Substring]
        if text.contains("/") {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
        } else if text.hasSuffix("일"), let m = text.firstIndex(of: "월") {
            parts = [text[..<m], text[text.index(after: m)..<text.index(before: text.endIndex)]]
        } else {
            return nil
        }
        let numbers = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        guard numbers.count == 2,
            numbers.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let month = Int(numbers[0]), let day = Int(numbers[1]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (month, day)
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
        return from + ".." + DateArgument.normalized(parts[1], today: start)
    }
}
