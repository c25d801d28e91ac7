import Foundation
import Operations
import Records
import Texts
import Vocabulary

/// ilson's settings, resolved in the order of `spec/cli.md`: command-line flag, environment
/// variable, configuration file (`$ILSON_CONFIG`, else `/etc/ilson/ilson.conf` when it exists),
/// then the built-in default (for the database: libpq's own `PG*` defaults).
public struct Configuration: Sendable {
    /// The settings a configuration file may hold (the same names as the environment variables).
    public static let knownKeys: Set<String> = [
        "ILSON_DATABASE_URL", "ILSON_SMS_GATEWAY", "ILSON_SMS_URL", "ILSON_SMS_API_KEY", "ILSON_SMS_DIR",
        "ILSON_TODAY", "ILSON_LOG_LEVEL", "ILSON_SQL_DIR", "ILSON_SMS_SENDER", "ILSON_SMS_TIMEOUT",
        "ILSON_SMS_INBOUND_SECRET",
    ]
    /// The system-wide configuration file, used when `ILSON_CONFIG` is not set and it exists.
    public static let systemFile = "/etc/ilson/ilson.conf"

    /// The environment it was loaded from.
    public let environment: [String: String]
    /// The settings of the configuration file (empty without one).
    public let fileSettings: [String: String]
    /// The configuration file read, if any.
    public let filePath: String?

    /// Settings from explicit parts (for tests).
    public init(environment: [String: String], fileSettings: [String: String] = [:], filePath: String? = nil) {
        self.environment = environment
        self.fileSettings = fileSettings
        self.filePath = filePath
    }

    /// Reads the configuration file named by `ILSON_CONFIG` (which must exist), else `systemFile` if it exists.
    ///
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - systemFile: the fallback file (tests pass another path).
    /// - Throws: `ConfigurationError` (exit 2) for a missing `$ILSON_CONFIG` file, an unreadable file,
    ///   a line that is not `KEY=VALUE` or an unknown key.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        systemFile: String = Configuration.systemFile
    ) throws(ConfigurationError) -> Configuration {
        let path: String
        if let explicit = environment["ILSON_CONFIG"], !explicit.isEmpty {
            guard FileManager.default.fileExists(atPath: explicit) else { throw .missingFile(explicit) }
            path = explicit
        } else if FileManager.default.fileExists(atPath: systemFile) {
            path = systemFile
        } else {
            return Configuration(environment: environment)
        }
        // FileHandle, not FileManager.contents: it also reads /dev/null and other special files.
        guard let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.readToEnd() ?? Data(), let text = String(data: data, encoding: .utf8)
        else { throw .unreadableFile(path) }
        try? handle.close()
        return Configuration(environment: environment, fileSettings: try parse(text, path: path), filePath: path)
    }

    /// Parses `KEY=VALUE` lines; `#` starts a comment line; blank lines are skipped; a value may be
    /// quoted with `"…"` or `'…'`; `export KEY=VALUE` is accepted so the file can be sourced by a shell.
    static func parse(_ text: String, path: String) throws(ConfigurationError) -> [String: String] {
        var settings: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw .badLine(path: path, line: offset + 1, reason: T(.configExpectedKeyValue))
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard knownKeys.contains(key) else {
                throw .badLine(
                    path: path, line: offset + 1,
                    reason: T(
                        .configUnknownSetting,
                        ["key": key.prefix(40), "known": knownKeys.sorted().joined(separator: ", ")]))
            }
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            settings[key] = value
        }
        return settings
    }

    /// A setting by precedence: the flag, the environment variable, the file. Empty values count as unset.
    ///
    /// - Parameters:
    ///   - key: the variable name, e.g. `ILSON_DATABASE_URL`.
    ///   - flag: the command-line flag's value, if given.
    public func value(_ key: String, flag: String? = nil) -> Setting? {
        if let flag, !flag.isEmpty { return Setting(value: flag, origin: .flag) }
        if let value = environment[key], !value.isEmpty { return Setting(value: value, origin: .environment(key)) }
        if let value = fileSettings[key], !value.isEmpty, let filePath {
            return Setting(value: value, origin: .file(filePath))
        }
        return nil
    }

    /// A resolved setting and where it came from (for messages).
    public struct Setting: Sendable, Hashable {
        public var value: String
        public var origin: Origin

        /// Where a setting came from.
        public enum Origin: Sendable, Hashable, CustomStringConvertible {
            case flag
            case environment(String)
            case file(String)

            public var description: String {
                switch self {
                case .flag: return T(.configCommandLine)
                case .environment(let name): return "$\(name)"
                case .file(let path): return path
                }
            }
        }
    }
}

/// A configuration file that cannot be used: exit 2, nothing done.
public enum ConfigurationError: IlsonFailure, Hashable, CustomStringConvertible {
    case missingFile(String)
    case unreadableFile(String)
    /// Never quotes the line: it may hold a password.
    case badLine(path: String, line: Int, reason: String)

    public var message: String {
        switch self {
        case .missingFile(let path): return T(.configMissingFile, ["path": path])
        case .unreadableFile(let path): return T(.configUnreadableFile, ["path": path])
        case .badLine(let path, let line, let reason):
            return T(.configBadLine, ["path": path, "line": line, "reason": reason])
        }
    }

    public var exitCode: IlsonExitCode { .badInput }
    public var description: String { message }
}
