import Foundation
import Testing

@testable import IlsonCLI

@Suite struct GenerateCommandTests {
    @Test(arguments: [
        ["generate", "--workers", "10", "--requests", "3", "--flavor", "spicy"],
        ["generate", "--workers", "10", "--requests", "3", "--start", "2026-02-30"],
        ["generate", "--workers", "0", "--requests", "3"],
        ["generate", "--workers", "10", "--requests", "-1"],
        ["generate", "--workers", "10", "--requests", "3", "--days", "0"],
        ["generate", "--workers", "10", "--requests", "3", "--seed", "-4"],
        ["generate", "--requests", "3"],
    ])
    func badArgumentsExitTwo(_ arguments: [String]) {
        #expect(IlsonCommand.runMain(arguments) == 2)
    }

    @Test func writesAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ilson-generate-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let code = IlsonCommand.runMain([
            "generate", "--workers", "20", "--requests", "5", "--days", "2", "--seed", "3", "--flavor", "remote",
            "--start", "2026-12-30", "--out", file.path,
        ])
        #expect(code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["name"] as? String == "gen-remote-w20-r5-d2-s3")
        #expect((json["requests"] as? [Any])?.count == 10)
    }
}
