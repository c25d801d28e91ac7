import Foundation
import Testing

@testable import IlsonCLI

/// `ilson solve` and `ilson score` through `runMain`: exit codes, and no plan file on bad input.
@Suite struct SolveCommandTests {
    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ilson-cli-\(UUID().uuidString)-\(name)").path
    }

    func write(_ text: String) throws -> String {
        let path = temp("instance.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let good = #"""
        {"name": "t", "workers": [{"id": "w1", "name": "김영숙", "home": {"lat": 36.85, "lon": 127.44}, "available": ["2026-12-01"]}],
         "farms": [{"id": "f1", "name": "이월 딸기농장", "location": {"lat": 36.86, "lon": 127.44}}],
         "requests": [{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 2}]}
        """#

    @Test(arguments: [
        #"{"workers": [}"#,
        #"{"workers": [], "farms": [], "requests": [{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 1}]}"#,
        #"{"workers": [], "farms": [{"id": "f1", "location": {"lat": 1, "lon": 1}}], "requests": [{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 5.0}]}"#,
        #"{"workers": [], "farms": [{"id": "f1", "location": {"lat": 1, "lon": 1}}], "requests": [{"id": "r1", "farm": "f1", "date": "2026-13-01", "headcount": 1}]}"#,
    ])
    func badInputExitsTwoAndWritesNoPlan(_ text: String) throws {
        let instance = try write(text)
        let out = temp("plan.json")
        #expect(IlsonCommand.runMain(["solve", "--instance", instance, "--out", out]) == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func solvesAndScores() throws {
        let instance = try write(Self.good)
        let out = temp("plan.json")
        #expect(IlsonCommand.runMain(["solve", "--instance", instance, "--out", out]) == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains(#""score": {"hard": 0, "medium": 1"#))
        #expect(text.contains(#""unfilled": ["#))
        #expect(IlsonCommand.runMain(["score", "--instance", instance, "--plan", out]) == 0)
    }

    @Test func scoreExitsOneOnBrokenHardConstraints() throws {
        let instance = try write(Self.good)
        let plan = temp("plan.json")
        try Data(#"{"assignments": [{"request": "r1", "worker": "w1"}, {"request": "r1", "worker": "nobody"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: plan))
        #expect(IlsonCommand.runMain(["score", "--instance", instance, "--plan", plan]) == 1)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: plan))
        #expect(IlsonCommand.runMain(["score", "--instance", instance, "--plan", plan]) == 2)
    }
}
