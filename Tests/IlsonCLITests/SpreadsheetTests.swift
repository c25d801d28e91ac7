import Foundation
import KoreanText
import Testing

/// Spreadsheets as a center keeps them (docs/csv-formats.md): empty sheets with Korean headers, CSV exports that
/// open in Excel (UTF-8 with a byte order mark, or CP949), Korean task and skill names on the command line.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct SpreadsheetTests {
    @Test func templatesAreEmptySheetsWithKoreanHeadersInCP949() throws {
        try TestDatabase.withMigratedDatabase { _, url in
            let expected: [String: [String]] = [
                "worker": [
                    "이름", "전화번호", "위도", "경도", "마을", "기술", "구분", "최대이동거리", "주최대일수", "가능시작일", "가능종료일",
                    "문자수신동의", "허용농가",
                ],
                "farm": ["농가코드", "농가명", "농업인", "농업인전화", "위도", "경도", "주소", "마을", "집결지", "집결시간"],
                "request": ["농가코드", "날짜", "일수", "시작", "종료", "작업", "기술", "인원", "최소인원", "우선순위", "일당"],
                "attendance": ["전화번호", "농가코드", "출근상태", "근무시간", "날짜", "비고"],
            ]
            for (command, header) in expected {
                let out = try IlsonChild.run([command, "import", "--template"], url: url)
                #expect(out.status == 0, "\(out)")
                // CP949, not UTF-8: the bytes decode as CP949 and are not valid UTF-8.
                #expect(String(validating: out.stdoutBytes, as: UTF8.self) == nil, "\(command): not UTF-8")
                let text = try CP949.decode(out.stdoutBytes)
                // One header line ending CRLF (one Character in Swift: "\r\n" is a single grapheme).
                let line = text.hasSuffix("\r\n") ? String(text.dropLast()) : text
                #expect(text.hasSuffix("\r\n") && !line.contains("\n") && !line.contains("\r"), "\(command)")
                // The version 1 columns first, in their order; the version 2 and profile columns after them.
                let columns = line.split(separator: ",").map(String.init)
                #expect(Array(columns.prefix(header.count)) == header, "\(command): \(columns)")
                // --help lists every column of the sheet.
                let help = try IlsonChild.run([command, "import", "--help"], url: url)
                for name in columns { #expect(help.stdout.contains(name), "\(command) --help names \(name)") }
            }
            // Into a file, never over one that exists.
            let dir = try LibreOffice.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("인력.csv").path
            let first = try IlsonChild.run(["worker", "import", "--template", path], url: url)
            #expect(first.status == 0, "\(first)")
            let again = try IlsonChild.run(["worker", "import", "--template", path], url: url)
            #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again)")
            let ko = try IlsonChild.run(["worker", "import", "--template", path], url: url, language: "ko")
            #expect(ko.status == 2 && ko.stderr.contains("이미 있습니다"), "\(ko)")
            // Without a file and without --template: a clear error.
            let none = try IlsonChild.run(["worker", "import"], url: url)
            #expect(none.status != 0 && none.stderr.contains("--template"), "\(none)")
        }
    }

    @Test func exportsCarryAByteOrderMarkOrAreCP949AndShowKoreanTaskNames() throws {
        try TestDatabase.withMigratedDatabase { _, url in
            try IlsonChild.county(url: url)
            let added = try IlsonChild.run(
                [
                    "worker", "add", "--name", "김영숙", "--phone", "010-1234-5678", "--village", "진천읍 읍내리", "--skills",
                    "수확,포장",
                ],
                url: url)
            #expect(added.status == 0, "\(added)")
            let submitted = try IlsonChild.run(
                [
                    "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "07:00", "--end", "16:00",
                    "--task", "harvest", "--skills", "수확", "--headcount", "2",
                ], url: url)
            #expect(submitted.status == 0, "\(submitted)")

            let utf8 = try IlsonChild.run(["request", "list", "--format", "csv"], url: url)
            #expect(Array(utf8.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte order mark")
            #expect(utf8.stdout.contains(",수확,수확,"), "the Korean task and skill names: \(utf8.stdout)")
            #expect(!utf8.stdout.contains("harvest"))

            let cp949 = try IlsonChild.run(["worker", "list", "--format", "csv", "--encoding", "cp949"], url: url)
            #expect(cp949.status == 0, "\(cp949)")
            let text = try CP949.decode(cp949.stdoutBytes)
            #expect(text.contains("김영숙") && text.contains("수확;포장"), "\(text)")
            #expect(cp949.stdoutBytes.first != 0xEF, "no byte order mark in CP949")

            // A name CP949 cannot hold: the export refuses, naming the character.
            _ = try IlsonChild.run(
                ["worker", "add", "--name", "김😀", "--phone", "010-2222-3333", "--village", "진천읍 읍내리"], url: url)
            let refused = try IlsonChild.run(["worker", "list", "--format", "csv", "--encoding", "cp949"], url: url)
            #expect(refused.status == 2 && refused.stderr.contains("😀"), "\(refused)")

            // The catalogue commands.
            let tasks = try IlsonChild.run(["task", "list"], url: url)
            #expect(tasks.status == 0 && tasks.stdout.contains("봉지씌우기") && tasks.stdout.contains("트랙터 운전"))
            let add = try IlsonChild.run(["skill", "add", "드론 방제", "--code", "drone"], url: url)
            #expect(add.status == 0 && add.stdout.contains("added skill 드론 방제 (code drone)"), "\(add)")
            let rename = try IlsonChild.run(["task", "rename", "수확", "과일 수확"], url: url)
            #expect(rename.status == 0, "\(rename)")
            let koList = try IlsonChild.run(["task", "list"], url: url, language: "ko")
            #expect(koList.stdout.contains("요청 수") && koList.stdout.contains("과일 수확"), "\(koList)")
            #expect(koList.stdout.contains("작업 ") && koList.stdout.contains("개\n"), "\(koList)")
            let shown = try IlsonChild.run(["request", "list"], url: url)
            #expect(shown.stdout.contains("과일 수확"), "\(shown)")
            let typo = try IlsonChild.run(
                [
                    "request", "submit", "--farm", "F012", "--date", "tomorrow", "--start", "08:00", "--end", "16:00",
                    "--task", "수학", "--headcount", "2",
                ], url: url)
            #expect(typo.status == 2 && typo.stderr.contains("\"수학\""), "\(typo)")
        }
    }

    /// An export opened by a real spreadsheet program: LibreOffice reads the UTF-8 file and the CP949 one (told the
    /// character set, as its import dialog is: headless, it does not guess), and the Hangul is in its cells; the byte
    /// order mark is not left in the first cell.
    @Test(.enabled(if: LibreOffice.available, LibreOffice.skipComment))
    func libreOfficeReadsTheHangulOfBothExports() throws {
        try TestDatabase.withMigratedDatabase { _, url in
            try IlsonChild.county(url: url)
            let added = try IlsonChild.run(
                [
                    "worker", "add", "--name", "박순자", "--phone", "010-1234-5678", "--village", "이월면 중산리", "--skills",
                    "포장",
                ],
                url: url)
            #expect(added.status == 0, "\(added)")
            let dir = try LibreOffice.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            // One run of LibreOffice per encoding: the CSV read with that character set, written as flat XML
            // (.fods), in which the cells are plain text to look for.
            for (encoding, charset) in [("utf8", LibreOffice.Charset.utf8), ("cp949", .cp949)] {
                let export = try IlsonChild.run(
                    ["worker", "list", "--format", "csv", "--encoding", encoding], url: url)
                let csv = dir.appendingPathComponent("workers-\(encoding).csv").path
                try Data(export.stdoutBytes).write(to: URL(fileURLWithPath: csv))
                let sheet = try LibreOffice.convert(
                    csv, to: "fods", extension: "fods", infilter: "CSV:44,34,\(charset.rawValue),1")
                let xml = try String(contentsOfFile: sheet, encoding: .utf8)
                #expect(xml.contains(">박순자<") && xml.contains(">이월면 중산리<") && xml.contains(">포장<"), "\(encoding)")
                // The byte order mark is read as such, not left in the first cell.
                #expect(xml.contains("<text:p>id</text:p>") && !xml.contains("\u{FEFF}"), "\(encoding)")
            }
        }
    }

    /// A sheet typed in Excel with Korean headers, saved by LibreOffice as CP949 CSV from .xlsx: date and time
    /// cells, `130,000`, a phone typed as a number (its leading zero lost). It imports, and says what it read.
    @Test(.enabled(if: LibreOffice.available, LibreOffice.skipComment))
    func aSheetSavedAsCP949FromXlsxImports() throws {
        try TestDatabase.withMigratedDatabase { _, url in
            try IlsonChild.county(url: url)
            let dir = try LibreOffice.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            // Both sheets typed (.fods) → saved as .xlsx → saved as CP949 CSV: two runs of LibreOffice.
            func fods(_ name: String, _ rows: [[LibreOffice.Cell]]) throws -> String {
                let path = dir.appendingPathComponent("\(name).fods").path
                try LibreOffice.fods(rows).write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let typedWorkers = try fods(
                "workers",
                [
                    [.text("이름"), .text("전화번호"), .text("마을"), .text("기술")],
                    [.text("김영숙"), .number(1_012_345_678), .text("진천읍 읍내리"), .text("수확;포장")],
                ])
            let typedRequests = try fods(
                "requests",
                [
                    [.text("농가코드"), .text("날짜"), .text("시작"), .text("종료"), .text("작업"), .text("인원"), .text("일당")],
                    [
                        .text("F012"), .date("2026-12-02"), .time(hour: 7, minute: 0), .time(hour: 16, minute: 30),
                        .text("수확"), .number(3), .grouped(130_000),
                    ],
                ])
            let xlsx = try LibreOffice.convert([typedWorkers, typedRequests], to: "xlsx", extension: "xlsx")
            let csvs = try LibreOffice.convert(xlsx, to: LibreOffice.csvFilter(.cp949), extension: "csv")
            let (workers, requests) = (csvs[0], csvs[1])
            let workerBytes = Array(try Data(contentsOf: URL(fileURLWithPath: workers)))
            #expect(try CP949.decode(workerBytes).contains("1012345678"), "LibreOffice wrote the number without its 0")
            let w = try IlsonChild.run(["worker", "import", workers], url: url)
            #expect(w.status == 0, "\(w)")
            #expect(
                w.stdout.contains("CP949") && w.stdout.contains("010-1234-5678") && w.stdout.contains("lines 2"), "\(w)"
            )

            let r = try IlsonChild.run(["request", "import", requests], url: url)
            #expect(r.status == 0 && r.stdout.contains("1 created"), "\(r)")
            let list = try IlsonChild.run(["request", "list", "--date", "2026-12-02", "--format", "json"], url: url)
            #expect(
                list.stdout.contains("\"wage\" : 130000") && list.stdout.contains("\"start\" : \"07:00\"")
                    && list.stdout.contains("\"end\" : \"16:30\""), "\(list)")
        }
    }
}
