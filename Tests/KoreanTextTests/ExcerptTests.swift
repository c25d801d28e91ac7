import Testing

@testable import KoreanText

/// `Excerpt.quoted`: how an error message quotes a value a person gave.
@Suite struct ExcerptTests {
    @Test func shortValuesAreQuotedWhole() {
        #expect(Excerpt.quoted("박순자") == "\"박순자\"")
        #expect(Excerpt.quoted("") == "\"\"")
        #expect(Excerpt.quoted(String(repeating: "a", count: 40)) == "\"" + String(repeating: "a", count: 40) + "\"")
    }

    @Test func aLongValueIsCutToFortyColumnsWithItsLength() {
        let huge = String(repeating: "가", count: 5000)
        let quoted = Excerpt.quoted(huge)
        #expect(quoted == "\"" + String(repeating: "가", count: 20) + "…\" (5000 characters)")
        // 10 MB of ASCII comes back as 40 columns and its length, not 10 MB.
        let tenMB = String(repeating: "x", count: 10_000_000)
        let message = Excerpt.quoted(tenMB)
        #expect(message == "\"" + String(repeating: "x", count: 40) + "…\" (10000000 characters)")
    }

    @Test func neverCutsInsideACharacter() {
        // 19 ASCII columns then Hangul (2 columns each): a Hangul that would straddle column 40 is left out whole.
        let mixed = String(repeating: "a", count: 19) + String(repeating: "한", count: 30)
        let quoted = Excerpt.quoted(mixed)
        #expect(
            quoted == "\"" + String(repeating: "a", count: 19) + String(repeating: "한", count: 10)
                + "…\" (49 characters)")
        // A decomposed syllable (ᄒ + ᅡ + ᆫ, one character of three scalars) is kept or dropped whole.
        let decomposed = String(repeating: "a", count: 39) + "\u{1112}\u{1161}\u{11AB}" + "zz"
        let cut = Excerpt.quoted(decomposed)
        #expect(cut.hasPrefix("\"" + String(repeating: "a", count: 39) + "…\""))
        #expect(!cut.unicodeScalars.contains("\u{1112}"))
        // A family emoji (scalars joined by ZWJ) is one character.
        let family = Excerpt.quoted(String(repeating: "b", count: 39) + "👨‍👩‍👧" + "tail")
        #expect(family == "\"" + String(repeating: "b", count: 39) + "…\" (48 characters)")
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(Excerpt.quoted("김\n영숙\t") == #""김\n영숙\t""#)
        #expect(Excerpt.quoted("a\u{1B}b") == #""a\u{1B}b""#)
        #expect(!Excerpt.quoted("a\r\nb").contains("\n"))
    }
}
