import ArgumentParser
import Testing

@testable import IlsonCLI

/// Every command names itself in its configuration. Without a name ArgumentParser derives one from the type through
/// `String(describing:)`, which costs a scan of the binary's protocol conformances per type: about 5 % of the
/// instructions of `ilson solve` on a county day went there, at every start of any command. (The names given are the
/// ones ArgumentParser derived: `ilson --experimental-dump-help` is byte for byte the same as before.)
@Suite struct CommandNamesTests {
    static func all(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { all($0) }
    }

    @Test func everyCommandNamesItself() {
        let commands = Self.all(IlsonCommand.self)
        #expect(commands.count > 90)
        for command in commands {
            #expect(command.configuration.commandName != nil, "\(command) has no commandName")
        }
        // Siblings keep distinct names.
        for command in commands {
            let names = command.configuration.subcommands.compactMap { $0.configuration.commandName }
            #expect(Set(names).count == names.count, "\(command)")
        }
    }
}
