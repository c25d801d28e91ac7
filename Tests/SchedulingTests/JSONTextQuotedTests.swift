import Testing

@testable import Scheduling

/// `JSONText.quoted`: a string with nothing to escape is copied whole; on random strings of ASCII, Hangul, quotes,
/// backslashes and control characters the result equals an escaping written here scalar by scalar.
@Suite struct JSONTextQuotedTests {
    /// The expected literal: `"`, `\`, newline, return and tab escaped by name, other controls as `\u00XX`.
    static func reference(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20:
                let hex = Array("0123456789abcdef")
                out += "\\u00" + String(hex[Int(u.value >> 4)]) + String(hex[Int(u.value & 15)])
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    @Test func quotedEqualsTheReference() {
        var rng = SplitMix64(seed: 20)
        let scalars: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "가", "é", "😀", "/", "\u{7F}",
        ]
        for round in 0..<4_000 {
            // Half the strings avoid the characters that need escapes, so both paths run.
            let pool = round % 2 == 0 ? scalars.filter { $0.value >= 0x20 && $0 != "\"" && $0 != "\\" } : scalars
            let length = Int(rng.next() % 30)
            var s = ""
            for _ in 0..<length { s.unicodeScalars.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let quoted = JSONText.quoted(s)
            #expect(quoted == Self.reference(s))
            #expect(Array(quoted.utf8) == Array(Self.reference(s).utf8))
        }
    }
}
