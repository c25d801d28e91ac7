import CLibPQ
import Foundation

/// Where a connection goes: host (or Unix socket directory), port, database and user.
/// It never holds a password, so it is safe to print.
public struct ConnectionTarget: Sendable, Hashable, CustomStringConvertible {
    public var host: String?
    public var port: String?
    public var database: String?
    public var user: String?

    public init(host: String?, port: String?, database: String?, user: String?) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
    }

    /// E.g. `host 127.0.0.1 port 5432 database ilson user kim`, or `socket /tmp/ilson-1 port …`.
    public var description: String {
        var parts: [String] = []
        if let host, !host.isEmpty {
            parts.append(host.hasPrefix("/") || host.hasPrefix("@") ? "socket \(host)" : "host \(host)")
        } else {
            parts.append("host (libpq default)")
        }
        parts.append("port \(port.flatMap { $0.isEmpty ? nil : $0 } ?? "(default)")")
        if let database, !database.isEmpty { parts.append("database \(database)") }
        if let user, !user.isEmpty { parts.append("user \(user)") }
        return parts.joined(separator: " ")
    }
}

/// Helpers for connection strings (`key=value …` or `postgresql://…` URIs).
public enum ConnectionString {
    /// The connection string with any password replaced by `****`, for messages.
    ///
    /// Handles the URI form (`postgresql://user:secret@host/db`, `?password=secret`) and the
    /// `key=value` form (`password=secret`, `password='se cret'`).
    public static func masked(_ string: String) -> String {
        if string.hasPrefix("postgresql://") || string.hasPrefix("postgres://") {
            return maskURI(string)
        }
        return maskKeyValue(string)
    }

    private static func maskURI(_ uri: String) -> String {
        var result = uri
        let schemeEnd = result.range(of: "://")!.upperBound
        let authorityEnd = result[schemeEnd...].firstIndex(where: { "/?".contains($0) }) ?? result.endIndex
        let authority = result[schemeEnd..<authorityEnd]
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            result.replaceSubrange(result.index(after: colon)..<at, with: "****")
        }
        // Query parameters: password=… up to the next & or the end.
        var searchStart = result.startIndex
        while let range = result.range(
            of: "password=", options: [.caseInsensitive], range: searchStart..<result.endIndex)
        {
            let before = range.lowerBound == result.startIndex ? nil : result[result.index(before: range.lowerBound)]
            guard before == "?" || before == "&" else {
                searchStart = range.upperBound
                continue
            }
            let valueEnd = result[range.upperBound...].firstIndex(of: "&") ?? result.endIndex
            result.replaceSubrange(range.upperBound..<valueEnd, with: "****")
            searchStart = range.upperBound
        }
        return result
    }

    private static func maskKeyValue(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "password") {
            // Only the keyword itself: preceded by start or whitespace, followed by optional spaces and "=".
            let preceding = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            var cursor = range.upperBound
            while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
            guard preceding == nil || preceding!.isWhitespace, cursor < rest.endIndex, rest[cursor] == "=" else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            cursor = rest.index(after: cursor)
            while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
            result += rest[..<cursor] + "****"
            // Skip the value: quoted with '…' (backslash escapes) or up to whitespace.
            if cursor < rest.endIndex, rest[cursor] == "'" {
                cursor = rest.index(after: cursor)
                while cursor < rest.endIndex, rest[cursor] != "'" {
                    if rest[cursor] == "\\" && rest.index(after: cursor) < rest.endIndex {
                        cursor = rest.index(after: cursor)
                    }
                    cursor = rest.index(after: cursor)
                }
                if cursor < rest.endIndex { cursor = rest.index(after: cursor) }
            } else {
                while cursor < rest.endIndex, !rest[cursor].isWhitespace { cursor = rest.index(after: cursor) }
            }
            rest = rest[cursor...]
        }
        return result + rest
    }

    /// The options a connection string sets explicitly, as libpq parses them.
    ///
    /// - Throws: `PostgresError` of kind `.client` when libpq cannot parse the string
    ///   (its message never repeats a password).
    public static func parse(_ string: String) throws(PostgresError) -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(string, &errorMessage) else {
            var message = "invalid connection string"
            if let errorMessage {
                message = String(cString: errorMessage).trimmingTrailingNewlines()
                PQfreemem(errorMessage)
            }
            throw PostgresError(kind: .client, message: message + " in \(masked(string))")
        }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { result[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return result
    }

    /// A `key=value` connection string from options, each value quoted and escaped as libpq requires.
    ///
    /// Use it to hand a connection to another process (e.g. the same server, another database);
    /// values are never spliced into SQL.
    public static func keyValue(_ options: [String: String]) -> String {
        options.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "\(key)='\(escaped)'"
        }.joined(separator: " ")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return text
    }
}
