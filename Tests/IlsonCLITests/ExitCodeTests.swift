import ArgumentParser
import Testing

@testable import IlsonCLI

@Suite struct ExitCodeTests {
    @Test func unknownOptionIsBadInputNot64() {
        #expect(IlsonCommand.runMain(["solve", "--no-such-flag"]) == 2)
    }

    @Test func helpExitsZero() {
        #expect(IlsonCommand.runMain(["--help"]) == 0)
    }

    /// Every command's options parse together (no two groups claim one name): each `--help` exits 0.
    @Test func everyCommandsHelpExitsZero() {
        func paths(_ command: any ParsableCommand.Type, _ prefix: [String]) -> [[String]] {
            let name = command.configuration.commandName ?? command._commandName
            let path = prefix + [name]
            let children = command.configuration.subcommands
            return children.isEmpty ? [path] : children.flatMap { paths($0, path) }
        }
        let all = IlsonCommand.configuration.subcommands.flatMap { paths($0, []) }
        #expect(all.count > 40)
        for path in all {
            #expect(IlsonCommand.runMain(path + ["--help"]) == 0, "\(path.joined(separator: " "))")
        }
    }
}
