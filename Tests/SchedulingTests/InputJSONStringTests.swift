import Testing

@testable import Scheduling

/// `JSONParser`'s strings: pure ASCII without escapes takes a fast path (no UTF-8 validation); anything else is still
/// validated, so invalid UTF-8 stays an error and Hangul, escapes and control characters read as before.
@Suite struct InputJSONStringTests {
    static func string(_ bytes: [UInt8]) throws(JSONSyntaxError) -> String? {
        try JSONParser.parse([UInt8(ascii: "[")] + bytes + [UInt8(ascii: "]")]).array?.first?.string
    }

    @Test func asciiHangulAndEscapesRead() throws {
        #expect(try Self.string(Array("\"w0001\"".utf8)) == "w0001")
        #expect(try Self.string(Array("\"\"".utf8)) == "")
        #expect(
            try Self.string(Array("\"a longer ascii string, past the small-string size\"".utf8))
                == "a longer ascii string, past the small-string size")
        #expect(try Self.string([0x22, 0x7F, 0x41, 0x22]) == "\u{7F}A")
        #expect(try Self.string(Array("\"김 농장\"".utf8)) == "김 농장")
        #expect(try Self.string(Array("\"a\\\"b\\u00e9\\uAC00\"".utf8)) == "a\"bé가")
        let value = try JSONParser.parse(Array("{\"id\": \"w1\", \"이름\": \"박\"}".utf8))
        #expect(value.object?["id"]?.string == "w1")
        #expect(value.object?["이름"]?.string == "박")
    }

    @Test func invalidUTF8IsStillAnError() {
        // A lone continuation byte, a truncated two-byte sequence and an overlong encoding of '/': none is UTF-8.
        for bad: [UInt8] in [[0x22, 0x41, 0x80, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            #expect(throws: JSONSyntaxError(offset: 2, reason: "invalid UTF-8 in a string")) {
                try Self.string(bad)
            }
        }
        #expect(throws: JSONSyntaxError.self) { try Self.string([0x22, 0x41, 0x0A, 0x22]) }  // a raw newline
    }
}
