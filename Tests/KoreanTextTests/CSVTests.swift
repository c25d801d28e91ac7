import Testing

@testable import KoreanText

@Suite struct CSVTests {
    let sample =
        "이름,전화번호,기술\r\n김영숙,010-1234-5678,\"harvest;packing\"\r\n\"박, 철수\",01098765432,\"say \"\"hi\"\"\nthere\"\r\n\r\n"

    @Test func readsUTF8WithAndWithoutBOM() throws {
        let plain = try CSVDocument(bytes: Array(sample.utf8))
        let bom = try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(plain.encoding == .utf8)
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.header == ["이름", "전화번호", "기술"])
        #expect(plain.records == bom.records)
        #expect(plain.records.count == 2)
        #expect(plain.records[0].fields == ["김영숙", "010-1234-5678", "harvest;packing"])
        #expect(plain.records[1].fields == ["박, 철수", "01098765432", "say \"hi\"\nthere"])
        #expect(plain.records[0].line == 2)
        #expect(plain.records[1].line == 3)
        #expect(plain.column(["phone", "전화번호"]) == 1)
    }

    @Test func readsCP949() throws {
        let bytes = try #require(CP949.encode(sample))
        let doc = try CSVDocument(bytes: bytes)
        #expect(doc.encoding == .cp949)
        #expect(doc.header == ["이름", "전화번호", "기술"])
        #expect(doc.records[0].fields[0] == "김영숙")
    }

    @Test func lineNumbersCountQuotedNewlines() throws {
        let doc = try CSVDocument(bytes: Array("a,b\n\"x\ny\",1\n\n2,3\n".utf8))
        #expect(doc.records.map(\.line) == [2, 5])
    }

    @Test func badInputSaysWhatIsWrong() {
        #expect(throws: CSVDocument.ReadError.unterminatedQuote(line: 2)) {
            try CSVDocument(bytes: Array("a,b\n\"open,1\n".utf8))
        }
        #expect(throws: CSVDocument.ReadError.empty) { try CSVDocument(bytes: []) }
        #expect(throws: CSVDocument.ReadError.self) { try CSVDocument(bytes: [0x61, 0x0A, 0xFF, 0xFF]) }
    }
}
