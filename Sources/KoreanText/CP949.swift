import Foundation

/// Code page 949 (Unified Hangul Code), the encoding of Korean spreadsheets and of the byte counts
/// Korean carriers use for SMS (a Hangul syllable is 2 bytes, ASCII 1).
public enum CP949 {
    /// Why bytes could not be decoded as CP949.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Offset of the first bad byte.
        public var offset: Int
        /// 1-based line of the first bad byte.
        public var line: Int
        public var byte: UInt8
        public var description: String {
            "byte 0x\(String(byte, radix: 16, uppercase: true)) at line \(line) (offset \(offset)) is not valid CP949"
        }
    }

    /// Decodes CP949 bytes into a string.
    ///
    /// - Throws: `DecodingError` naming the line and offset of the first byte that is not CP949.
    public static func decode(_ bytes: some Collection<UInt8>) throws(DecodingError) -> String {
        let input = Array(bytes)
        var units: [UInt16] = []
        units.reserveCapacity(input.count)
        var i = 0
        var line = 1
        while i < input.count {
            let b = input[i]
            if b < 0x80 {
                if b == 0x0A { line += 1 }
                units.append(UInt16(b))
                i += 1
                continue
            }
            guard b >= 0x81, b <= 0xFE, i + 1 < input.count else {
                throw DecodingError(offset: i, line: line, byte: b)
            }
            let t = input[i + 1]
            guard t >= 0x41, t <= 0xFE else { throw DecodingError(offset: i, line: line, byte: b) }
            let u = decodeTable[Int(b - 0x81) * 190 + Int(t - 0x41)]
            guard u != 0 else { throw DecodingError(offset: i, line: line, byte: b) }
            units.append(u)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The bytes this scalar takes in CP949: 1 for ASCII, 2 for what CP949 holds, nil when it cannot be encoded.
    public static func byteCount(of scalar: Unicode.Scalar) -> Int? {
        if scalar.value < 0x80 { return 1 }
        guard scalar.value <= 0xFFFF else { return nil }
        return encodeTable[UInt16(scalar.value)] == nil ? nil : 2
    }

    /// The bytes the text takes in CP949, as Korean carriers count them; nil when any character cannot be encoded.
    public static func byteCount(_ text: String) -> Int? {
        var total = 0
        for s in text.unicodeScalars {
            guard let n = byteCount(of: s) else { return nil }
            total += n
        }
        return total
    }

    /// Whether every character of the text can be encoded in CP949.
    public static func canEncode(_ text: String) -> Bool { byteCount(text) != nil }

    /// Encodes the text in CP949, or nil when a character cannot be encoded.
    public static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if s.value < 0x80 {
                out.append(UInt8(s.value))
                continue
            }
            guard s.value <= 0xFFFF, let code = encodeTable[UInt16(s.value)] else { return nil }
            out.append(UInt8(code >> 8))
            out.append(UInt8(code & 0xFF))
        }
        return out
    }

    /// Makes text sendable to Korean carriers: every character CP949 cannot carry is dropped when it is an
    /// emoji or a joiner/variation selector, and replaced by `replacement` otherwise.
    ///
    /// - Parameters:
    ///   - text: the message text.
    ///   - replacement: what stands in for a character that is not an emoji (default `?`).
    /// - Returns: text that `canEncode` accepts.
    public static func sanitize(_ text: String, replacement: String = "?") -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if byteCount(of: s) != nil {
                out.append(s)
            } else if s.properties.isEmoji || s.properties.isVariationSelector || s.value == 0x200D
                || s.properties.generalCategory == .otherSymbol
            {
                continue
            } else {
                out.append(contentsOf: replacement.unicodeScalars)
            }
        }
        return String(out)
    }

    /// lead 0x81...0xFE × trail 0x41...0xFE → UTF-16 code unit (0 = unmapped).
    static let decodeTable: [UInt16] = {
        let data = Data(base64Encoded: cp949TableBase64, options: .ignoreUnknownCharacters) ?? Data()
        var table = [UInt16](repeating: 0, count: data.count / 2)
        data.withUnsafeBytes { raw in
            for i in 0..<table.count {
                table[i] = UInt16(raw[2 * i]) | (UInt16(raw[2 * i + 1]) << 8)
            }
        }
        return table
    }()

    /// UTF-16 code unit → CP949 code (lead << 8 | trail). The first code wins where two map to one character.
    static let encodeTable: [UInt16: UInt16] = {
        var map: [UInt16: UInt16] = [:]
        map.reserveCapacity(17_100)
        for (i, u) in decodeTable.enumerated() where u != 0 {
            let code = UInt16(0x81 + i / 190) << 8 | UInt16(0x41 + i % 190)
            if map[u] == nil { map[u] = code }
        }
        return map
    }()
}
