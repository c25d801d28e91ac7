import Foundation
import Postgres
import TestSupport
import Testing
import Texts

@testable import IlsonCLI

/// The coordinator's commands in the Korean default (no `ILSON_LANG`): `roster show`, `roster explain`,
/// `roster suggest`, `attendance show`, `report placements` and error messages, over a small day with short
/// requests of every common kind, through the real binary. Their output is Korean and names no internal id
/// (`r12`, `f5`, `w3`) and no field name (camelCase); `--lang en` gives English.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct KoreanOutputTests {
    /// `r12`, `f5`, `w3`: the solver's ids.
    static let internalID = try! NSRegularExpression(pattern: #"\b[rfw][0-9]+\b"#)
    /// `minHeadcount`, `maxDaysPerWeek`: field names.
    static let camelCase = try! NSRegularExpression(pattern: #"\b[a-z]+[A-Z][A-Za-z]*\b"#)

    static func matches(_ regex: NSRegularExpression, _ text: String) -> [String] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func theCoordinatorsCommandsAreKoreanWithoutIdsOrFieldNames() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let environment = ["ILSON_TODAY": IlsonChild.today, "ILSON_CONFIG": "/dev/null", "ILSON_LANG": "en"]
            func run(_ arguments: [String]) -> Int32 {
                IlsonCommand.runMain(arguments + ["--database-url", url], environment: environment)
            }
            #expect(run(["center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--county", "진천군"]) == 0)
            #expect(run(["farmer", "add", "--name", "이월농부", "--phone", "010-9876-5432"]) == 0)
            for (code, name) in [("F012", "이월 딸기하우스"), ("F013", "중산리 고추밭")] {
                #expect(
                    run([
                        "farm", "add", "--code", code, "--name", name, "--farmer", "01098765432", "--village",
                        "이월면 중산리",
                    ]) == 0)
            }
            for i in 1...3 {
                #expect(
                    run([
                        "worker", "add", "--name", "수확\(i)", "--phone", "010-1111-000\(i)", "--village", "이월면 중산리",
                        "--skills", "harvest", "--category", "고령",
                    ]) == 0)
            }
            #expect(
                run([
                    "worker", "add", "--name", "포장1", "--phone", "010-2222-0001", "--village", "이월면 중산리",
                    "--skills", "packing",
                ]) == 0)
            func submit(_ farm: String, _ task: String, headcount: Int, min: Int = 1, priority: Int = 1) {
                #expect(
                    run([
                        "request", "submit", "--farm", farm, "--date", "today", "--start", "07:00", "--end", "16:00",
                        "--task", task, "--skills", task, "--headcount", "\(headcount)", "--min", "\(min)",
                    ]) == 0)
                if priority != 1 {
                    let id: Int64 = try! db.query("SELECT max(id) AS id FROM labor_requests")[0].decode("id")
                    #expect(run(["request", "edit", "\(id)", "--priority", "\(priority)", "--reason", "먼저 채움"]) == 0)
                }
            }
            submit("F013", "harvest", headcount: 2, priority: 10)  // takes two of the three harvesters
            submit("F012", "harvest", headcount: 4)  // short: the third harvester only
            submit("F012", "pruning", headcount: 2)  // nobody can prune
            submit("F013", "packing", headcount: 3, min: 3)  // one packer: the minimum is out of reach
            let ids: [Int64] = try db.query("SELECT id FROM labor_requests ORDER BY id").map { try $0.decode("id") }
            #expect(run(["roster", "plan", "--date", "today"]) == 0)

            func ko(_ arguments: [String]) throws -> IlsonChild.Outcome {
                try IlsonChild.run(arguments, url: url, language: "")
            }
            var outputs: [(String, IlsonChild.Outcome)] = []
            for arguments in [
                ["roster", "show", "--date", "today"],
                ["roster", "explain", "--date", "today"],
                ["roster", "explain", "--date", "today", "--request", "#\(ids[1])"],
                ["roster", "suggest", "--date", "today", "--request", "\(ids[1])"],
                ["roster", "suggest", "--date", "today", "--request", "r\(ids[0])"],
            ] {
                outputs.append((arguments.joined(separator: " "), try ko(arguments)))
            }
            #expect(run(["roster", "approve", "--date", "today"]) == 0)
            for arguments in [
                ["attendance", "show", "--date", "today"],
                ["report", "placements", "--from", "today", "--to", "tomorrow"],
                ["report", "placements", "--from", "today", "--to", "tomorrow", "--by", "farm"],
                ["report", "placements", "--from", "today", "--to", "tomorrow", "--by", "town"],
                // Errors a coordinator meets.
                ["roster", "explain", "--date", "today", "--request", "#999999"],
                ["roster", "suggest", "--date", "today", "--request", "abc"],
                ["roster", "assign", "--date", "today", "--request", "\(ids[1])", "--worker", "010-1111-0001"],
                ["roster", "approve", "--date", "today"],
                ["roster", "plan", "--date", "2026-11-30"],
                ["attendance", "show", "--date", "tomorrow"],
                // Registry errors.
                [
                    "farm", "add", "--code", "F012", "--name", "또 딸기", "--farmer", "01098765432", "--village",
                    "이월면 중산리",
                ],
                ["worker", "add", "--name", "오타", "--phone", "010-12", "--village", "이월면 중산리"],
                ["farmer", "add", "--name", "이월농부", "--phone", "010-9876-5432"],
                ["request", "edit", "\(ids[0])", "--headcount", "3"],
                [
                    "request", "submit", "--farm", "F012", "--date", "2026-11-30", "--start", "07:00", "--end",
                    "16:00", "--task", "harvest", "--headcount", "2",
                ],
                [
                    "request", "submit", "--farm", "F099", "--date", "내일", "--start", "07:00", "--end", "16:00",
                    "--task", "harvest", "--headcount", "2",
                ],
                [
                    "request", "submit", "--farm", "F012", "--date", "today", "--start", "07:00", "--end", "16:00",
                    "--task", "수확", "--headcount", "1",
                ],
            ] {
                outputs.append((arguments.joined(separator: " "), try ko(arguments)))
            }
            // ILSON_TEST_DUMP=file keeps what the commands printed, for a person to read.
            if let dump = ProcessInfo.processInfo.environment["ILSON_TEST_DUMP"] {
                let all = outputs.map { "$ ilson \($0.0)\n\($0.1.stdout)\($0.1.stderr)" }.joined(separator: "\n")
                try all.write(toFile: dump, atomically: true, encoding: .utf8)
            }
            for (command, o) in outputs {
                let text = o.stdout + o.stderr
                #expect(!text.isEmpty, "\(command)")
                #expect(
                    Self.matches(Self.internalID, text).isEmpty,
                    "\(command): \(Self.matches(Self.internalID, text))\n\(o)")
                #expect(
                    Self.matches(Self.camelCase, text).isEmpty,
                    "\(command): \(Self.matches(Self.camelCase, text))\n\(o)")
                #expect(
                    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(command): no Hangul\n\(o)"
                )
            }
            let text = Dictionary(outputs.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            let show = try #require(text["roster show --date today"])
            #expect(show.stdout.contains("#\(ids[1])") && show.stdout.contains("4명 중 3명 부족"), "\(show)")
            #expect(show.stdout.contains("이월 딸기하우스(F012) 12/1 수확"), "\(show)")
            let explain = try #require(text["roster explain --date today"])
            // The short harvest request: two of the three harvesters are at the other farm, named by number.
            #expect(explain.stdout.contains("그중 2명은 같은 날 다른 농가에 배치됨(#\(ids[0]) 중산리 고추밭 수확 2명)"), "\(explain)")
            #expect(explain.stdout.contains("전정 가능한 인력이 없음") && !explain.stdout.contains("pruning"), "\(explain)")
            #expect(explain.stdout.contains("최소 3명이 함께 와야 하는데"), "\(explain)")
            let suggest = try #require(text["roster suggest --date today --request \(ids[1])"])
            #expect(suggest.status == 0 && suggest.stdout.contains("#\(ids[1])"), "\(suggest)")
            let old = try #require(text["roster suggest --date today --request r\(ids[0])"])
            #expect(old.status == 0, "r48 is still accepted: \(old)")
            let missing = try #require(text["roster explain --date today --request #999999"])
            #expect(missing.status == 2 && missing.stderr.contains("#999999"), "\(missing)")
            let bad = try #require(text["roster suggest --date today --request abc"])
            #expect(bad.status == 2 && bad.stderr.contains("요청 번호가 아닙니다"), "\(bad)")
            let past = try #require(text["roster plan --date 2026-11-30"])
            #expect(past.status == 2 && past.stderr.contains("지난 날"), "\(past)")
            let report = try #require(text["report placements --from today --to tomorrow"])
            #expect(report.stdout.contains("고령") && report.stdout.contains("합계"), "\(report)")
            for (command, expected) in [
                ("farm add --code F012", "이미 있습니다"), ("worker add --name 오타", "휴대전화 번호가 아닙니다"),
                ("farmer add --name 이월농부", "이미 있습니다"), ("request edit", "배치표가 승인됨 상태입니다"),
                ("request submit --farm F012 --date 2026-11-30", "지난 날짜입니다"),
                ("request submit --farm F099", "센터에 없습니다"),
            ] {
                let o = try #require(text.first { $0.key.hasPrefix(command) }?.value, "\(command)")
                #expect(o.status != 0 && o.stderr.contains(expected), "\(command): \(o)")
            }
            // The same request again: named as shown (#48), its task by the catalogue's name.
            let again = try #require(
                text["request submit --farm F012 --date today --start 07:00 --end 16:00 --task 수확 --headcount 1"])
            #expect(
                again.status == 2 && again.stderr.contains("요청 #\(ids[1])") && again.stderr.contains("수확을(를)"),
                "\(again)")
            let attendance = try #require(text["attendance show --date today"])
            #expect(attendance.status == 0 && attendance.stdout.contains("수확1"), "\(attendance)")

            // The same in English, on request.
            let english = try IlsonChild.run(
                ["roster", "explain", "--date", "today", "--lang", "en"], url: url, language: "")
            #expect(english.stdout.contains("of them work for other farms that day"), "\(english)")
            #expect(Self.matches(Self.internalID, english.stdout).isEmpty, "\(english)")
        }
    }

    /// One command of `theRegistryAndAdminCommandsAreKorean`: what it must say in Korean and what it said in English.
    struct Case {
        var arguments: [String]
        var status: Int32 = 0
        var korean: [String]
        var english: [String]
    }

    /// The registry, database, user, reply, request and audit commands in the Korean default: their messages,
    /// table headers and errors are Korean (the old English absent), name no internal id or field name; the
    /// database's unreachable and bad-URL errors too. Each output is checked in order, never looked up by prefix.
    @Test func theRegistryAndAdminCommandsAreKorean() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let cases: [Case] = [
                Case(
                    arguments: ["db", "migrate"], korean: ["데이터베이스 구조가 최신입니다", "데이터베이스:"],
                    english: ["schema is up to date"]),
                Case(arguments: ["db", "status"], korean: ["적용됨", "최신입니다"], english: ["up to date", "applied"]),
                Case(
                    arguments: ["center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--county", "진천군"],
                    korean: ["센터 JC 진천군 농촌인력중개센터 등록 (번호 "], english: ["added", "(id "]),
                Case(
                    arguments: ["center", "list"], korean: ["코드", "문자 발신번호", "시군"], english: ["sms sender", "county"]),
                Case(arguments: ["center", "edit"], status: 2, korean: ["바꿀 것이 없습니다"], english: ["nothing to change"]),
                Case(
                    arguments: ["farmer", "add", "--name", "이월농부", "--phone", "010-9876-5432"],
                    korean: ["농업인 이월농부 010-****-5432 등록"], english: ["added"]),
                Case(
                    arguments: [
                        "farm", "add", "--code", "F012", "--name", "이월 딸기하우스", "--farmer", "01098765432", "--village",
                        "이월면 중산리",
                    ], korean: ["농가 F012 이월 딸기하우스 등록", "농업인 이월농부"], english: ["added", "farmer "]),
                Case(arguments: ["farm", "list"], korean: ["농업인", "집결지"], english: ["meeting point", "farmer"]),
                Case(arguments: ["farmer", "list"], korean: ["번호", "이월농부"], english: ["phone"]),
                Case(
                    arguments: [
                        "worker", "add", "--name", "수확1", "--phone", "010-1111-0001", "--village", "이월면 중산리",
                        "--skills", "harvest",
                    ], korean: ["인력 수확1 010-****-0001 등록 (번호 "], english: ["added", "worker "]),
                Case(
                    arguments: ["worker", "list"], korean: ["최대 km", "허용 농가", "인력 1명", "  예"],
                    english: ["worker(s)", "days/wk"]),
                Case(
                    arguments: ["worker", "show", "010-1111-0001"], korean: ["가능한 날: 매일", "기록: 일한 날 0일"],
                    english: ["availability: every day", "record:"]),
                Case(
                    arguments: [
                        "worker", "availability", "010-1111-0001", "--dates", "2026-12-05..2026-12-06", "--off",
                    ],
                    korean: ["쉼 2026-12-05..2026-12-06 기록함"], english: ["recorded", "off"]),
                Case(
                    arguments: ["worker", "availability", "010-1111-0001", "--dates", "2026-11-02..2026-11-03"],
                    status: 2, korean: ["지난 날입니다"], english: ["in the past"]),
                Case(
                    arguments: ["worker", "add", "--name", "또", "--phone", "010-1111-0001", "--village", "이월면 중산리"],
                    status: 2, korean: ["센터에 이미 있습니다 (번호 "], english: ["already exists"]),
                Case(arguments: ["user", "list"], korean: ["로그인", "만든 사람"], english: ["created by", "login"]),
                Case(arguments: ["user", "whoami"], korean: [":"], english: ["superuser", "no ilson user"]),
                Case(
                    arguments: ["replies", "list", "--date", "today"], korean: ["사람이 봐야 할 회신 없음"],
                    english: ["no replies"]),
                Case(
                    arguments: ["replies", "settings"], korean: ["답 안내", "마감 전날", "자동 채움"],
                    english: ["answer prompt", "evening before"]),
                Case(
                    arguments: [
                        "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end",
                        "16:00",
                        "--task", "수확", "--headcount", "2",
                    ], korean: ["작업 묶음", "요청 1건", "  요청 #"], english: ["request(s)", "job "]),
                Case(
                    arguments: ["report", "placements", "--from", "tomorrow", "--to", "today"], status: 2,
                    korean: ["보다 앞입니다"], english: ["is before"]),
                Case(arguments: ["audit", "show"], status: 2, korean: ["무엇을 볼지"], english: []),
                Case(
                    arguments: ["audit", "show", "--farm", "F012"], korean: ["변경 기록", "농가 등록", "바뀐 내용"],
                    english: ["farm added", "change"]),
                Case(
                    arguments: ["pickup", "add", "--name", "이월 마을회관", "--village", "이월면 중산리"],
                    korean: ["승차 지점 이월 마을회관 등록"], english: ["pickup point"]),
                Case(arguments: ["pickup", "list"], korean: ["위도", "경도"], english: ["latitude"]),
                Case(arguments: ["pickup", "farm", "--farm", "F012"], korean: ["농가 F012 차량: 없음"], english: ["van"]),
                Case(
                    arguments: ["center", "policy", "show"], korean: ["우선순위 정책 (기본값)", "요청의 우선순위 = 기본"],
                    english: ["priority policy", "the default"]),
                Case(
                    arguments: ["target", "set", "--year", "2027", "--category", "고령", "--days", "900"],
                    korean: ["2027년 목표: 고령 · 전체 연인원 900일"], english: ["worker-days"]),
                Case(arguments: ["target", "list"], korean: ["목표 연인원", "목표 1건"], english: ["target(s)"]),
                Case(
                    arguments: ["report", "targets", "--year", "2027"], korean: ["2027년 목표 대비 실적", "실적(출근)", "미기록"],
                    english: ["done against", "unrecorded"]),
                Case(arguments: ["task", "list"], korean: ["요청 수", "작업 "], english: ["task(s)"]),
                Case(
                    arguments: ["farm", "show", "F012"], korean: ["농가 F012 이월 딸기하우스", "  농업인: 이월농부", "  위치: "],
                    english: ["farmer:", "place:"]),
                Case(arguments: ["db", "check"], korean: ["이상 없음"], english: ["all clear"]),
                Case(
                    arguments: ["worker", "deactivate", "010-1111-0001"], korean: ["수확1 010-****-0001 (번호 1) 비활성화"],
                    english: ["deactivated"]),
                Case(
                    arguments: ["worker", "deactivate", "010-1111-0001"], status: 2, korean: ["이미 비활성입니다"],
                    english: ["already inactive"]),
            ]
            var outcomes: [(Case, IlsonChild.Outcome)] = []
            for c in cases {
                outcomes.append((c, try IlsonChild.run(c.arguments, url: url, language: "")))
            }
            let request: Int64 = try db.query("SELECT max(id) AS id FROM labor_requests")[0].decode("id")
            outcomes.append(
                (
                    Case(
                        arguments: ["request", "show", "#\(request)"],
                        korean: ["요청 #\(request)", "아직 배치하지 않음", "인원 2명"],
                        english: ["not planned yet", "headcount"]),
                    try IlsonChild.run(["request", "show", "#\(request)"], url: url, language: "")
                ))
            // The database out of reach, or its URL malformed: ilson's sentence is Korean around libpq's own words.
            outcomes.append(
                (
                    Case(
                        arguments: ["center", "list"], status: 3, korean: ["데이터베이스에 연결할 수 없습니다"],
                        english: ["cannot reach"]),
                    try IlsonChild.run(["center", "list"], url: "postgresql://ilson@127.0.0.1:1/none", language: "")
                ))
            // ILSON_TEST_DUMP=file keeps what the commands printed, for a person to read.
            if let dump = ProcessInfo.processInfo.environment["ILSON_TEST_DUMP"] {
                let all = outcomes.map {
                    "$ ilson \($0.0.arguments.joined(separator: " "))\n\($0.1.stdout)\($0.1.stderr)"
                }
                try all.joined(separator: "\n").write(toFile: dump + ".registry", atomically: true, encoding: .utf8)
            }
            for (c, o) in outcomes {
                let command = c.arguments.joined(separator: " ")
                let text = o.stdout + o.stderr
                #expect(o.status == c.status, "\(command): \(o)")
                for words in c.korean { #expect(text.contains(words), "\(command): no \(words)\n\(o)") }
                for words in c.english { #expect(!text.contains(words), "\(command): still \(words)\n\(o)") }
                #expect(
                    Self.matches(Self.internalID, text).isEmpty, "\(command): \(Self.matches(Self.internalID, text))")
                #expect(Self.matches(Self.camelCase, text).isEmpty, "\(command): \(Self.matches(Self.camelCase, text))")
                #expect(
                    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(command): no Hangul\n\(o)"
                )
            }
            // The same commands in English, on request: today's words.
            for (arguments, english) in [
                (["center", "list"], "sms sender"), (["db", "status"], "up to date"),
                (["replies", "settings"], "answer prompt"), (["worker", "list", "--all"], "worker(s)"),
                (["request", "show", "#\(request)"], "not planned yet"), (["target", "list"], "1 target(s)"),
                (["report", "targets", "--year", "2027"], "done (attended)"), (["task", "list"], "task(s)"),
            ] {
                let o = try IlsonChild.run(arguments + ["--lang", "en"], url: url, language: "")
                #expect(o.status == 0 && o.stdout.contains(english), "\(arguments): \(o)")
            }
        }
    }

    /// `--help` of the commands whose discussion was English: Korean by default, English with `--lang en`.
    @Test func helpIsKoreanByDefault() throws {
        for (command, korean, english) in [
            (["roster", "cancel"], "한 트랜잭션에서", "In one transaction"),
            (["batch", "send"], "멱등 키", "idempotency key"),
            (["worker", "import"], "모든 줄을 먼저 확인합니다", "Every row is checked first"),
            (["task", "add"], "사람은 이름을 적고", "People type the name"),
            (["user", "add"], "자 이상이어야 합니다", "characters. Login names"),
            // Options and abstracts too.
            (["roster", "replace"], "대신할 인력: 전화번호나 번호", "The replacement: phone or id"),
            (["request", "submit"], "원하는 인원", "People wanted"),
            (["target", "set"], "연간 목표를 정합니다", "Set a yearly target"),
        ] {
            let ko = try IlsonChild.run(command + ["--help"], url: "postgresql:///none", language: "")
            #expect(ko.stdout.contains(korean) && !ko.stdout.contains(english), "\(command): \(ko)")
            #expect(!ko.stdout.contains("{kind}") && !ko.stdout.contains("{min}"), "\(ko)")
            let en = try IlsonChild.run(command + ["--help", "--lang", "en"], url: "postgresql:///none", language: "")
            #expect(en.stdout.contains(english), "\(command): \(en)")
        }
    }

    @Test func aRequestIsTypedAsItIsShown() throws {
        #expect(try RequestNumber.parse("48") == 48)
        #expect(try RequestNumber.parse("#48") == 48)
        #expect(try RequestNumber.parse("r48") == 48)
        for bad in ["", "#", "r", "48a", "-3", "0", "f48", "# 48"] {
            #expect(throws: (any Error).self, "\(bad)") { try RequestNumber.parse(bad) }
        }
    }

    @Test func theLanguageIsChosenByFlagThenEnvironment() {
        let (l1, rest1) = LanguageOption.take(
            from: ["roster", "show", "--lang", "en", "--date", "x"], environment: [:])
        #expect(l1 == .en && rest1 == ["roster", "show", "--date", "x"])
        let (l2, rest2) = LanguageOption.take(from: ["--lang=ko", "roster"], environment: ["ILSON_LANG": "en"])
        #expect(l2 == .ko && rest2 == ["roster"])
        #expect(LanguageOption.take(from: ["roster"], environment: ["ILSON_LANG": "ko"]).0 == .ko)
        #expect(LanguageOption.take(from: ["roster"], environment: ["ILSON_LANG": "en"]).0 == .en)
        // An unknown value stays for the parser to refuse.
        #expect(LanguageOption.take(from: ["--lang", "fr"], environment: [:]).1 == ["--lang", "fr"])
    }
}
