import KoreanText
import Testing

@testable import Messaging

@Suite struct ByteRuleTests {
    /// `(text, CP949 bytes)`: Hangul 2 (똠 햏 뷁 too, which strict EUC-KR lacks), ASCII 1, emoji not encodable.
    @Test(arguments: [
        ("똠햏뷁", 6), ("김똠 010-1234-5678", 18), ("abc 123", 7), ("130,000원", 9), ("12월 1일(화)", 12),
    ])
    func countsLikeCarriers(_ text: String, _ bytes: Int) {
        #expect(CP949.byteCount(text) == bytes)
    }

    @Test func emojiIsNotEncodableAndSanitizeRemovesIt() {
        #expect(CP949.byteCount("사과🍎") == nil)
        #expect(CP949.sanitize("사과🍎 따기") == "사과 따기")
    }

    static func body(hangul: Int, ascii: Int) -> [Template.RenderedLine] {
        [
            Template.RenderedLine(
                text: String(repeating: "햏", count: hangul) + String(repeating: "a", count: ascii), isListEntry: false)
        ]
    }

    @Test func ninetyBytesIsSMSNinetyOneIsLMS() throws {
        let sms = try MessageComposer.pack(Self.body(hangul: 45, ascii: 0), to: "01012345678", kind: .assignment)
        #expect(sms.count == 1 && sms[0].type == .sms && sms[0].byteCount == 90)
        let lms = try MessageComposer.pack(Self.body(hangul: 45, ascii: 1), to: "01012345678", kind: .assignment)
        #expect(lms.count == 1 && lms[0].type == .lms && lms[0].byteCount == 91)
        let odd = try MessageComposer.pack(Self.body(hangul: 44, ascii: 2), to: "01012345678", kind: .assignment)
        #expect(odd[0].type == .sms && odd[0].byteCount == 90)
        #expect(MessageType.fitting(byteCount: 90) == .sms)
        #expect(MessageType.fitting(byteCount: 91) == .lms)
    }

    @Test func twoThousandBytesIsOneLMS() throws {
        let m = try MessageComposer.pack(Self.body(hangul: 1000, ascii: 0), to: "01012345678", kind: .farmerList)
        #expect(m.count == 1 && m[0].type == .lms && m[0].byteCount == 2_000 && m[0].part == nil)
        #expect(MessageType.fitting(byteCount: 2_000) == .lms)
        #expect(MessageType.fitting(byteCount: 2_001) == nil)
    }

    @Test func twoThousandAndOneBytesOnOneLineIsAnError() {
        #expect(throws: ComposeError.self) {
            try MessageComposer.pack(Self.body(hangul: 1000, ascii: 1), to: "01012345678", kind: .farmerList)
        }
    }

    @Test func twoThousandAndOneBytesOnTwoLinesIsSplit() throws {
        let lines = [
            Template.RenderedLine(text: String(repeating: "뷁", count: 500), isListEntry: true),
            Template.RenderedLine(text: String(repeating: "똠", count: 499) + "ab", isListEntry: true),
        ]  // 1000 + 1 + 1000 = 2001 bytes
        let parts = try MessageComposer.pack(lines, to: "01012345678", kind: .farmerList)
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.type == .lms && $0.byteCount <= 2_000 })
        #expect(parts[0].body.hasPrefix("(1/2) "))
        #expect(parts[1].body.hasPrefix("(2/2) "))
        #expect(parts.map(\.byteCount) == parts.map { CP949.byteCount($0.body)! })
    }

    @Test func emojiInBodyIsRemovedBeforeCounting() throws {
        let notice = Fixtures.assignment(farm: "🍎햇살🍎사과농원✨")
        let m = try MessageComposer().compose(.assignment(notice))
        #expect(m.count == 1)
        #expect(m[0].body.contains("햇살사과농원"))
        #expect(CP949.canEncode(m[0].body))
        #expect(m[0].byteCount == CP949.byteCount(m[0].body))
    }

    @Test func shortMixedMessageIsSMS() throws {
        let t = try TemplateSet(overrides: [.cancellation: "{이름}님 {날짜} 취소({사유})"])
        let m = try MessageComposer(templates: t).compose(
            .cancellation(
                CancellationNotice(
                    centerName: "JC", recipientName: "이뷁", recipientPhone: "01011112222", date: Fixtures.date,
                    farmName: "농원", reason: "우천☔")))
        #expect(m[0].body == "이뷁님 12/1(화) 취소(우천)")
        #expect(m[0].type == .sms)
        #expect(m[0].byteCount == 26)
    }
}
