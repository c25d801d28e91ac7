import Testing

@testable import IlsonCLI

@Suite struct ExitCodeTests {
    @Test func unknownOptionIsBadInputNot64() {
        #expect(IlsonCommand.runMain(["solve", "--no-such-flag"]) == 2)
    }

    @Test func helpExitsZero() {
        #expect(IlsonCommand.runMain(["--help"]) == 0)
    }
}
