import Foundation
import Places
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
        ["generate", "--workers", "10", "--requests", "3", "--county", "중구"],
        ["generate", "--workers", "10", "--requests", "3", "--county", "없는군"],
        ["generate", "--workers", "10", "--requests", "3", "--county", "99999"],
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

    /// Any county: its farms and workers lie on its own real villages, named in the files.
    @Test func generatesAnotherCountyOverItsVillages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let code = IlsonCommand.runMain([
            "generate", "--workers", "40", "--requests", "6", "--seed", "5", "--county", "경북 의성군", "--csv-dir",
            dir.path, "--out", dir.appendingPathComponent("i.json").path,
        ])
        #expect(code == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("i.json")))
                as? [String: Any])
        #expect(json["name"] as? String == "gen-balanced-w40-r6-d1-s5-c47730")
        let workers = try String(contentsOf: dir.appendingPathComponent("workers.csv"), encoding: .utf8)
        // Every worker's village is one of 의성군's.
        let uiseong = try #require(Gazetteer.korea.county(code: "47730"))
        let rows = workers.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 40)
        for row in rows {
            #expect(uiseong.lookup(String(row[4])).village != nil, "\(row[4])")
        }
    }
}
