import Foundation
import KoreanText
import Messaging
import Testing
import Vocabulary

/// One list per farm and day: a farm's further requests of the day follow the template's lines, each a heading and
/// its own numbered workers (`FarmerListNotice.more`).
@Suite struct FarmerListSectionTests {
    static func section(_ start: String, _ end: String, task: String, wanted: Int, names: [String])
        -> FarmerListSection
    {
        FarmerListSection(
            start: TimeOfDay(start)!, end: TimeOfDay(end)!, task: task, headcountWanted: wanted,
            workers: names.enumerated().map { i, name in ListedWorker(name: name, phone: "010-\(3000 + i)-\(4400 + i)")
            })
    }

    @Test func furtherRequestsFollowInOrderEachNumberedFromOne() throws {
        var notice = Fixtures.farmerList(workers: 2)
        notice.more = [
            Self.section("13:00", "17:00", task: "포장", wanted: 3, names: ["한가람", "오세영"]),
            Self.section("17:30", "19:00", task: "선별", wanted: 1, names: ["문채원"]),
        ]
        let messages = try MessageComposer().compose(.farmerList(notice))
        #expect(messages.count == 1)
        let lines = messages[0].body.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex(of: "13:00~17:00 포장 2명 배정 (요청 3명)"), "\(lines)")
        let second = try #require(lines.firstIndex(of: "17:30~19:00 선별 1명 배정 (요청 1명)"), "\(lines)")
        // The template's own list (2 workers) comes first, then each section with its workers right below it.
        #expect(lines.firstIndex(of: "2. \(notice.workers[1].name) \(Phone.format(notice.workers[1].phone))")! < first)
        #expect(lines[first + 1] == "1. 한가람 010-3000-4400")
        #expect(lines[first + 2] == "2. 오세영 010-3001-4401")
        #expect(second == first + 3)
        #expect(lines[second + 1] == "1. 문채원 010-3000-4400")
        #expect(lines.count == second + 2, "nothing after the last section: \(lines)")
    }

    @Test func changedListCarriesItsSectionsToo() throws {
        var notice = Fixtures.farmerList(workers: 1)
        notice.more = [Self.section("13:00", "17:00", task: "포장", wanted: 2, names: ["한가람"])]
        let messages = try MessageComposer().compose(.farmerListChange(notice))
        #expect(messages[0].kind == .change)
        #expect(messages[0].body.contains("\n13:00~17:00 포장 1명 배정 (요청 2명)\n1. 한가람 010-3000-4400"))
    }

    @Test func sectionValuesStayOnOneLineAndCP949() throws {
        var notice = Fixtures.farmerList(workers: 1)
        notice.more = [Self.section("13:00", "17:00", task: "포장\n(선별)🍎", wanted: 1, names: ["한\t가람"])]
        let body = try MessageComposer().compose(.farmerList(notice))[0].body
        #expect(body.contains("\n13:00~17:00 포장 (선별) 1명 배정 (요청 1명)\n"), "\(body)")
        #expect(body.contains("\n1. 한 가람 010-3000-4400"), "\(body)")
        #expect(!body.contains("🍎"))
    }

    @Test func longListWithSectionsSplitsAndKeepsEveryWorkerOnce() throws {
        var notice = Fixtures.farmerList(workers: 30)
        let names = (0..<40).map { "NGUYEN VAN SECTION WORKER \($0)" }
        notice.more = [
            Self.section("13:00", "17:00", task: "포장", wanted: 20, names: Array(names[0..<20])),
            Self.section("17:30", "19:00", task: "선별", wanted: 25, names: Array(names[20..<40])),
        ]
        let parts = try MessageComposer().compose(.farmerList(notice))
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { $0.byteCount <= 2_000 })
        let lines = parts.flatMap { $0.body.split(separator: "\n").map(String.init) }
        for name in names {
            #expect(lines.filter { $0.contains(". \(name) 010-") }.count == 1, "\(name) must appear exactly once")
        }
        #expect(lines.filter { $0.hasSuffix("배정 (요청 20명)") }.count == 1)
        #expect(lines.filter { $0.hasSuffix("배정 (요청 25명)") }.count == 1)
    }
}
