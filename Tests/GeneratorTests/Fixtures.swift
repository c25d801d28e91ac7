import Foundation
import Scheduling

@testable import Generator

/// Small shared fixtures for the generator tests.
enum Fixtures {
    /// The repository root, found from this file's path (Tests/GeneratorTests/Fixtures.swift).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `shared/tools/score_plan.py` next to the repository, when it is there.
    static var scorer: URL? {
        let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/score_plan.py")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func small(_ flavor: Flavor = .balanced, seed: UInt64 = 7, days: Int = 3) -> InstanceGenerator {
        InstanceGenerator(workers: 150, requestsPerDay: 40, days: days, seed: seed, flavor: flavor)
    }

    /// Runs a program and returns its exit status and standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
