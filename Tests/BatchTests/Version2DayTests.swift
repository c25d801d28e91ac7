import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// Issue 16's "done when", through the real binary: one day with every version 2 feature goes from CSV imports
/// (Korean headers) through `roster plan`, `roster approve` and `batch send`; the exported day replays with
/// `ilson solve` to the stored score, and `../shared/tools/score_plan.py` accepts it (when ../shared is there).
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct Version2DayTests {
    static var date: String { Fixtures.day.description }
    static var stayEnd: String { Fixtures.day.adding(days: 30).description }

    static let pickups = """
        이름,마을
        이월 마을회관,이월면 중산리
        """

    static let farms = """
        농가코드,농가명,농업인,농업인전화,마을,차량좌석,승차지점
        F001,이월 딸기농장,이월순,010-9876-5432,이월면 중산리,2,이월 마을회관
        F002,문백 수박농장,박문백,010-3333-4444,문백면 평산리,,
        F003,광혜원 배농장,최광혜,010-5555-1212,광혜원면 광혜원리,,
        """

    static var workers: String {
        """
        이름,전화번호,마을,기술,구분,인력구분,하루최대일수,하루최대분,체류종료일,비자,차량,승차지점,허용농가,가능시작일,가능종료일,가능시작시각,가능종료시각,문자수신동의
        김영숙,010-1234-5678,문백면 평산리,packing,고령,일용,2,,,,있음,,,,,,,y
        박민수,010-2222-3333,진천읍 읍내리,strawberry,신중년,일용,,,,,없음,이월 마을회관,,,,,,y
        이순자,010-7777-8888,광혜원면 광혜원리,weeding,여성,봉사,,240,,,있음,,,,,,,y
        응우옌 반 안,010-5555-6666,문백면 평산리,harvest,외국인,공공형 계절근로,,,\(stayEnd),E-8,있음,,F002,,,,,y
        정미경,010-4444-5555,진천읍 읍내리,packing,일반,일용,,,,,있음,,,\(date),\(date),14:00,18:00,y
        """
    }

    static var requests: String {
        """
        농가코드,날짜,시작,종료,작업,기술,인원,인력구분
        F001,\(date),07:00,11:00,수확,strawberry,1,
        F001,\(date),12:00,16:00,선별,packing,1,
        F002,\(date),07:00,11:00,포장,packing,1,
        F003,\(date),08:00,12:00,제초,weeding,1,봉사
        F002,\(date),13:00,17:00,수확,harvest,1,공공형 계절근로
        """
    }

    @Test func aVersion2DayFromSheetsToMessagesReplaysToItsScore() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let env = IlsonProcess.environment(url: url, provider: provider)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-v2day-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            func file(_ name: String, _ text: String) throws -> String {
                let url = dir.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                return url.path
            }
            func ilson(_ args: [String], status: Int32 = 0) throws -> IlsonProcess.Outcome {
                let out = try IlsonProcess.run(args, environment: env)
                #expect(out.status == status, "\(args.joined(separator: " ")): \(out)")
                return out
            }
            _ = try ilson([
                "center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--sms-sender", "0435391234",
                "--county", "진천군",
            ])
            _ = try ilson(["pickup", "import", try file("pickups.csv", Self.pickups)])
            _ = try ilson(["farm", "import", try file("farms.csv", Self.farms)])
            _ = try ilson(["worker", "import", try file("workers.csv", Self.workers)])
            _ = try ilson(["request", "import", try file("requests.csv", Self.requests)])
            // A bad row is refused with its line and field, nothing written.
            let bad = try ilson(
                [
                    "worker", "import",
                    try file("bad.csv", "이름,전화번호,마을,인력구분\n홍길동,010-9999-0000,진천읍 읍내리,알바\n"),
                ], status: 2)
            #expect(
                bad.stderr.contains("line 2") && bad.stderr.contains("is not a pool") && bad.stderr.contains("알바"),
                "\(bad)")

            let plan = try ilson(["roster", "plan", "--date", Self.date])
            let shown = try ilson(["roster", "show", "--date", Self.date])
            // Each request got its one worker: the rider, the two-job worker (twice), the volunteer, the seasonal.
            let placed: [String: Int] = Dictionary(
                uniqueKeysWithValues: try db.query(
                    """
                    SELECT w.name, count(*) AS n FROM assignments a JOIN workers w ON w.id = a.worker_id
                    WHERE a.status NOT IN ('declined', 'cancelled') GROUP BY w.name
                    """
                ).map { (try $0.decode("name", as: String.self), try $0.decode("n", as: Int.self)) })
            #expect(placed == ["김영숙": 2, "박민수": 1, "이순자": 1, "응우옌 반 안": 1], "\(plan)\n\(shown)")
            // roster show: hours beside the task, the van and pools of a request, who rides.
            for text in ["수확 07:00~11:00", "차량 2석: 이월 마을회관", "인력: 봉사", "이월 마을회관 승차"] {
                #expect(shown.stdout.contains(text), "\(text) in \(shown.stdout)")
            }

            // Export now, then replay: the same score as stored.
            let instance = dir.appendingPathComponent("day.json").path
            let replay = dir.appendingPathComponent("plan.json").path
            _ = try ilson(["export-instance", "--date", Self.date, "--out", instance])
            _ = try ilson(["solve", "--instance", instance, "--out", replay])
            let stored = try db.query("SELECT score_hard, score_medium, score_soft FROM rosters")[0]
            let storedScore = [
                try stored.decode("score_hard", as: Int.self), try stored.decode("score_medium", as: Int.self),
                try stored.decode("score_soft", as: Int.self),
            ]
            let planJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: replay)))
            let score = (planJSON as? [String: Any])?["score"] as? [String: Any]
            #expect([score?["hard"] as? Int, score?["medium"] as? Int, score?["soft"] as? Int] == storedScore)
            let rides = (planJSON as? [String: Any])?["rides"] as? [[String: Any]]
            #expect(rides?.count == 1)
            let exported = try String(contentsOfFile: instance, encoding: .utf8)
            #expect(exported.contains("\"version\": 2") || exported.contains("\"version\":2"))
            if let scorer = Self.scorer {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                p.arguments = ["python3", scorer, instance, replay, "--strict"]
                let out = Pipe()
                p.standardOutput = out
                p.standardError = Pipe()
                try p.run()
                let data = out.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                #expect(p.terminationStatus == 0)
                let s = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["score"] as? [String: Any]
                #expect([s?["hard"] as? Int, s?["medium"] as? Int, s?["soft"] as? Int] == storedScore)
            }

            _ = try ilson(["roster", "approve", "--date", Self.date])
            _ = try ilson(["batch", "send", "--date", Self.date])
            // The year's targets count the day as scheduled, per target group and pool (the volunteer's too).
            let year = String(Fixtures.day.components.year)
            _ = try ilson(["target", "set", "--year", year, "--category", "전체", "--pool", "봉사", "--days", "100"])
            let targets = try ilson(["report", "targets", "--year", year, "--format", "csv"])
            let rows = targets.stdout.split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",").map(String.init)
            }
            let header = rows.first ?? []
            let volunteers = rows.first { $0.count == header.count && $0[2] == "volunteer" }
            func column(_ name: String) -> String? { header.firstIndex(of: name).flatMap { volunteers?[$0] } }
            #expect(column("target") == "100" && column("scheduled") == "1", "\(targets.stdout)")
            // One notice a day per worker, however many jobs; the rider is told where and when.
            let assignments = provider.sentMessages.filter { $0.kind == "assignment" }
            let byRecipient = Dictionary(grouping: assignments, by: \.to)
            #expect(byRecipient.count == 4 && byRecipient.values.allSatisfy { $0.count == 1 })
            let twoJobs = try #require(byRecipient["01012345678"]?.first)
            #expect(twoJobs.body.contains("같은 날:"), "\(twoJobs.body)")
            let rider = try #require(byRecipient["01022223333"]?.first)
            #expect(rider.body.contains("승차: 06:30 이월 마을회관"), "\(rider.body)")
            let farmerLists = provider.sentMessages.filter { $0.kind == "farmer_list" && $0.to == "01098765432" }
            #expect(farmerLists.contains { $0.body.contains("(이월 마을회관 승차)") }, "\(farmerLists.map(\.body))")

            // The van driver's page of the printed day: the stop, its time, the rider and where they go.
            let sheet = FileManager.default.temporaryDirectory.appendingPathComponent("v2-day-\(UUID()).html").path
            defer { try? FileManager.default.removeItem(atPath: sheet) }
            _ = try ilson(["roster", "print", "--date", Self.date, "--out", sheet])
            let html = try String(contentsOfFile: sheet, encoding: .utf8)
            #expect(html.contains("<h2>픽업: 06:30 이월 마을회관</h2>"), "no pickup page")
            let page = html.components(separatedBy: "<section class=\"page pickup\">").dropFirst().joined()
            #expect(page.contains("010-2222-3333") && page.contains("1명"), "\(page.prefix(600))")

            // Nothing stored breaks a legal limit; a stay end moved behind ilson's back is found (exit 1), masked.
            _ = try ilson(["db", "check"])
            try db.query("UPDATE workers SET stay_until = \(Fixtures.day.previous) WHERE name = '응우옌 반 안'")
            let found = try ilson(["db", "check"], status: 1)
            #expect(found.stdout.contains("after the stay end") && found.stdout.contains("010-****-6666"), "\(found)")
            #expect(!found.stdout.contains("010-5555-6666"))
        }
    }

    static var scorer: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/tools/score_plan.py").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
