/// A parsed JSON value that keeps integer literals apart from other numbers
/// (the problem format requires integer fields to be JSON integers: `5.0` is an input error).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer literal (no fraction, no exponent) that fits in `Int`.
    case int(Int)
    /// Any other number literal (also `NaN`/`Infinity`, which Python's json accepts and the scorer rejects).
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as a number, when it is one (integer or not).
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The value as a string, when it is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as an object, when it is one.
    public var object: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The value as an array, when it is one.
    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// True for JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short JSON rendering for error messages (like Python's `json.dumps`, Hangul unescaped).
    public var rendered: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return "\(d)"
        case .string(let s): return JSONText.quoted(s)
        case .array(let a):
            return "[" + a.prefix(5).map(\.rendered).joined(separator: ", ") + (a.count > 5 ? ", …" : "") + "]"
        case .object: return "{…}"
        }
    }
}

/// A JSON object: keys in document order. Lookups return the last value of a repeated key (as Python's json does).
public struct JSONObject: Sendable, Equatable {
    public var keys: [String]
    public var values: [JSONValue]

    public init(keys: [String] = [], values: [JSONValue] = []) {
        self.keys = keys
        self.values = values
    }

    /// The value of `key`, or nil when absent. An explicit `null` is returned as `.null`.
    public subscript(key: String) -> JSONValue? {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i] == key { return values[i] }
            i -= 1
        }
        return nil
    }

    /// The value of `key`, with an explicit `null` treated as missing.
    public func present(_ key: String) -> JSONValue? {
        guard let v = self[key], !v.isNull else { return nil }
        return v
    }
}

/// A JSON syntax error with its byte offset.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A small, fast byte-level JSON parser (RFC 8259 plus Python's `NaN`/`Infinity` literals).
public enum JSONParser {
    /// Parses one JSON document.
    /// - Parameter bytes: UTF-8 text.
    /// - Returns: the value.
    /// - Throws: `JSONSyntaxError` naming the byte offset.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buf) throws(JSONSyntaxError) -> JSONValue in
            var p = Cursor(buf: buf)
            // A UTF-8 byte order mark is tolerated.
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { p.i = 3 }
            let v = try p.value(depth: 0)
            p.skipSpace()
            if p.i != buf.count { throw p.fail("extra data after the JSON value") }
            return v
        }
    }

    /// Parses a string holding JSON.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    struct Cursor {
        let buf: UnsafeBufferPointer<UInt8>
        var i: Int
        /// The size of the last object (`2 × depth`) and of the last array (`2 × depth + 1`) closed at each depth: a
        /// new object or array at that depth reserves as much, since a document's siblings tend to have the same size
        /// (an instance's workers, their windows). A wrong guess costs only memory or a later growth; the values are
        /// the same.
        var sizes: [Int]
        /// The deepest nesting accepted.
        static let maxDepth = 512

        /// A key read earlier, remembered by its depth and its position among its object's keys: where its bytes lie
        /// in the document, how many there are, and the string made of them. Sibling objects (an instance's workers,
        /// requests, farms) mostly hold the same keys in the same order, so the next sibling's key at that position
        /// is compared with these bytes and, when equal, takes the same string without scanning and making it again.
        struct KeyMemo {
            /// The offset of the key's first byte (after the opening quote).
            var start: Int
            /// The key's byte count, or −1 for no key remembered.
            var count: Int
            /// The key, made of exactly those bytes (only keys without escapes are remembered).
            var text: String
        }
        /// The remembered keys, `memoKeys` slots for each depth below `memoDepths`.
        var keyMemo: [KeyMemo]
        /// The depths whose keys are remembered.
        static let memoDepths = 8
        /// The positions among an object's keys that are remembered.
        static let memoKeys = 32

        /// A cursor at the document's first byte, nothing remembered.
        init(buf: UnsafeBufferPointer<UInt8>) {
            self.buf = buf
            i = 0
            sizes = [Int](repeating: 0, count: 2 * (Cursor.maxDepth + 2))
            keyMemo = [KeyMemo](
                repeating: KeyMemo(start: 0, count: -1, text: ""), count: Cursor.memoDepths * Cursor.memoKeys)
        }

        func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, reason: reason) }

        mutating func skipSpace() {
            while i < buf.count {
                let b = buf[i]
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { break }
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= buf.count else { return false }
            let w = word.utf8Start
            for k in 0..<n where buf[i + k] != w[k] { return false }
            i += n
            return true
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            if depth > Cursor.maxDepth { throw fail("nesting too deep") }
            skipSpace()
            guard i < buf.count else { throw fail("unexpected end of input") }
            switch buf[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if i < buf.count, buf[i] == UInt8(ascii: "}") {
                    i += 1
                    sizes[2 * depth] = 0
                    return .object(JSONObject())
                }
                var keys: [String] = []
                var values: [JSONValue] = []
                keys.reserveCapacity(sizes[2 * depth])
                values.reserveCapacity(sizes[2 * depth])
                while true {
                    skipSpace()
                    guard i < buf.count, buf[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                    keys.append(
                        try key(
                            depth < Cursor.memoDepths && keys.count < Cursor.memoKeys
                                ? depth * Cursor.memoKeys + keys.count : -1))
                    skipSpace()
                    guard i < buf.count, buf[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    i += 1
                    values.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < buf.count else { throw fail("unexpected end of input in an object") }
                    if buf[i] == UInt8(ascii: ",") {
                        i += 1
                    } else if buf[i] == UInt8(ascii: "}") {
                        i += 1
                        sizes[2 * depth] = keys.count
                        return .object(JSONObject(keys: keys, values: values))
                    } else {
                        throw fail("expected ',' or '}'")
                    }
                }
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if i < buf.count, buf[i] == UInt8(ascii: "]") {
                    i += 1
                    sizes[2 * depth + 1] = 0
                    return .array([])
                }
                var items: [JSONValue] = []
                items.reserveCapacity(sizes[2 * depth + 1])
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < buf.count else { throw fail("unexpected end of input in an array") }
                    if buf[i] == UInt8(ascii: ",") {
                        i += 1
                    } else if buf[i] == UInt8(ascii: "]") {
                        i += 1
                        sizes[2 * depth + 1] = items.count
                        return .array(items)
                    } else {
                        throw fail("expected ',' or ']'")
                    }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                if literal("true") { return .bool(true) }
                throw fail("unknown literal")
            case UInt8(ascii: "f"):
                if literal("false") { return .bool(false) }
                throw fail("unknown literal")
            case UInt8(ascii: "n"):
                if literal("null") { return .null }
                throw fail("unknown literal")
            case UInt8(ascii: "N"):
                if literal("NaN") { return .double(.nan) }
                throw fail("unknown literal")
            case UInt8(ascii: "I"):
                if literal("Infinity") { return .double(.infinity) }
                throw fail("unknown literal")
            default:
                return try number()
            }
        }

        mutating func number() throws(JSONSyntaxError) -> JSONValue {
            let start = i
            var negative = false
            if buf[i] == UInt8(ascii: "-") {
                negative = true
                i += 1
                if literal("Infinity") { return .double(-.infinity) }
            }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            guard i < buf.count, isDigit(buf[i]) else { throw fail("expected a value") }
            if buf[i] == 0x30, i + 1 < buf.count, isDigit(buf[i + 1]) { throw fail("leading zero in a number") }
            var magnitude: UInt64 = 0
            var overflow = false
            // Significant digits (from the first non-zero one) of the integer part and the fraction together, the
            // fraction's digits, and whether the digits so far still make up `magnitude` exactly.
            var digits = 0
            while i < buf.count, isDigit(buf[i]) {
                let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(buf[i] - 0x30))
                magnitude = m2
                overflow = overflow || o1 || o2
                if magnitude != 0 { digits += 1 }
                i += 1
            }
            var isInteger = true
            var fraction = 0
            if i < buf.count, buf[i] == UInt8(ascii: ".") {
                isInteger = false
                i += 1
                guard i < buf.count, isDigit(buf[i]) else { throw fail("expected a digit after '.'") }
                while i < buf.count, isDigit(buf[i]) {
                    if digits < 16 {
                        magnitude = magnitude &* 10 &+ UInt64(buf[i] - 0x30)
                        if magnitude != 0 { digits += 1 }
                        fraction += 1
                    } else {
                        digits = 99
                    }
                    i += 1
                }
            }
            var exponent = false
            if i < buf.count, buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E") {
                isInteger = false
                exponent = true
                i += 1
                if i < buf.count, buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-") { i += 1 }
                guard i < buf.count, isDigit(buf[i]) else { throw fail("expected a digit in the exponent") }
                while i < buf.count, isDigit(buf[i]) { i += 1 }
            }
            if isInteger && !overflow {
                if negative, magnitude <= UInt64(Int.max) + 1 {
                    return .int(magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude))
                }
                if !negative, magnitude <= UInt64(Int.max) { return .int(Int(magnitude)) }
            }
            // A plain decimal (no exponent) of at most 15 significant digits and 22 fraction digits: its digits as an
            // integer below 2^53 and the power of ten are both exact doubles, so the one IEEE division rounds the
            // decimal's exact value correctly, the value `Double(String)` (a correctly rounded conversion) gives.
            if !exponent, !overflow, digits <= 15, fraction <= 22 {
                let q = Double(magnitude) / Cursor.powersOfTen[fraction]
                return .double(negative ? -q : q)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
            guard let d = Double(text) else { throw JSONSyntaxError(offset: start, reason: "bad number") }
            return .double(d)
        }

        /// 10^0 ... 10^22: every one an exact double (10^22 < 2^53 × 2^22 and 5^22 < 2^53).
        static let powersOfTen: [Double] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ]

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard i + 4 <= buf.count else { throw fail("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = buf[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw fail("bad hex digit in \\u escape")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        /// An object's key at the opening quote; `slot` is its place in `keyMemo`, or −1 for one not remembered.
        /// The same string and the same errors as `string()`: a key equal byte for byte to the remembered one (and
        /// closed by a quote right after) is that key, whose bytes were read without escapes and found valid.
        mutating func key(_ slot: Int) throws(JSONSyntaxError) -> String {
            guard slot >= 0 else { return try string() }
            let remembered = keyMemo[slot]
            let n = remembered.count
            let start = i + 1
            if n >= 0, start + n < buf.count, buf[start + n] == UInt8(ascii: "\"") {
                var k = 0
                while k < n, buf[start + k] == buf[remembered.start + k] { k += 1 }
                if k == n {
                    i = start + n + 1
                    return remembered.text
                }
            }
            let text = try string()
            // Without escapes the string's bytes are the document's (any escape makes the text shorter).
            if text.utf8.count == i - 1 - start {
                keyMemo[slot] = KeyMemo(start: start, count: i - 1 - start, text: text)
            }
            return text
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            i += 1  // opening quote
            let start = i
            // Fast path: no escapes. `String(validating:as:)` is the standard library's generic validator (most of
            // the parse's instructions when every string went through it); ASCII needs no validation, so pure ASCII
            // text is taken as is by `String(decoding:as:)` (the same string: nothing to repair in ASCII).
            var high: UInt8 = 0
            while i < buf.count {
                let b = buf[i]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: buf[start..<i])
                    i += 1
                    if high < 0x80 { return String(decoding: slice, as: UTF8.self) }
                    if let s = String(validating: slice, as: UTF8.self) { return s }
                    throw JSONSyntaxError(offset: start, reason: "invalid UTF-8 in a string")
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw fail("control character in a string") }
                high |= b
                i += 1
            }
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: buf[start..<i]))
            while i < buf.count {
                let b = buf[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    if let s = String(validating: out, as: UTF8.self) { return s }
                    throw JSONSyntaxError(offset: start, reason: "invalid UTF-8 in a string")
                }
                if b < 0x20 { throw fail("control character in a string") }
                if b != UInt8(ascii: "\\") {
                    out.append(b)
                    i += 1
                    continue
                }
                i += 1
                guard i < buf.count else { break }
                let e = buf[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate: a low one must follow.
                        guard i + 1 < buf.count, buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") else {
                            throw fail("lone high surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("bad low surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw fail("lone low surrogate in \\u escape")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("bad \\u escape") }
                    out.append(contentsOf: UTF8.encode(u)!)
                default:
                    throw fail("bad escape character")
                }
            }
            throw fail("unterminated string")
        }
    }
}

/// JSON text helpers for writers and messages.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else (Hangul) as is.
    public static func quoted(_ s: String) -> String {
        // Nothing to escape (no quote, backslash or control character: every byte of a longer UTF-8 sequence is
        // ≥ 0x80): the string itself in quotes, as the scalar loop below would copy it.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
