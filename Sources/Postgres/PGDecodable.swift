import Foundation

/// A Swift type a result column can be decoded into, from PostgreSQL's text format.
public protocol PGDecodable {
    /// Whether a column of this PostgreSQL type (by OID) may be decoded into this type.
    static func acceptsPostgresType(_ oid: UInt32) -> Bool
    /// The value from its text form; `nil` when the text is not a valid value.
    init?(postgresText text: String)
}

extension String: PGDecodable {
    /// Text-like types, plus user-defined types such as enums (OID ≥ 16384).
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool {
        switch oid {
        case PGTypeOID.text, PGTypeOID.varchar, PGTypeOID.bpchar, PGTypeOID.name, PGTypeOID.char,
            PGTypeOID.unknown, PGTypeOID.json, PGTypeOID.jsonb, PGTypeOID.uuid:
            return true
        default:
            return oid >= PGTypeOID.firstUserOID
        }
    }
    public init?(postgresText text: String) { self = text }
}

extension Int64: PGDecodable {
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool {
        oid == PGTypeOID.int8 || oid == PGTypeOID.int4 || oid == PGTypeOID.int2 || oid == PGTypeOID.oid
    }
    public init?(postgresText text: String) { self.init(text, radix: 10) }
}

extension Int: PGDecodable {
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { Int64.acceptsPostgresType(oid) }
    public init?(postgresText text: String) { self.init(text, radix: 10) }
}

extension Double: PGDecodable {
    /// `double precision`, `real` and `numeric` (which may lose precision).
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool {
        oid == PGTypeOID.float8 || oid == PGTypeOID.float4 || oid == PGTypeOID.numeric
    }
    public init?(postgresText text: String) {
        switch text {
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        case "NaN": self = .nan
        default: self.init(text)
        }
    }
}

extension Bool: PGDecodable {
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { oid == PGTypeOID.bool }
    public init?(postgresText text: String) {
        switch text {
        case "t": self = true
        case "f": self = false
        default: return nil
        }
    }
}

extension Date: PGDecodable {
    /// `timestamptz` only: a `timestamp` without zone is not an instant.
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { oid == PGTypeOID.timestamptz }
    public init?(postgresText text: String) {
        guard let date = PGTimestampFormat.parse(text) else { return nil }
        self = date
    }
}

extension PGDate: PGDecodable {
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { oid == PGTypeOID.date }
    public init?(postgresText text: String) { self.init(text) }
}

extension Array: PGDecodable where Element == String {
    /// `text[]`, `varchar[]`, `char(n)[]`, `name[]`; a NULL element makes the value unreadable.
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool {
        oid == PGTypeOID.textArray || oid == PGTypeOID.varcharArray || oid == PGTypeOID.bpcharArray
            || oid == PGTypeOID.nameArray
    }
    public init?(postgresText text: String) {
        guard let elements = PGArrayFormat.parse(text), !elements.contains(where: { $0 == nil }) else { return nil }
        self = elements.map { $0! }
    }
}
