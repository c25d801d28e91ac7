import Foundation
import SMSFakeProvider
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real `ilson` binary as a child process.
struct IlsonProcess {
    /// The binary of this build (`IlsonBinary.path`).
    static var binary: String { IlsonBinary.path }

    /// The environment of a batch run against a database and a fake provider (nothing inherited but PATH).
    static func environment(url: String, provider: FakeSMSProvider?, extra: [String: String] = [:]) -> [String: String]
    {
        var env: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "ILSON_DATABASE_URL": url,
            "ILSON_CONFIG": "/dev/null",
            "LANG": "C.UTF-8", "ILSON_LANG": "en",
        ]
        if let provider {
            env["ILSON_SMS_GATEWAY"] = "http"
            env["ILSON_SMS_URL"] = provider.baseURL
            env["ILSON_SMS_API_KEY"] = provider.apiKey
            env["ILSON_SMS_TIMEOUT"] = "5"
        }
        env.merge(extra) { _, new in new }
        return env
    }

    /// How a run ended.
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var killed: Bool
        var stdout: String
        var stderr: String
        var description: String {
            "\(killed ? "killed by signal \(status)" : "exit \(status)")\nstdout:\n\(stdout)\nstderr:\n\(stderr)"
        }
    }

    let process = Process()
    let outPath: String
    let errPath: String

    /// Starts `ilson arguments…`.
    init(_ arguments: [String], environment: [String: String]) throws {
        let dir = FileManager.default.temporaryDirectory.path
        let tag = UUID().uuidString
        outPath = "\(dir)/ilson-\(tag).out"
        errPath = "\(dir)/ilson-\(tag).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: IlsonProcess.binary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func kill() { Glibc.kill(process.processIdentifier, SIGKILL) }

    func wait() -> Outcome {
        process.waitUntilExit()
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return Outcome(
            status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal, stdout: out,
            stderr: err)
    }

    /// Runs to the end.
    static func run(_ arguments: [String], environment: [String: String]) throws -> Outcome {
        try IlsonProcess(arguments, environment: environment).wait()
    }
}
