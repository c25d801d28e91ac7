import Testing

@testable import KoreanText

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("김영숙", 6), ("이월 딸기농장", 13), ("", 0), ("ｱ", 1), ("ＡＢ", 4), ("e\u{0301}", 1),
        ("한\u{1161}", 2), ("漢字", 4),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func tableAlignsHangulByDisplayWidth() {
        var t = TextTable(headers: ["이름", "phone", "km"], alignments: [.left, .left, .right])
        t.append(["김영숙", "010-****-5678", "3.2"])
        t.append(["Bui Thi Lan", "010-****-1234", "12.0"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // The phone column starts at the same display column on every line.
        let starts = lines.filter { !$0.hasPrefix("-") }.map { line -> Int in
            let idx = line.range(of: line.contains("010") ? "010" : "phone")!.lowerBound
            return DisplayWidth.of(line[..<idx])
        }
        #expect(Set(starts).count == 1)
        #expect(lines[2].hasPrefix("김영숙       010"))
    }

    @Test func truncateKeepsWidth() {
        let t = DisplayWidth.truncate("진천군 이월면 중산리", to: 9)
        #expect(DisplayWidth.of(t) <= 9)
        #expect(t.hasSuffix("…"))
    }
}
