import ArgumentParser
import Operations
import Records
import Vocabulary

/// The options a `ContextCommand` builds its `CommandContext` from: `--database-url`, and for some
/// commands `--center` and `--date`.
protocol ContextOptions: ParsableArguments {
    /// `--database-url`.
    var database: DatabaseOptions { get }
    /// `--center`, for the options that have it.
    var center: String? { get }
    /// The command's day (`--date`), for the options that have it.
    var day: DateArgument? { get }
}

extension ContextOptions {
    var center: String? { nil }
    var day: DateArgument? { nil }
}

extension DatabaseOptions: ContextOptions {
    var database: DatabaseOptions { self }
}

/// `--database-url` and `--center CODE`: the center a command acts on, optional when the database holds
/// one center.
struct CenterOptions: ContextOptions {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The center's code, e.g. JC (optional when the database holds exactly one center).")
    var center: String?
}

/// `--date`, `--center` and `--database-url`, shared by every roster command.
struct RosterDayOptions: ContextOptions {
    @Option(
        name: .long,
        help: "The day: YYYY-MM-DD, today/tomorrow, 오늘/내일/모레, or 12/3 or 12월 3일 (the next such date; Asia/Seoul).")
    var date: DateArgument

    @Option(name: .long, help: "The center's code; optional when the database holds one center.")
    var center: String?

    @OptionGroup var database: DatabaseOptions

    var day: DateArgument? { date }
}
