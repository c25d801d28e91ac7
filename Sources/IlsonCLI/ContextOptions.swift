import ArgumentParser
import Operations
import Records
import Texts
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

    @Option(help: ArgumentHelp(T(.optCenter)))
    var center: String?
}

/// `--date`, `--center` and `--database-url`, shared by every roster command.
struct RosterDayOptions: ContextOptions {
    @Option(
        name: .long,
        help: ArgumentHelp(T(.optDay)))
    var date: DateArgument

    @Option(name: .long, help: ArgumentHelp(T(.optDayCenter)))
    var center: String?

    @OptionGroup var database: DatabaseOptions

    var day: DateArgument? { date }
}
