import Foundation
import KoreanText
import Postgres
import SMSFakeProvider
import Testing

/// Issue 15's done-when, through the real binary and in Korean (the default): a center for 괴산군 set up as the
/// README says, its sheets in CP949 with Korean headers, 괴산군's village names and Korean task and skill names;
/// it plans, explains, approves, sends (over loopback to the fake provider) and reports by 읍면 with 괴산군's own
/// towns and the counts the sheets imply. Two counties of two other provinces (완주군, 하동군) resolve their
/// villages by short name and a neighbour's by full address.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct AnotherCountyDayTests {
    static let today = "2026-12-01"
    static let tomorrow = "2026-12-02"

    /// The environment of a Korean-default run: no `ILSON_LANG`, today fixed, the fake provider as gateway.
    static func environment(url: String, provider: FakeSMSProvider? = nil) -> [String: String] {
        IlsonProcess.environment(url: url, provider: provider, extra: ["ILSON_LANG": "", "ILSON_TODAY": today])
    }

    /// A sheet as Excel on Korean Windows saves it: CP949, CRLF line ends.
    static func cp949Sheet(_ lines: [String]) throws -> String {
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let bytes = try #require(CP949.encode(text))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// `\b[rfw][0-9]+\b`: an internal id (`r12`, `f5`, `w3`).
    static func internalIDs(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"\b[rfw][0-9]+\b"#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func goesanFromTheReadmeAloneImportsPlansSendsAndReportsByItsTowns() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let env = Self.environment(url: url, provider: provider)
            func ilson(_ arguments: [String]) throws -> IlsonProcess.Outcome {
                try IlsonProcess.run(arguments, environment: env)
            }
            let center = try ilson([
                "center", "add", "--code", "GS", "--name", "괴산군 농촌인력중개센터", "--sms-sender", "0438301234",
                "--county", "괴산군",
            ])
            #expect(center.status == 0, "\(center)")
            let list = try ilson(["center", "list"])
            #expect(list.stdout.contains("충청북도 괴산군"), "\(list)")

            // 농가: 괴산읍, 감물면 and 칠성면, named as the coordinator writes them.
            let farms = try Self.cp949Sheet([
                "농가코드,농가명,농업인,농업인전화,마을,주소,집결지,집결시간",
                "G001,동부리 사과농장,김사과,010-5000-0001,동부리,충북 괴산군 괴산읍 동부리 12,동부리 마을회관,06:30",
                "G002,감물 고추밭,이고추,010-5000-0002,감물면 오성리,,오성리 회관 앞,06:40",
                "G003,칠성 배과수원,박배나무,1050000003,칠성면 도정리,,,",
            ])
            // 인력: four of 괴산읍 (a bare 리, one named with its 읍 since 신기리 is also in 문광면), three of
            // 감물면, two of 칠성면, and one across the border in 음성군 by full address. Excel lost a leading zero.
            let workers = try Self.cp949Sheet([
                "이름,전화번호,마을,기술,구분,최대이동거리,문자수신동의",
                "김영숙,010-6000-0001,동부리,수확,고령,30,예",
                "박순자,010-6000-0002,괴산읍 서부리,수확;포장,고령,30,예",
                "최말순,1060000003,괴산읍 신기리,수확,여성,30,예",
                "정옥자,010-6000-0004,동부리,포장,고령,30,예",
                "이춘자,010-6000-0005,오성리,수확,고령,30,예",
                "한복순,010-6000-0006,감물면 오창리,수확,일반,30,예",
                "오금순,010-6000-0007,이담리,수확,고령,30,아니오",
                "윤말녀,010-6000-0008,칠성면 도정리,수확,고령,30,예",
                "강분이,010-6000-0009,사평리,포장,여성,30,예",
                "서영희,010-6000-0010,충청북도 음성군 금왕읍 무극리,제초,일반,30,예",
            ])
            // 작업 요청 for tomorrow: 수확 4 and 포장 2 at G001 (two requests of one farm), 수확 3 at G002, and 전정
            // at G003 that nobody can do.
            let requests = try Self.cp949Sheet([
                "농가코드,날짜,시작,종료,작업,기술,인원,최소인원,일당",
                "G001,\(Self.tomorrow),07:00,16:00,수확,수확,4,1,\"130,000\"",
                // The day as a coordinator types it: in full, as Excel shows a date cell, by month and day, 내일.
                "G001,12/2,08:00,12:00,포장,포장,2,1,\"70,000\"",
                "G002,2026. 12. 2.,7:00,16:00:00,수확,수확,3,1,\"130,000\"",
                "G003,내일,07:00,16:00,전정,전정,2,1,\"150,000\"",
            ])
            defer { for f in [farms, workers, requests] { try? FileManager.default.removeItem(atPath: f) } }
            for (kind, file) in [("farm", farms), ("worker", workers), ("request", requests)] {
                let imported = try ilson([kind, "import", file])
                #expect(imported.status == 0, "\(kind): \(imported)")
                #expect(imported.stdout.contains("CP949"), "\(kind): \(imported)")
            }
            let stored: [String] = try db.query("SELECT village FROM workers ORDER BY phone").map {
                try $0.decode("village")
            }
            #expect(stored.first == "괴산읍 동부리" && stored.contains("충청북도 음성군 금왕읍 무극리"), "\(stored)")
            let tasks: [String] = try db.query("SELECT task FROM labor_requests ORDER BY id").map {
                try $0.decode("task")
            }
            #expect(tasks == ["harvest", "packing", "harvest", "pruning"], "stored as the catalogue's codes")

            let plan = try ilson(["roster", "plan", "--date", "내일"])
            #expect(plan.status == 0 || plan.status == 1, "\(plan)")
            let show = try ilson(["roster", "show", "--date", "내일"])
            #expect(show.status == 0 || show.status == 1, "\(show)")
            #expect(show.stdout.contains("G001 동부리 사과농장") && show.stdout.contains("수확 07:00~16:00"), "\(show)")
            let explain = try ilson(["roster", "explain", "--date", "내일"])
            // The 전정 request: named by its Korean task and skill, never the code.
            #expect(explain.stdout.contains("칠성 배과수원(G003)") && explain.stdout.contains("전정"), "\(explain)")
            #expect(!explain.stdout.contains("pruning"), "\(explain)")
            for outcome in [plan, show, explain] {
                #expect(Self.internalIDs(outcome.stdout + outcome.stderr).isEmpty, "\(outcome)")
            }
            let approve = try ilson(["roster", "approve", "--date", "내일"])
            #expect(approve.status == 0 || approve.status == 1, "\(approve)")

            let send = try ilson(["batch", "send", "--date", "내일"])
            #expect(send.status == 0, "\(send)")
            let sent = provider.sentMessages
            let assignments = sent.filter { $0.kind == "assignment" }
            // Nine placed, eight with SMS consent; 오금순 is to be phoned.
            #expect(assignments.count == 8, "\(sent.map(\.body))")
            #expect(send.stdout.contains("010-****-0007"), "\(send)")
            #expect(assignments.allSatisfy { $0.from == "0438301234" })
            let kim = try #require(assignments.first { $0.to == "01060000001" })
            #expect(kim.body.contains("작업: 수확") && kim.body.contains("13만원"), "\(kim.body)")
            #expect(!sent.contains { $0.body.contains("harvest") || $0.body.contains("packing") })
            // The farmer's list: one message per farm and day, both of G001's requests on it.
            let lists = sent.filter { $0.kind == "farmer_list" }
            #expect(lists.map(\.to).sorted() == ["01050000001", "01050000002"], "\(lists.map(\.body))")
            let g001 = try #require(lists.first { $0.to == "01050000001" })
            #expect(g001.body.contains("수확") && g001.body.contains("포장"), "\(g001.body)")
            #expect(g001.body.contains("010-6000-0004") || g001.body.contains("010-6000-0009"), "\(g001.body)")
            // A second run sends nothing again.
            let again = try ilson(["batch", "send", "--date", "내일"])
            #expect(again.status == 0 && provider.sentCount == sent.count, "\(again)")

            // By 읍면: 괴산군's towns, each with the workers the sheet put there; nobody credited elsewhere.
            let table = try ilson(["report", "placements", "--from", "내일", "--to", "내일", "--by", "town"])
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.contains("괴산읍") && table.stdout.contains("감물면"), "\(table)")
            #expect(Self.internalIDs(table.stdout).isEmpty, "\(table)")
            let csv = try ilson([
                "report", "placements", "--from", "12/2", "--to", "12월 2일", "--by", "town", "--format", "csv",
            ])
            #expect(csv.status == 0, "\(csv)")
            let rows = csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = try #require(rows.first)
            let group = try #require(header.firstIndex(of: "group"))
            let scheduled = try #require(header.firstIndex(of: "scheduled"))
            var byTown: [String: String] = [:]
            for row in rows.dropFirst() where row.count == header.count { byTown[row[group]] = row[scheduled] }
            // Every 읍면 of 괴산군 is listed (11), and only those: 4, 3 and 2 where the sheet put the workers.
            let goesanTowns: Set = ["괴산읍", "감물면", "장연면", "연풍면", "칠성면", "문광면", "청천면", "청안면", "사리면", "소수면", "불정면"]
            #expect(Set(byTown.keys) == goesanTowns.union(["total"]), "\(csv.stdout)")
            #expect(byTown.filter { $0.value != "0" } == ["괴산읍": "4", "감물면": "3", "칠성면": "2", "total": "9"])
            let total = try #require(rows.last)
            #expect(
                total[header.firstIndex(of: "wanted")!] == "11" && total[header.firstIndex(of: "unfilled")!] == "2",
                "\(csv.stdout)")
        }
    }

    /// 완주군 (전북특별자치도, 전라북도 in the data) and 하동군 (경상남도): a center for each resolves its own villages
    /// by short name, with the 읍면, and a neighbouring county's by full address.
    @Test func countiesOfTwoOtherProvincesResolveTheirVillages() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let env = Self.environment(url: url)
            func ilson(_ arguments: [String]) throws -> IlsonProcess.Outcome {
                try IlsonProcess.run(arguments, environment: env)
            }
            for (code, name, county) in [
                ("WJ", "완주군 농촌인력중개센터", "완주군"), ("HD", "하동군 농촌인력중개센터", "경상남도 하동군"),
            ] {
                let added = try ilson(["center", "add", "--code", code, "--name", name, "--county", county])
                #expect(added.status == 0, "\(added)")
            }
            let list = try ilson(["center", "list"])
            #expect(list.stdout.contains("전북특별자치도 완주군") && list.stdout.contains("경상남도 하동군"), "\(list)")
            #expect(!list.stdout.contains("전라북도"), "the current name is printed: \(list)")
            let cases: [(center: String, phone: String, typed: String, stored: String)] = [
                ("WJ", "010-7000-0001", "후정리", "삼례읍 후정리"),
                ("WJ", "010-7000-0002", "봉동읍 제내리", "봉동읍 제내리"),
                ("WJ", "010-7000-0003", "전라북도 전주시 완산구 중앙동1가", "전북특별자치도 전주시 완산구 중앙동1가"),
                ("HD", "010-7000-0004", "부춘리", "화개면 부춘리"),
                ("HD", "010-7000-0005", "하동읍 읍내리", "하동읍 읍내리"),
                ("HD", "010-7000-0006", "전라남도 광양시 다압면 도사리", "전라남도 광양시 다압면 도사리"),
            ]
            for c in cases {
                let added = try ilson([
                    "worker", "add", "--center", c.center, "--name", "주민", "--phone", c.phone, "--village", c.typed,
                    "--skills", "수확",
                ])
                #expect(added.status == 0, "\(c.typed): \(added)")
                let digits = c.phone.replacingOccurrences(of: "-", with: "")
                let village: String? = try db.query(
                    "SELECT village FROM workers WHERE phone = \(digits)"
                ).first?.decode("village")
                #expect(village == c.stored, "\(c.typed)")
            }
            // 궁항리 is in two 면 of 하동군: the error names both.
            let ambiguous = try ilson([
                "worker", "add", "--center", "HD", "--name", "주민", "--phone", "010-7000-0009", "--village", "궁항리",
            ])
            #expect(ambiguous.status == 2, "\(ambiguous)")
            #expect(ambiguous.stderr.contains("궁항리") && ambiguous.stderr.contains("여럿"), "\(ambiguous)")
            // 하동군's village is not 완주군's.
            let elsewhere = try ilson([
                "worker", "add", "--center", "WJ", "--name", "주민", "--phone", "010-7000-0010", "--village", "부춘리",
            ])
            #expect(elsewhere.status == 2, "\(elsewhere)")
        }
    }

    /// A sheet with mistakes, in the Korean default: every bad row named by its line with the value as typed, in
    /// Korean, with the Korean column names; nothing is imported (exit 2).
    @Test func badSheetRowsAreNamedInKoreanAsTyped() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let env = Self.environment(url: url)
            func ilson(_ arguments: [String]) throws -> IlsonProcess.Outcome {
                try IlsonProcess.run(arguments, environment: env)
            }
            #expect(try ilson(["center", "add", "--code", "GS", "--name", "괴산센터", "--county", "괴산군"]).status == 0)
            let workers = try Self.cp949Sheet([
                "이름,전화번호,마을,구분,문자수신동의,최대이동거리",
                "김영숙,010-12-34,동부리,고령,예,30",
                "박순자,010-6000-0002,동부니,고령,예,30",
                ",010-6000-0003,동부리,노인,글쎄,삼십",
                "최말순,010-6000-0004,동부리,고령,예,30",
            ])
            let noPhone = try Self.cp949Sheet(["이름,마을", "김영숙,동부리"])
            defer { for f in [workers, noPhone] { try? FileManager.default.removeItem(atPath: f) } }
            let bad = try ilson(["worker", "import", workers])
            #expect(bad.status == 2, "\(bad)")
            for expected in [
                "잘못된 줄 3개, 아무것도 가져오지 않았습니다", "2번째 줄: 전화번호 \"010-12-34\": 휴대전화 번호가 아닙니다",
                "3번째 줄", "\"동부니\"", "괴산읍 동부리", "4번째 줄", "최대이동거리 \"삼십\": 숫자가 아닙니다",
            ] {
                #expect(bad.stderr.contains(expected), "\(expected)\n\(bad)")
            }
            #expect(!bad.stderr.contains("line ") && !bad.stderr.contains("bad row"), "\(bad)")
            #expect(Self.internalIDs(bad.stderr).isEmpty, "\(bad)")
            let none: Int = try db.query("SELECT count(*)::int AS n FROM workers")[0].decode("n")
            #expect(none == 0, "nothing imported")
            let missing = try ilson(["worker", "import", noPhone])
            #expect(missing.status == 2 && missing.stderr.contains("꼭 있어야 할 열이 없습니다: 전화번호(phone)"), "\(missing)")
            // The category and the consent, each its own message, once the number is right.
            let single = try Self.cp949Sheet(["이름,전화번호,마을,구분,문자수신동의", "김영숙,010-6000-0001,동부리,노인,글쎄"])
            defer { try? FileManager.default.removeItem(atPath: single) }
            let category = try ilson(["worker", "import", single])
            #expect(category.status == 2 && category.stderr.contains("구분 \"노인\": 구분이 아닙니다"), "\(category)")
            // In English on request, as before.
            let english = try IlsonProcess.run(
                ["worker", "import", workers], environment: env.merging(["ILSON_LANG": "en"]) { _, new in new })
            #expect(
                english.stderr.contains("3 bad row(s), nothing imported") && english.stderr.contains("line 2: phone"))
        }
    }
}
