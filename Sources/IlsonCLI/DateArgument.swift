import ArgumentParser
import Operations
import Records
import Vocabulary

/// `--date`: a day as a person types it: `YYYY-MM-DD`, `today`, `tomorrow`, `오늘` or `내일`.
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
}

/// `--dates`: a day or an inclusive range `D1..D2` of days as `DateArgument` reads them.
struct DateRangeArgument: ExpressibleByArgument, Sendable, Hashable {
    /// The text as typed.
    var text: String

    init(argument: String) { text = argument }

    var defaultValueDescription: String { text }
}
