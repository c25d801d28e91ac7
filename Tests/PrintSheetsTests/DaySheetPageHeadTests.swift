import Foundation
import PrintSheets
import Testing

/// The opening of a farm's and a pickup's page and their numbered rows of people (`DaySheetHTML.pageHead`,
/// `personCells`): the title, then the day, the center, the village or the van when there is one, the count of
/// people; each row the number, the name and the phone, escaped.
@Suite struct DaySheetPageHeadTests {
    static let html = DaySheetHTML.render(SampleDay.sheet(pickups: SamplePickups.pages))
    static let day = "2026-05-12 (화) · 진천군 농촌인력중개센터"

    @Test func aFarmPageOpensWithItsVillageAndItsCount() throws {
        let farm = try #require(SampleDay.sheet().farms.first)
        let head =
            "<section class=\"page farm\">\n<h2>&lt;script&gt;농장</h2>\n<p class=\"meta\">\(Self.day) · "
            + "\(farm.village) · \(farm.filled)/\(farm.wanted)명</p>\n"
        #expect(Self.html.contains(head), "\(head)")
        #expect(
            Self.html.contains(
                "<tr><td class=\"num\">1</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"
                    + "<td class=\"phone\">010-1234-5001</td><td>"))
    }

    @Test func aPickupPageSaysItsVanOnlyWhenItHasOne() {
        #expect(
            Self.html.contains(
                "<section class=\"page pickup\">\n<h2>픽업: 06:50 신척리 마을회관</h2>\n"
                    + "<p class=\"meta\">\(Self.day) · 차량: 센터 1호차 · 1명</p>\n"))
        #expect(
            Self.html.contains(
                "<section class=\"page pickup\">\n<h2>픽업: 07:00 진천터미널</h2>\n<p class=\"meta\">\(Self.day) · 1명</p>\n"))
        #expect(
            Self.html.contains(
                "<tr><td class=\"num\">1</td><td>&lt;b&gt;김&lt;/b&gt;</td><td class=\"phone\">010-1234-5002</td>"
                    + "<td>&lt;script&gt;농장</td>"))
    }
}
