import Foundation
import TestSupport

/// The real `ilson` binary as a child process, for what an in-process run cannot show: standard input, the whole
/// output, and the environment (the SMS gateway).
enum IlsonRun {
    /// The binary of this build (`IlsonBinary.path`).
    static var binary: String { IlsonBinary.path }

    struct Outcome: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs `ilson arguments…` with `stdin` as its standard input and nothing of this environment but PATH.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "ILSON_CONFIG": "/dev/null", "LANG": "C.UTF-8", "ILSON_LANG": "en",
        ]
        env.merge(environment) { _, new in new }
        process.environment = env
        let dir = FileManager.default.temporaryDirectory
        let tag = UUID().uuidString
        let inURL = dir.appendingPathComponent("ilson-\(tag).in")
        let outURL = dir.appendingPathComponent("ilson-\(tag).out")
        let errURL = dir.appendingPathComponent("ilson-\(tag).err")
        try Data(stdin.utf8).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { for url in [inURL, outURL, errURL] { try? FileManager.default.removeItem(at: url) } }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
