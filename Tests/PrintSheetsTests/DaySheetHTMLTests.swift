import Foundation
import PrintSheets
import Testing

/// The day sheets' HTML: well formed, every value escaped, a page per farm and per pickup.
@Suite struct DaySheetHTMLTests {
    @Test func theHTMLOfADemoLikeDayParses() throws {
        let html = DaySheetHTML.render(SampleDay.sheet())
        let result = try HTMLCheck.run(html)
        #expect(result.status == 0, "\(result.output)")
        // Cover, four farms, the no-pickups page.
        #expect(result.output.contains("pages=6"), "\(result.output)")
        #expect(result.output.contains("scripts=0"), "\(result.output)")
    }

    @Test func everyValueIsEscaped() {
        let html = DaySheetHTML.render(SampleDay.sheet(pickups: SamplePickups.pages))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("이월 딸기농장 &amp; &quot;형제&quot;"))
        #expect(html.contains("픽업 06:50 &lt;마을회관&gt;"))
        #expect(html.contains("&lt;거리 15km&gt;"))
        #expect(HTMLText.escape("a'b\u{0007}") == "a&#39;b")
    }

    @Test func theSheetsHoldWhatTheFarmerAndTheDriverNeed() throws {
        let html = DaySheetHTML.render(SampleDay.sheet(pickups: SamplePickups.pages))
        for text in [
            "진천군 농촌인력중개센터 작업 배치표", "2026-05-12 (화)", "미충원 요청", "집결: 07:30 읍내리 마을회관", "110,000원",
            "08:00–17:00", "010-1234-5001", "출근 확인", "서명", "픽업: 06:50 신척리 마을회관", "탑승 확인",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(html.components(separatedBy: "<section class=\"page").count - 1 == 1 + 4 + 2)
        #expect(!html.contains("http://") || !html.contains("<link"))
        #expect(!html.contains("https://"))
    }

    @Test func aDayWithoutPickupDataSaysSo() {
        let html = DaySheetHTML.render(SampleDay.sheet(pickups: nil))
        #expect(html.contains("픽업(차량) 정보가 없습니다"))
    }

    @Test func chartsEscapeLabelsAndMarkTargets() throws {
        let report = ChartReport(
            title: "배치 실적 <월간>", notes: ["기간 & 범위"],
            charts: [
                BarChart(
                    title: "대상자 유형별", unit: "연인원",
                    bars: [.init(label: "고령 <65+>", value: 120, target: 150), .init(label: "청년", value: 30)]),
                BarChart(title: "월별", unit: "연인원", bars: []),
            ])
        let html = report.html()
        #expect(html.contains("고령 &lt;65+&gt;"))
        #expect(html.contains("목표 150"))
        #expect(html.contains("자료 없음"))
        let result = try HTMLCheck.run(html)
        #expect(result.status == 0, "\(result.output)")
    }
}

enum SamplePickups {
    static let pages = [
        DaySheet.PickupPage(
            point: "신척리 마을회관", time: "06:50", van: "센터 1호차",
            riders: [.init(name: "<b>김</b>", phone: "010-1234-5002", farm: "<script>농장")]),
        DaySheet.PickupPage(
            point: "진천터미널", time: "07:00", riders: [.init(name: "박영희", phone: "010-1234-5003", farm: "광혜원 수박")]),
    ]
}

/// Parses HTML with Python's html.parser, strictly: every non-void element closed in order, no script element.
enum HTMLCheck {
    static let script = #"""
        import sys
        from html.parser import HTMLParser
        VOID = {"meta", "br", "link", "img", "hr", "input", "col", "wbr", "area", "base", "source", "track",
                "path", "circle", "line", "rect"}
        class Strict(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack, self.pages, self.scripts, self.errors = [], 0, 0, []
            def handle_starttag(self, tag, attrs):
                if tag == "script": self.scripts += 1
                if tag == "section" and "page" in (dict(attrs).get("class") or ""): self.pages += 1
                if tag not in VOID: self.stack.append((tag, self.getpos()))
            def handle_startendtag(self, tag, attrs):
                pass
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1][0] != tag:
                    self.errors.append("line %d: </%s> does not close %s" % (self.getpos()[0], tag,
                                       self.stack[-1] if self.stack else "anything"))
                    return
                self.stack.pop()
        text = sys.stdin.read()
        if not text.startswith("<!DOCTYPE html>"): print("no doctype"); sys.exit(1)
        p = Strict(); p.feed(text); p.close()
        if p.stack: p.errors.append("unclosed: %s" % p.stack[-3:])
        print("pages=%d scripts=%d" % (p.pages, p.scripts))
        for e in p.errors[:10]: print(e)
        sys.exit(1 if p.errors else 0)
        """#

    static func run(_ html: String) throws -> (status: Int32, output: String) {
        try PythonScript.run(script, stdin: html)
    }
}

/// Pickup rows become one page per time, point and van.
@Suite struct PickupPagesTests {
    @Test func ridesGroupByTimePointAndVan() {
        let rides = [
            PickupPages.Ride(point: "진천터미널", time: "07:00", rider: .init(name: "박", phone: "010-1", farm: "B농장")),
            PickupPages.Ride(
                point: "신척리 마을회관", time: "06:50", van: "1호차", rider: .init(name: "김", phone: "010-2", farm: "A")),
            PickupPages.Ride(point: "진천터미널", time: "07:00", rider: .init(name: "이", phone: "010-3", farm: "A농장")),
        ]
        let pages = PickupPages.pages(rides)
        #expect(pages.map(\.time) == ["06:50", "07:00"])
        #expect(pages[0].van == "1호차" && pages[0].riders.count == 1)
        #expect(pages[1].riders.map(\.name) == ["이", "박"])
        #expect(PickupPages.pages([]).isEmpty)
    }
}
