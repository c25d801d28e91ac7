import Foundation
import Testing

@testable import Scheduling

/// Helpers of the version 2 rule tests: hand-made instances written as JSON (so the decoder reads what a file would
/// say), the Swift scorer on a list of pairs, and the shared scorer on the same file and pairs when `../shared` is
/// beside the repository.
enum V2 {
    /// Points on the parallel 36.85° N, named by their longitude offset from 127.44° E (1° ≈ 88.98 km here).
    static let lat = 36.85
    static let lon = 127.44

    static func point(_ dlon: Double = 0, dlat: Double = 0) -> String {
        #"{"lat": \#(lat + dlat), "lon": \#(lon + dlon)}"#
    }

    /// A worker object; `extra` is spliced in (`"maxJobsPerDay": 2, …`).
    static func worker(
        _ id: String, at dlon: Double = 0, available: String = #"["2026-12-01"]"#, _ extra: String = ""
    ) -> String {
        #"{"id": "\#(id)", "home": \#(point(dlon)), "available": \#(available)\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    static func farm(_ id: String, at dlon: Double = 0) -> String {
        #"{"id": "\#(id)", "location": \#(point(dlon))}"#
    }

    /// A request object on 2026-12-01 (a Tuesday) unless `date` names another; `extra` is spliced in.
    static func request(
        _ id: String, farm: String, _ start: String = "07:00", _ end: String = "16:00", date: String = "2026-12-01",
        priority: Int = 1, headcount: Int = 1, extra: String = ""
    ) -> String {
        #"{"id": "\#(id)", "farm": "\#(farm)", "date": "\#(date)", "start": "\#(start)", "end": "\#(end)", "headcount": \#(headcount), "priority": \#(priority)\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    /// A whole instance document.
    static func document(
        workers: [String], farms: [String], requests: [String], pinned: [String] = [], top: String = "",
        weights: String = #"{"fairness": 5, "continuity": 30}"#
    ) -> String {
        #"{"version": 2, "weights": \#(weights), "workers": [\#(workers.joined(separator: ", "))], "farms": [\#(farms.joined(separator: ", "))], "requests": [\#(requests.joined(separator: ", "))], "pinned": [\#(pinned.joined(separator: ", "))]\#(top.isEmpty ? "" : ", " + top)}"#
    }

    static func pin(_ request: String, _ worker: String) -> String {
        #"{"request": "\#(request)", "worker": "\#(worker)"}"#
    }

    /// Decodes a document; a failure is a test failure with the decoder's errors.
    static func decode(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Instance {
        do {
            return try InstanceDecoder.decode(Array(json.utf8))
        } catch {
            Issue.record("the instance does not decode: \(error.errors)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The decoder's errors for a document (empty when it decodes).
    static func errors(_ json: String) -> [String] {
        do {
            _ = try InstanceDecoder.decode(Array(json.utf8))
            return []
        } catch {
            return error.errors
        }
    }

    /// Pairs from `(request, worker)` tuples.
    static func pairs(_ list: [(String, String)]) -> [Pair] { list.map { Pair(request: $0.0, worker: $0.1) } }

    /// The Swift scorer on the pairs; when `../shared` is there, also the shared scorer on the same document and
    /// pairs, whose score must be the same.
    static func scored(
        _ json: String, _ list: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ScoreReport {
        let instance = try decode(json, sourceLocation: sourceLocation)
        let report = score(instance, assignments: pairs(list))
        if let shared = Fixtures.shared {
            let python = try sharedScore(json, list, shared: shared)
            #expect(python == report.score, "the shared scorer disagrees", sourceLocation: sourceLocation)
        } else {
            Fixtures.scorerAbsent
        }
        return report
    }

    /// The shared scorer's score of the pairs (a plan without a claimed score).
    static func sharedScore(_ json: String, _ list: [(String, String)], shared: URL) throws -> Score? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let instanceFile = dir.appendingPathComponent("instance.json")
        let planFile = dir.appendingPathComponent("plan.json")
        try Data(json.utf8).write(to: instanceFile)
        let rows = list.map { #"{"request": "\#($0.0)", "worker": "\#($0.1)"}"# }.joined(separator: ", ")
        try Data(#"{"assignments": [\#(rows)]}"#.utf8).write(to: planFile)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", shared.appendingPathComponent("tools/score_plan.py").path, instanceFile.path, planFile.path,
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard case .object(let o)? = try? JSONParser.parse([UInt8](data)), let s = o["score"]?.object,
            case .int(let h)? = s["hard"], case .int(let m)? = s["medium"], case .int(let so)? = s["soft"]
        else { return nil }
        return Score(hard: h, medium: m, soft: so)
    }
}
