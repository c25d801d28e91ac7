import Foundation
import Testing

@testable import Scheduling

/// The decoder and the solver on 500 seeded mutations of the project's small reference instances: each gives a plan
/// the project's scorer accepts (hard 0, the same score recomputed) or input errors with messages; never a trap, never
/// a hang. Where the shared scorer (when present) calls a sampled instance malformed, the decoder must too.
@Suite struct FuzzTests {
    /// The small instances of `Tests/Instances` (not the generated `gen-*` ones).
    static let sources: [(name: String, value: JSONValue)] = Fixtures.ownInstanceNames.filter { !$0.hasPrefix("gen-") }
        .compactMap { name in
            let url = Fixtures.instances.appendingPathComponent("\(name).json")
            guard let data = try? Data(contentsOf: url), let v = try? JSONParser.parse([UInt8](data)) else {
                return nil
            }
            return (name, v)
        }

    static let cases = 500
    static let chunks = 10
    /// Every `sampleEvery`-th case is also given to the shared scorer (a Python process each, so not all 500).
    static let sampleEvery = 20

    /// The mutated instance of case `i` (the same on every run).
    static func mutated(_ i: Int) -> (source: String, text: String) {
        var mutator = InstanceMutator(seed: 0x1150_0000 &+ UInt64(i))
        let source = sources[i % sources.count]
        return (source.name, InstanceMutator.encode(mutator.mutate(source.value)))
    }

    @Test func theSourcesAreTheSmallReferenceInstances() {
        #expect(Self.sources.count >= 11)
    }

    @Test(arguments: 0..<chunks)
    func mutatedInstancesGiveAPlanOrInputErrors(_ chunk: Int) throws {
        for i in stride(from: chunk, to: Self.cases, by: Self.chunks) {
            let (source, text) = Self.mutated(i)
            let bytes = Array(text.utf8)
            var decoded: Instance?
            do {
                decoded = try InstanceDecoder.decode(bytes)
            } catch {
                #expect(!error.errors.isEmpty && error.errors.allSatisfy { !$0.isEmpty }, "case \(i) (\(source))")
            }
            var plan: Plan?
            if let instance = decoded {
                let solved = solve(instance, options: SolveOptions(workBudget: 100_000, timeLimit: 30))
                #expect(!solved.stats.timeLimitHit, "case \(i) (\(source)): the solve did not end by its budget")
                #expect(solved.score.hard == 0, "case \(i) (\(source)): \(text)")
                #expect(score(instance, assignments: solved.assignments).score == solved.score, "case \(i) (\(source))")
                plan = solved
            }
            if i % Self.sampleEvery == 0 {
                guard Fixtures.shared != nil else {
                    Fixtures.scorerAbsent
                    continue
                }
                try Self.compareWithTheSharedScorer(i, source, text, plan)
            }
        }
    }

    /// The shared scorer on case i: an instance it calls malformed was rejected; a plan of an instance it reads is
    /// valid with the same score.
    static func compareWithTheSharedScorer(_ i: Int, _ source: String, _ text: String, _ plan: Plan?) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-fuzz-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        guard let plan else {
            // The decoder rejected it; the shared scorer may accept more (version 2 fields), never less.
            return
        }
        let (status, scored) = try Fixtures.runScorer(instance: url, plan: plan)
        #expect(status != 2, "case \(i) (\(source)): the shared scorer calls it malformed, ilson solved it: \(text)")
        if status != 2 {
            #expect(status == 0, "case \(i) (\(source))")
            #expect(scored == plan.score, "case \(i) (\(source))")
        }
    }
}
