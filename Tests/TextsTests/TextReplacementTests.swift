import Foundation
import Testing

@testable import Texts

/// `Catalogue.replacingAll`, the byte search that fills placeholders, against Foundation's `replacingOccurrences`
/// (what `Catalogue.text` called before) on random texts of Hangul, ASCII and braces.
@Suite struct TextReplacementTests {
    @Test func replacingAllMatchesFoundation() {
        var rng = SeededBytes(state: 18)
        let pieces = ["{", "}", "a", "b", "{a}", "{ab}", "농", "장", " ", "{b}", "ab"]
        let patterns = ["{a}", "{ab}", "{b}", "a", "{", "ab}", "농장"]
        let replacements = ["", "x", "{a}", "7/8 수확", "}{"]
        for _ in 0..<3_000 {
            let length = Int(rng.next() % 14)
            let text = (0..<length).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let pattern = patterns[Int(rng.next() % UInt64(patterns.count))]
            let replacement = replacements[Int(rng.next() % UInt64(replacements.count))]
            #expect(
                Catalogue.replacingAll(pattern, with: replacement, in: text)
                    == text.replacingOccurrences(of: pattern, with: replacement),
                "\(text) / \(pattern) / \(replacement)")
        }
    }

    @Test func textWithoutBracesIsReturnedAsItIs() {
        #expect(Catalogue.text(.statusPresent, in: .ko, ["x": 1]) == "출근")
        #expect(Catalogue.replacingAll("{x}", with: "1", in: "") == "")
    }
}

/// A small seeded generator (SplitMix64) for the test's random texts.
struct SeededBytes {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
