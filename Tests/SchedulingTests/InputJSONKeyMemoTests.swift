import Testing

@testable import Scheduling

/// `JSONParser`'s remembered keys: a sibling object's key equal byte for byte to the one remembered at its depth and
/// position takes that string. Random documents of sibling objects whose keys are prefixes of each other, written
/// with and without escapes, in Hangul, nested past the remembered depths and with more keys than remembered
/// positions, must parse to the tree they were written from; bad keys after remembered ones stay errors.
@Suite struct InputJSONKeyMemoTests {
    /// Keys that are prefixes of each other, empty, Hangul, with a quote, and longer than a small string.
    static let keyPool = [
        "id", "ids", "i", "", "이름", "이", "a\"b", "a\\b", "skills", "skill", "recentDaysWorked", "recentDaysWorkedX",
        "k\u{1}",
    ]

    /// The string as a JSON literal: quotes, backslashes and control characters escaped, and (when `escapeMore`)
    /// every ASCII letter written as a `\u` escape, so its bytes differ from an unescaped key's.
    static func literal(_ s: String, escapeMore: Bool) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" {
                out += "\\\""
            } else if u == "\\" {
                out += "\\\\"
            } else if u.value < 0x20 || (escapeMore && u.isASCII && u.properties.isAlphabetic) {
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// A random object at `depth` and its text; nested objects go past `Cursor.memoDepths`.
    static func object(_ g: inout SplitMix64, depth: Int) -> (JSONValue, String) {
        let count = Int.random(in: 0...(g.next() % 8 == 0 ? 40 : 6), using: &g)
        var keys: [String] = []
        var values: [JSONValue] = []
        var parts: [String] = []
        for _ in 0..<count {
            let key = keyPool[Int.random(in: 0..<keyPool.count, using: &g)]
            let value: JSONValue
            let text: String
            if depth < 11, g.next() % 4 == 0 {
                (value, text) = object(&g, depth: depth + 1)
            } else if g.next() % 2 == 0 {
                let s = keyPool[Int.random(in: 0..<keyPool.count, using: &g)]
                (value, text) = (.string(s), literal(s, escapeMore: false))
            } else {
                let n = Int.random(in: -50...50, using: &g)
                (value, text) = (.int(n), String(n))
            }
            keys.append(key)
            values.append(value)
            parts.append(literal(key, escapeMore: g.next() % 5 == 0) + (g.next() % 2 == 0 ? ":" : " : ") + text)
        }
        return (.object(JSONObject(keys: keys, values: values)), "{" + parts.joined(separator: ",") + "}")
    }

    @Test func siblingsParseToTheTreeTheyWereWrittenFrom() throws {
        for seed in 0..<300 {
            var g = SplitMix64(seed: UInt64(seed) &+ 18_000)
            var items: [JSONValue] = []
            var texts: [String] = []
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                let (value, text) = Self.object(&g, depth: 1)
                items.append(value)
                texts.append(text)
            }
            let parsed = try JSONParser.parse("[" + texts.joined(separator: ", ") + "]")
            #expect(parsed == .array(items), "seed \(seed)")
        }
    }

    @Test func badKeysAfterRememberedOnesAreStillErrors() throws {
        func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(bytes) }
        let head = Array("[{\"ab\":1},{\"ab".utf8)
        // The remembered key's bytes followed by a byte that is not the closing quote: invalid UTF-8, a raw newline,
        // the end of the input.
        #expect(throws: JSONSyntaxError(offset: 12, reason: "invalid UTF-8 in a string")) {
            try parse(head + [0x80] + Array("\":1}]".utf8))
        }
        #expect(throws: JSONSyntaxError(offset: 14, reason: "control character in a string")) {
            try parse(head + [0x0A] + Array("\":1}]".utf8))
        }
        #expect(throws: JSONSyntaxError(offset: 14, reason: "unterminated string")) { try parse(head) }
        // A key that is the remembered one's prefix, and one that extends it.
        #expect(
            try parse(Array("[{\"ab\":1},{\"a\":2},{\"abc\":3},{\"ab\":4}]".utf8))
                == .array([
                    .object(JSONObject(keys: ["ab"], values: [.int(1)])),
                    .object(JSONObject(keys: ["a"], values: [.int(2)])),
                    .object(JSONObject(keys: ["abc"], values: [.int(3)])),
                    .object(JSONObject(keys: ["ab"], values: [.int(4)])),
                ]))
    }
}
