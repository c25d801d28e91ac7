import Testing

@testable import KoreanText

/// The one CSV writer neutralises spreadsheet formulas (OWASP CSV injection): a leading `'` on a cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return; a plain negative number stays a number.
@Suite struct CSVWriterTests {
    @Test(arguments: [
        (#"=HYPERLINK("http://x"&B2,"상세")"#, #""'=HYPERLINK(""http://x""&B2,""상세"")""#),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("-", "'-"),
        ("--x", "'--x"),
        ("-3.", "'-3."),
        ("\tTAB", "'\tTAB"),
        ("\r=1", "\"'\r=1\""),
        ("=1,2", "\"'=1,2\""),
    ])
    func formulaCellsGetALeadingQuote(cell: String, written: String) {
        #expect(CSVWriter.field(cell) == written)
    }

    @Test(arguments: ["-3", "-12.5", "-0", "0", "12", "김영숙", "010-1234-5678", " =x", "a=b", "'=x", ""])
    func otherCellsAreWrittenAsTheyAre(cell: String) {
        #expect(CSVWriter.neutralised(cell) == cell)
    }

    @Test func aDocumentNeutralisesEveryCellHeaderIncluded() {
        let doc = CSVWriter.document(header: ["=name", "score"], rows: [["@evil", "-3"], ["박순자", "+4"]])
        #expect(doc == "'=name,score\n'@evil,-3\n박순자,'+4\n")
    }
}
