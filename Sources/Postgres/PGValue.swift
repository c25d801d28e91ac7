import Foundation

/// A value sent to PostgreSQL as a bind parameter (`$1`, `$2`, …) or a COPY field.
///
/// Every value travels in PostgreSQL's text format together with its type, so the
/// server parses it; no value is ever spliced into SQL text. `nil` (an absent
/// `PGValue?`) is SQL `NULL`.
public enum PGValue: Sendable, Hashable {
    /// `text`.
    case text(String)
    /// `bigint` (`int8`); also accepted where `integer` is expected.
    case int(Int64)
    /// `double precision` (`float8`).
    case double(Double)
    /// `boolean`.
    case bool(Bool)
    /// `timestamptz`: an instant.
    case timestamp(Date)
    /// `date`: a calendar day without time or zone.
    case date(PGDate)
    /// `text[]`: a one-dimensional array of non-NULL strings.
    case textArray([String])

    /// The PostgreSQL type OID the parameter is declared with.
    var typeOID: UInt32 {
        switch self {
        case .text: return PGTypeOID.text
        case .int: return PGTypeOID.int8
        case .double: return PGTypeOID.float8
        case .bool: return PGTypeOID.bool
        case .timestamp: return PGTypeOID.timestamptz
        case .date: return PGTypeOID.date
        case .textArray: return PGTypeOID.textArray
        }
    }

    /// The value in PostgreSQL's text input format.
    var textRepresentation: String {
        switch self {
        case .text(let string): return string
        case .int(let int): return String(int)
        case .double(let double): return PGValue.format(double)
        case .bool(let bool): return bool ? "t" : "f"
        case .timestamp(let date): return PGTimestampFormat.format(date)
        case .date(let date): return date.description
        case .textArray(let strings): return PGArrayFormat.format(strings)
        }
    }

    private static func format(_ double: Double) -> String {
        if double.isNaN { return "NaN" }
        if double.isInfinite { return double > 0 ? "Infinity" : "-Infinity" }
        // Swift's description is the shortest text that reads back as the same Double.
        return double.description
    }
}

extension PGValue: ExpressibleByStringLiteral {
    /// A `text` value from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension PGValue: ExpressibleByIntegerLiteral {
    /// A `bigint` value from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension PGValue: ExpressibleByFloatLiteral {
    /// A `double precision` value from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension PGValue: ExpressibleByBooleanLiteral {
    /// A `boolean` value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension PGValue {
    /// The bind value of any supported Swift value.
    ///
    /// - Parameter value: a `String`, `Int`, `Int64`, `Double`, `Bool`, `Date`, `PGDate` or `[String]`.
    public init(_ value: some PGEncodable) { self = value.pgValue }
}

/// A Swift type that can be sent to PostgreSQL as a bind parameter.
public protocol PGEncodable {
    /// The value as PostgreSQL receives it.
    var pgValue: PGValue { get }
}

extension PGValue: PGEncodable {
    public var pgValue: PGValue { self }
}

extension String: PGEncodable {
    public var pgValue: PGValue { .text(self) }
}

extension Substring: PGEncodable {
    public var pgValue: PGValue { .text(String(self)) }
}

extension Int: PGEncodable {
    public var pgValue: PGValue { .int(Int64(self)) }
}

extension Int32: PGEncodable {
    public var pgValue: PGValue { .int(Int64(self)) }
}

extension Int64: PGEncodable {
    public var pgValue: PGValue { .int(self) }
}

extension Double: PGEncodable {
    public var pgValue: PGValue { .double(self) }
}

extension Bool: PGEncodable {
    public var pgValue: PGValue { .bool(self) }
}

extension Date: PGEncodable {
    public var pgValue: PGValue { .timestamp(self) }
}

extension PGDate: PGEncodable {
    public var pgValue: PGValue { .date(self) }
}

extension Array: PGEncodable where Element == String {
    public var pgValue: PGValue { .textArray(self) }
}

/// The OIDs of the built-in types this wrapper sends and reads (`pg_type.oid`; fixed across versions).
public enum PGTypeOID {
    public static let bool: UInt32 = 16
    public static let name: UInt32 = 19
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let json: UInt32 = 114
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let unknown: UInt32 = 705
    public static let char: UInt32 = 18
    public static let bpchar: UInt32 = 1042
    public static let varchar: UInt32 = 1043
    public static let date: UInt32 = 1082
    public static let time: UInt32 = 1083
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
    public static let uuid: UInt32 = 2950
    public static let jsonb: UInt32 = 3802
    public static let textArray: UInt32 = 1009
    public static let varcharArray: UInt32 = 1015
    public static let bpcharArray: UInt32 = 1014
    public static let nameArray: UInt32 = 1003
    /// The first OID given to user-defined types (enums, domains' arrays, extension types).
    public static let firstUserOID: UInt32 = 16384

    /// A readable name for error messages.
    static func name(of oid: UInt32) -> String {
        switch oid {
        case bool: return "boolean"
        case name: return "name"
        case int8: return "bigint"
        case int2: return "smallint"
        case int4: return "integer"
        case text: return "text"
        case Self.oid: return "oid"
        case json: return "json"
        case float4: return "real"
        case float8: return "double precision"
        case unknown: return "unknown"
        case char: return "\"char\""
        case bpchar: return "character"
        case varchar: return "character varying"
        case date: return "date"
        case time: return "time without time zone"
        case timestamp: return "timestamp without time zone"
        case timestamptz: return "timestamp with time zone"
        case numeric: return "numeric"
        case uuid: return "uuid"
        case jsonb: return "jsonb"
        case textArray: return "text[]"
        case varcharArray: return "character varying[]"
        case bpcharArray: return "character[]"
        case nameArray: return "name[]"
        default: return "type oid \(oid)"
        }
    }
}
