import Foundation
import Postgres

/// A time of day to the minute, as requests and meeting times use it (`07:00`).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since midnight, 0..<1440.
    public var minutes: Int

    /// A time from minutes since midnight; nil outside 0..<1440.
    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `H:MM`, `HH:MM` or `HH:MM:SS` (PostgreSQL's `time` text); nil otherwise.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
        else { return nil }
        if parts.count == 3 {
            guard let s = Int(parts[2]), s == 0 else { return nil }
        }
        self.minutes = h * 60 + m
    }

    /// `07:00`.
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

extension TimeOfDay: PGDecodable {
    /// Text columns (e.g. `to_char(t, 'HH24:MI')`) and `time` columns.
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { oid == 1083 || String.acceptsPostgresType(oid) }
    public init?(postgresText text: String) { self.init(text) }
}
