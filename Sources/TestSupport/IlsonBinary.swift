import Foundation

/// Where the `ilson` binary of this build is, for tests that run it as a child process.
public enum IlsonBinary {
    /// `$ILSON_BIN` when set, else `ilson` next to the test bundle (`.build/<triple>/debug/ilson`),
    /// else `.build/debug/ilson`.
    public static var path: String {
        if let bin = ProcessInfo.processInfo.environment["ILSON_BIN"], !bin.isEmpty { return bin }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ilson").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/ilson"
    }
}
