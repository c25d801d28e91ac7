import Foundation
import TestSupport

/// The real `ilson` binary as a child process, for what an in-process run cannot show: its standard output and
/// error in full. Nothing of this environment reaches it but PATH; `ILSON_TODAY` fixes its day.
enum IlsonChild {
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output as bytes (a CSV in CP949, a byte order mark).
        var stdoutBytes: [UInt8] = []
        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    static let today = "2026-12-01"

    /// Runs `ilson arguments… --database-url url`, in English unless `language` says otherwise (`ko` for the
    /// tests of the Korean default).
    static func run(_ arguments: [String], url: String, language: String = "en") throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: IlsonBinary.path)
        process.arguments = arguments + ["--database-url", url]
        process.environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "ILSON_CONFIG": "/dev/null", "ILSON_TODAY": today,
            "LANG": "C.UTF-8", "ILSON_LANG": language,
        ]
        let dir = FileManager.default.temporaryDirectory
        let tag = UUID().uuidString
        let outURL = dir.appendingPathComponent("ilson-\(tag).out")
        let errURL = dir.appendingPathComponent("ilson-\(tag).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { for url in [outURL, errURL] { try? FileManager.default.removeItem(at: url) } }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let out = try Data(contentsOf: outURL)
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), stdoutBytes: Array(out))
    }

    /// Writes `text` into a temporary `.csv` file and returns its path (removed by `body`'s end).
    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        try withFile(bytes: Array(text.utf8), body)
    }

    /// Writes `bytes` into a temporary `.csv` file and returns its path (removed by `body`'s end).
    static func withFile<T>(bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    /// A county to work on: the center JC, a farmer and the farm F012.
    static func county(url: String) throws {
        for arguments in [
            [
                "center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--sms-sender", "0435391234",
                "--county", "진천군",
            ],
            ["farmer", "add", "--name", "이월순", "--phone", "010-9876-5432"],
            [
                "farm", "add", "--code", "F012", "--name", "이월 딸기농장", "--farmer", "01098765432", "--village",
                "이월면 중산리", "--meeting-point", "마을회관 앞", "--meeting-time", "06:30",
            ],
        ] {
            let outcome = try run(arguments, url: url)
            guard outcome.status == 0 else { throw SetupFailed(outcome: outcome) }
        }
    }

    struct SetupFailed: Error, CustomStringConvertible {
        var outcome: Outcome
        var description: String { "setup failed: \(outcome)" }
    }
}
