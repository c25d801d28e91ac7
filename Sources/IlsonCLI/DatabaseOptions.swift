import ArgumentParser
import Operations
import Records
import Texts
import Vocabulary

/// `--database-url`, shared by every command that talks to the database (`CommandContext.connect` uses it).
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(T(.optDatabaseURL), discussion: T(.optDatabaseURLMore)))
    var databaseURL: String?
}
