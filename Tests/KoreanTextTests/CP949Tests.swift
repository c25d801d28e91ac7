import Testing

@testable import KoreanText

@Suite struct CP949Tests {
    @Test func decodesHangulAndASCII() throws {
        // "김영숙,010" in CP949 (checked against Python's cp949 codec).
        let bytes: [UInt8] = [0xB1, 0xE8, 0xBF, 0xB5, 0xBC, 0xF7, 0x2C, 0x30, 0x31, 0x30]
        #expect(try CP949.decode(bytes) == "김영숙,010")
    }

    @Test func extendedHangulOutsideEUCKR() throws {
        // 똠 and 햏 are in CP949's extended area but not in strict EUC-KR.
        let text = "똠햏뷁"
        let encoded = try #require(CP949.encode(text))
        #expect(encoded.count == 6)
        #expect(try CP949.decode(encoded) == text)
        #expect(CP949.byteCount(text) == 6)
    }

    @Test func byteCountsAsCarriersCount() {
        #expect(CP949.byteCount("abc") == 3)
        #expect(CP949.byteCount("내일 07:00") == 2 * 2 + 1 + 5)
        #expect(CP949.byteCount("") == 0)
        #expect(CP949.byteCount("좋아요👍") == nil)
        #expect(CP949.canEncode("작업: 수박 수확") == true)
    }

    @Test func sanitizeDropsEmojiAndKeepsHangul() {
        let s = CP949.sanitize("내일 뵙겠습니다😀👍🏽!")
        #expect(s == "내일 뵙겠습니다!")
        #expect(CP949.canEncode(s))
        #expect(CP949.sanitize("a\u{0301}b") == "a?b" || CP949.canEncode(CP949.sanitize("a\u{0301}b")))
    }

    @Test func rejectsBytesThatAreNotCP949() {
        #expect(throws: CP949.DecodingError.self) { try CP949.decode([0x41, 0x0A, 0xFF, 0x41]) }
        do {
            _ = try CP949.decode([0x41, 0x0A, 0x0A, 0x80, 0x41])
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.offset == 3)
        }
        // A lead byte at the very end.
        #expect(throws: CP949.DecodingError.self) { try CP949.decode([0xB1]) }
    }
}
