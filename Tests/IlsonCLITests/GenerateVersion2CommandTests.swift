import Foundation
import Testing

@testable import IlsonCLI

/// `ilson generate --v2` and its knobs (the mix itself: GeneratorTests).
@Suite struct GenerateVersion2CommandTests {
    @Test(arguments: [
        ["generate", "--workers", "10", "--requests", "3", "--v2-half-days", "0.5"],
        ["generate", "--workers", "10", "--requests", "3", "--v2-two-jobs", "0.5"],
        ["generate", "--workers", "10", "--requests", "3", "--v2", "--v2-half-days", "1.5"],
        ["generate", "--workers", "10", "--requests", "3", "--v2", "--v2-two-jobs", "-0.1"],
        ["generate", "--workers", "10", "--requests", "3", "--v2", "--v2-two-jobs", "nan"],
    ])
    func badArgumentsExitTwo(_ arguments: [String]) {
        #expect(IlsonCommand.runMain(arguments) == 2)
    }

    @Test func writesAVersion2FileAndWithoutTheFlagAVersion1File() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ilson-generate-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func generate(_ extra: [String], _ name: String) throws -> [String: Any] {
            let file = dir.appendingPathComponent(name)
            let code = IlsonCommand.runMain(
                ["generate", "--workers", "60", "--requests", "15", "--days", "2", "--seed", "3", "--out", file.path]
                    + extra)
            #expect(code == 0)
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        }
        let v2 = try generate(["--v2", "--v2-half-days", "1"], "v2.json")
        #expect(v2["version"] as? Int == 2)
        #expect(v2["name"] as? String == "gen-v2-balanced-w60-r15-d2-s3")
        #expect((v2["weights"] as? [String: Any])?["share"] as? Int == 5)
        #expect(!((v2["pickupPoints"] as? [Any]) ?? []).isEmpty)
        let requests = try #require(v2["requests"] as? [[String: Any]])
        #expect(requests.count == 30)
        #expect(
            requests.allSatisfy { r in
                guard let s = r["start"] as? String, let e = r["end"] as? String else { return false }
                let minutes = { (t: String) in Int(t.prefix(2))! * 60 + Int(t.suffix(2))! }
                return minutes(e) - minutes(s) == 240
            })
        let v1 = try generate([], "v1.json")
        #expect(v1["version"] as? Int == 1)
        #expect(v1["pickupPoints"] == nil)
        #expect(v1["name"] as? String == "gen-balanced-w60-r15-d2-s3")
    }
}
