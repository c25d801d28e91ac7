import Testing

@testable import KoreanText

@Suite struct PhoneTests {
    @Test(arguments: ["010-1234-5678", "01012345678", " 010 1234 5678 ", "+82 10-1234-5678", "010.1234.5678"])
    func normalizesEveryWrittenForm(_ text: String) {
        #expect(Phone.normalize(text) == "01012345678")
        #expect(Phone.mask(text) == "010-****-5678")
        #expect(Phone.format(text) == "010-1234-5678")
    }

    @Test(arguments: ["02-123-4567", "010-1234-567", "0101234567890", "abc", "", "010-1234-567a", "020-1234-5678"])
    func rejectsNonMobile(_ text: String) {
        #expect(Phone.normalize(text) == nil)
    }

    @Test func tenDigitNumbers() {
        #expect(Phone.normalize("011-123-4567") == "0111234567")
        #expect(Phone.mask("0111234567") == "011-***-4567")
    }

    @Test func maskNeverShowsMoreThanFourDigitsOfAnything() {
        let masked = Phone.mask("02-123-4567")
        #expect(masked == "**-***-4567")
        #expect(!Phone.mask("01012345678").contains("1234"))
    }
}
