import Testing

@testable import KoreanText

/// CSV reading is strict and names the file's own line: field counts match the header, a NUL byte or a byte
/// that is not valid in the file's encoding is reported on its line, numbers are plain decimals.
@Suite struct CSVStrictnessTests {
    @Test func extraOrMissingTrailingFieldsAreAnErrorNamingTheLine() {
        #expect(throws: CSVDocument.ReadError.fieldCount(line: 3, found: 4, expected: 3)) {
            try CSVDocument(bytes: Array("a,b,c\n1,2,3\n1,2,3,\n".utf8))
        }
        #expect(throws: CSVDocument.ReadError.fieldCount(line: 2, found: 2, expected: 3)) {
            try CSVDocument(bytes: Array("a,b,c\n1,2\n".utf8))
        }
        // A quoted record over three lines before it: the bad record is on line 5 of the file.
        #expect(throws: CSVDocument.ReadError.fieldCount(line: 5, found: 1, expected: 2)) {
            try CSVDocument(bytes: Array("name,note\n\"김\n영\n숙\",x\nonly\n".utf8))
        }
        // Blank lines (and Excel's all-empty rows) are still skipped.
        #expect((try? CSVDocument(bytes: Array("a,b\n1,2\n\n,\n3,4\n".utf8)))?.records.map(\.line) == [2, 5])
    }

    @Test func aNulByteIsReportedOnItsLine() {
        var bytes = Array("a,b\n1,2\n3,".utf8)
        bytes += [0x00] + Array("4\n".utf8)
        #expect(throws: CSVDocument.ReadError.nulByte(line: 3)) { try CSVDocument(bytes: bytes) }
    }

    @Test func anInvalidByteInAUTF8FileIsReportedOnItsOwnLine() {
        // Hangul in UTF-8 on line 2, a bad byte on line 4: the file is UTF-8, the error is on line 4 (today's reader
        // fell back to CP949 and blamed line 2).
        var bytes = Array("이름,전화\n김영숙,010\n박민수,011\n".utf8)
        bytes += [0xFF] + Array("이,012\n".utf8)
        #expect(throws: CSVDocument.ReadError.invalidByte(line: 4, byte: 0xFF, encoding: "UTF-8")) {
            try CSVDocument(bytes: bytes)
        }
        // With a BOM, too.
        #expect(throws: CSVDocument.ReadError.invalidByte(line: 4, byte: 0xFF, encoding: "UTF-8")) {
            try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + bytes)
        }
    }

    @Test func anInvalidByteInACP949FileIsReportedOnItsOwnLine() throws {
        var bytes = try #require(CP949.encode("이름,전화\r\n김영숙,010\r\n박민수,011\r\n"))
        bytes += [0x81, 0x20] + Array(",012\r\n".utf8)
        #expect(throws: CSVDocument.ReadError.invalidByte(line: 4, byte: 0x81, encoding: "CP949")) {
            try CSVDocument(bytes: bytes)
        }
    }

    @Test func aCP949FileThatStartsLikeUTF8IsStillCP949() throws {
        // 캄 is C4 AF in CP949, which is also valid UTF-8 (į): the file is still read as CP949.
        let bytes = try #require(CP949.encode("캄,가\r\n한,김\r\n"))
        let doc = try CSVDocument(bytes: bytes)
        #expect(doc.encoding == .cp949)
        #expect(doc.header == ["캄", "가"])
        #expect(doc.records.map(\.fields) == [["한", "김"]])
    }

    @Test func linesCountLoneCarriageReturnsInsideQuotesToo() throws {
        let doc = try CSVDocument(bytes: Array("a,b\r\"x\ry\",1\r2,3\r".utf8))
        #expect(doc.records.map(\.line) == [2, 4])
    }

    @Test(arguments: ["36.5", "-0.25", "7", "+7", ".5", "7.", "127.4312"])
    func plainDecimalsAreNumbers(text: String) {
        #expect(PlainNumber.decimal(text) == Double(text))
    }

    @Test(arguments: [
        "0x24.8p0", "1e3", "inf", "-inf", "nan", "NaN", "infinity", "", ".", "-", "1.2.3", "1 2", "３６", "1_000", "--1",
        "1-",
    ])
    func everythingElseIsNot(text: String) {
        #expect(PlainNumber.decimal(text) == nil)
    }

    @Test func wholeNumbersAllowThousandsSeparatorsOnly() {
        #expect(PlainNumber.integer("90,000") == 90_000)
        #expect(PlainNumber.integer("-3") == -3)
        #expect(PlainNumber.integer("0x10") == nil)
        #expect(PlainNumber.integer("1e3") == nil)
        #expect(PlainNumber.integer("4.0") == nil)
        #expect(PlainNumber.integer("99999999999999999999") == nil)
    }
}
