import Foundation

/// Writes a ``DaySheet`` as one self-contained, printable HTML file (Korean; every value escaped): the cover (the
/// day, the center, the counts, the unfilled requests with why, the map), one page per farm, one page per pickup
/// point and time (or a page saying there is no pickup data).
public enum DaySheetHTML {
    static func e(_ s: String) -> String { HTMLText.escape(s) }

    /// The whole document.
    public static func render(_ sheet: DaySheet) -> String {
        var body = cover(sheet)
        for farm in sheet.farms { body += farmPage(farm, sheet: sheet) }
        if let pickups = sheet.pickups {
            for p in pickups { body += pickupPage(p, sheet: sheet) }
        } else {
            body += """
                <section class="page pickups-none">
                <h2>차량 픽업</h2>
                <p>이 날짜에는 픽업(차량) 정보가 없습니다. 작업자는 각자 집결지로 갑니다.</p>
                </section>

                """
        }
        return HTMLText.document(title: "\(sheet.centerName) \(dayText(sheet)) 작업 배치표", body: body)
    }

    /// `2026-05-12 (화)`.
    static func dayText(_ sheet: DaySheet) -> String {
        let names = ["월", "화", "수", "목", "금", "토", "일"]
        return "\(sheet.date) (\(names[(sheet.date.isoWeekday - 1) % 7]))"
    }

    static func cover(_ s: DaySheet) -> String {
        var out = "<section class=\"page cover\">\n"
        out += "<h1>\(e(s.centerName)) 작업 배치표</h1>\n"
        out += "<p class=\"meta\">\(e(dayText(s))) · 배치 상태: \(e(s.rosterState))</p>\n"
        out += "<dl class=\"counts\">"
        for (label, value, short) in [
            ("요청", s.requests, false), ("필요 인원", s.wanted, false), ("배치", s.filled, false),
            ("미충원", s.unfilled, s.unfilled > 0),
        ] {
            out += "<div><dt>\(label)</dt><dd\(short ? " class=\"short\"" : "")>\(value)</dd></div>"
        }
        out += "</dl>\n"
        if s.shortages.isEmpty {
            out += "<p>모든 요청이 채워졌습니다.</p>\n"
        } else {
            out += "<h3 class=\"short\">미충원 요청</h3>\n<table class=\"shortages\"><thead><tr><th>농가</th>"
            out += "<th class=\"num\">부족</th><th>이유</th></tr></thead><tbody>\n"
            for x in s.shortages {
                out += "<tr><td>\(e(x.farm))</td><td class=\"num\">\(x.missing)/\(x.headcount)명</td><td>"
                out += x.reasons.map(e).joined(separator: "<br>") + "</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if let map = s.map {
            out += "<figure class=\"map\">\n\(map.svg())</figure>\n"
        } else {
            out += "<p class=\"note\">센터에 시군구가 지정되지 않아 지도를 그리지 않았습니다 (ilson center edit --county).</p>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The opening of a farm's or a pickup's page: its section, its title (HTML), and a line of the day, the center,
    /// the detail (HTML, when there is one) and the count of people.
    static func pageHead(_ kind: String, title: String, sheet: DaySheet, detail: String?, people: String) -> String {
        var out = "<section class=\"page \(kind)\">\n"
        out += "<h2>\(title)</h2>\n"
        out += "<p class=\"meta\">\(e(dayText(sheet))) · \(e(sheet.centerName))"
        if let detail { out += " · \(detail)" }
        out += " · \(people)명</p>\n"
        return out
    }

    /// The first cells of a numbered row of people: the number (from 1), the name and the phone.
    static func personCells(_ index: Int, name: String, phone: String) -> String {
        "<tr><td class=\"num\">\(index + 1)</td><td>\(e(name))</td><td class=\"phone\">\(e(phone))</td>"
    }

    static func farmPage(_ farm: DaySheet.FarmPage, sheet: DaySheet) -> String {
        var out = pageHead(
            "farm", title: e(farm.name), sheet: sheet, detail: farm.village.isEmpty ? nil : e(farm.village),
            people: "\(farm.filled)/\(farm.wanted)")
        for job in farm.jobs {
            var head = "집결: \(job.meetingTime.isEmpty ? job.start : job.meetingTime)"
            if !job.meetingPoint.isEmpty { head += " \(job.meetingPoint)" }
            out += "<h3>\(e(head))</h3>\n<table class=\"job\"><tbody>"
            out += "<tr><th>작업</th><td>\(e(job.task.isEmpty ? "-" : job.task))</td>"
            out += "<th>시간</th><td>\(e(job.start))–\(e(job.end))</td></tr>"
            out += "<tr><th>일당</th><td>\(job.wage.map { "\(HTMLText.grouped($0))원" } ?? "-")</td>"
            out += "<th>인원</th><td>\(job.workers.count)/\(job.headcount)명</td></tr>"
            out += "</tbody></table>\n"
            out += "<table class=\"workers\"><thead><tr><th class=\"num\">번호</th><th>이름</th><th>전화</th>"
            out += "<th>사는 곳</th><th>오는 방법</th><th>출근 확인</th><th>서명</th></tr></thead><tbody>\n"
            for (i, w) in job.workers.enumerated() {
                out += personCells(i, name: w.name, phone: w.phone)
                out += "<td>\(e(w.home))</td><td>\(e(w.ride.isEmpty ? "각자" : w.ride))</td>"
                out += "<td class=\"tick\">□</td><td class=\"sign\"></td></tr>\n"
            }
            let open = max(0, job.headcount - job.workers.count)
            for _ in 0..<open {
                out += "<tr class=\"short\"><td class=\"num\">-</td><td>(미충원)</td><td></td><td></td><td></td>"
                out += "<td class=\"tick\"></td><td class=\"sign\"></td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<p class=\"note\">출근 확인: 도착한 작업자의 □에 ✓ 표시하고 서명을 받아 센터에 돌려주세요.</p>\n"
        out += "</section>\n"
        return out
    }

    static func pickupPage(_ p: DaySheet.PickupPage, sheet: DaySheet) -> String {
        var out = pageHead(
            "pickup", title: "픽업: \(e(p.time)) \(e(p.point))", sheet: sheet,
            detail: p.van.isEmpty ? nil : "차량: \(e(p.van))", people: "\(p.riders.count)")
        out += "<table class=\"riders\"><thead><tr><th class=\"num\">번호</th><th>이름</th><th>전화</th><th>가는 농가</th>"
        out += "<th>탑승 확인</th></tr></thead><tbody>\n"
        for (i, r) in p.riders.enumerated() {
            out += personCells(i, name: r.name, phone: r.phone) + "<td>\(e(r.farm))</td>"
            out += "<td class=\"tick\">□</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
        return out
    }
}
