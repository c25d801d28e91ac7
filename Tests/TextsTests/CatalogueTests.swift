import Testing

@testable import Texts

/// The catalogues: every key in both languages with the same placeholders, and the language chosen as documented.
@Suite struct CatalogueTests {
    @Test(arguments: Language.allCases)
    func everyKeyHasATemplate(language: Language) {
        let missing = TextKey.allCases.filter { Catalogue.template($0, in: language) == nil }
        #expect(missing.isEmpty, "\(language): no text for \(missing.map(\.rawValue))")
    }

    @Test func placeholdersAreTheSameInBothLanguages() throws {
        for key in TextKey.allCases {
            let ko = try #require(Catalogue.template(key, in: .ko))
            let en = try #require(Catalogue.template(key, in: .en))
            #expect(
                Catalogue.placeholders(ko) == Catalogue.placeholders(en),
                "\(key.rawValue): \(Catalogue.placeholders(ko).sorted()) vs \(Catalogue.placeholders(en).sorted())")
        }
    }

    @Test func noEmptyKoreanTextWhereEnglishHasOne() throws {
        for key in TextKey.allCases {
            let ko = try #require(Catalogue.template(key, in: .ko))
            let en = try #require(Catalogue.template(key, in: .en))
            #expect(ko.isEmpty == en.isEmpty, "\(key.rawValue)")
        }
    }

    @Test func placeholdersAreFilled() {
        let text = Catalogue.text(
            .unfilledHeadline, in: .ko, ["label": "이월 딸기하우스(F012) 7/8 수확", "headcount": 4, "missing": 1])
        #expect(text == "이월 딸기하우스(F012) 7/8 수확: 4명 중 1명 부족")
        #expect(
            Catalogue.text(.unfilledHeadline, in: .en, ["label": "X", "headcount": 4, "missing": 1])
                == "X: 1 of 4 missing")
        #expect(Catalogue.placeholders("{a} and {b}, not { } or {x y}") == ["a", "b"])
    }

    @Test func languageSettings() {
        #expect(Language(setting: "en") == .en)
        #expect(Language(setting: "en_US.UTF-8") == .en)
        #expect(Language(setting: "ko") == .ko)
        #expect(Language(setting: "한국어") == .ko)
        #expect(Language(setting: "fr") == nil)
        #expect(Language.from(environment: [:]) == .ko)
        #expect(Language.from(environment: ["ILSON_LANG": "en"]) == .en)
        #expect(Language.from(environment: ["ILSON_LANG": "xx"]) == .ko)
    }

    @Test func theCurrentLanguageChoosesTheCatalogue() {
        Language.$current.withValue(.ko) { #expect(T(.statusNoShow) == "결근") }
        Language.$current.withValue(.en) { #expect(T(.statusNoShow) == "no-show") }
    }
}
