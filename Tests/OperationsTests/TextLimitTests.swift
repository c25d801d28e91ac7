import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Storage
import Testing

@testable import Operations

/// Every text field a farmer or coordinator fills has a limit (`TextLimits`), checked by the use cases and the CSV
/// imports (exit 2, nothing written, the field named in words with its limit) and held by the database as a CHECK;
/// with every field at its limit, every notice still composes.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct TextLimitTests {
    static let huge = String(repeating: "가", count: 5000)

    /// The database's CHECK of each column, tried on a copy of the table: a value at the limit is stored, one
    /// character more is refused by `<table>_<column>_limit`, and so is a line break in a one-line field.
    @Test func theDatabaseChecksAgreeWithTheSwiftTable() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            var checked = 0
            for field in TextLimits.all {
                for qualified in field.columns {
                    let parts = qualified.split(separator: ".").map(String.init)
                    let (table, column) = (parts[0], parts[1])
                    let copy = "limit_copy_\(table)"
                    try db.query("DROP TABLE IF EXISTS \(identifier: copy)")
                    try db.query(
                        "CREATE TEMP TABLE \(identifier: copy) (LIKE \(identifier: table) INCLUDING CONSTRAINTS)")
                    let required = try db.query(
                        """
                        SELECT attname::text AS name FROM pg_attribute
                        WHERE attrelid = \(copy)::regclass AND attnum > 0 AND attnotnull AND NOT attisdropped
                        """
                    ).map { try $0.decode("name", as: String.self) }
                    for name in required {
                        try db.query("ALTER TABLE \(identifier: copy) ALTER COLUMN \(identifier: name) DROP NOT NULL")
                    }
                    func insert(_ value: String) throws -> String? {
                        try Self.refusal(inserting: value, into: copy, column: column, on: db)
                    }
                    let atLimit = String(repeating: "가", count: field.maxLength)
                    #expect(try insert(atLimit) == nil, "\(qualified): \(field.maxLength) characters fit")
                    #expect(
                        try insert(atLimit + "가") == "\(table)_\(column)_limit",
                        "\(qualified): \(field.maxLength + 1) characters are refused")
                    #expect(try insert("a\u{1}b") == "\(table)_\(column)_limit", "\(qualified): a control character")
                    if field.singleLine {
                        for breaker in ["a\nb", "a\rb", "a\tb", "a\u{2028}b"] {
                            #expect(try insert(breaker) == "\(table)_\(column)_limit", "\(qualified): one line")
                        }
                    } else {
                        #expect(try insert("a\nb\r\n\tc") == nil, "\(qualified): several lines")
                    }
                    checked += 1
                }
            }
            // Every CHECK of the schema on a text's length is a column of the Swift table, and the other way round.
            let constraints = Set(
                try db.query(
                    """
                    SELECT conname::text AS name FROM pg_constraint
                    WHERE contype = 'c' AND pg_get_constraintdef(oid) LIKE '%char_length(%'
                    """
                ).map {
                    try $0.decode("name", as: String.self)
                })
            let swift = Set(
                TextLimits.all.flatMap(\.columns).map { $0.replacingOccurrences(of: ".", with: "_") + "_limit" })
            #expect(constraints == swift)
            #expect(checked == swift.count)
        }
    }

    /// The constraint that refused the value, nil when it was stored.
    static func refusal(inserting value: String, into table: String, column: String, on db: Connection) throws
        -> String?
    {
        do {
            try db.query("INSERT INTO \(identifier: table) (\(identifier: column)) VALUES (\(value))")
            return nil
        } catch {
            guard case .checkViolation(let constraint) = error.kind else { throw error }
            return constraint ?? "?"
        }
    }

    /// `request submit --task "가"×5000`: the issue's reproduction, refused before anything is written.
    @Test func aLongTaskFarmNameOrMeetingPointIsRefusedAndNothingWritten() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            _ = try Fixtures.importCounty(db)
            let audits = try Fixtures.count(db, "audit_log")
            let requests = try Fixtures.count(db, "labor_requests")
            let task = RequestInput(
                farm: "F001", date: "\(Fixtures.clock.tomorrow)", start: "07:00", end: "16:00", task: Self.huge,
                headcount: 2)
            let error = try #require(throws: OperationError.self) {
                try Requests.submit(task, center: "JC", clock: Fixtures.clock, on: db)
            }
            #expect(error.description.hasPrefix("the task (--task) is too long: 5000 characters where at most 40 fit"))
            #expect(error.description.count < 200, "the value is cut: \(error.description.count) characters")

            let farmer = try FarmerStore.all(center: 1, on: db)[0].phone
            let place = LocationInput(village: "이월면 중산리")
            let longName = FarmInput(code: "F900", name: Self.huge, farmer: farmer, location: place)
            #expect(throws: OperationError.self) { try Farms.add(longName, center: "JC", on: db) }
            let longPoint = FarmInput(
                code: "F900", name: "새 농장", farmer: farmer, location: place,
                meetingPoint: String(repeating: "앞", count: 61))
            let pointError = try #require(throws: OperationError.self) {
                try Farms.add(longPoint, center: "JC", on: db)
            }
            #expect(pointError.description.contains("meeting point (--meeting-point)"))
            #expect(pointError.description.contains("at most 60"))
            let lineBreak = FarmInput(code: "F900", name: "새\n농장", farmer: farmer, location: place)
            let breakError = try #require(throws: OperationError.self) {
                try Farms.add(lineBreak, center: "JC", on: db)
            }
            #expect(breakError.description.contains("must be one line: it holds a line break"))
            #expect(
                throws: OperationError.self,
                performing: {
                    try Workers.add(
                        WorkerInput(name: "김\t영숙", phone: "010-4444-5555", location: place), center: "JC", on: db)
                })
            #expect(
                throws: OperationError.self,
                performing: {
                    try Workers.setAvailability(
                        "010-1234-5678", days: Fixtures.clock.tomorrow...Fixtures.clock.tomorrow, off: true,
                        note: String(repeating: "n", count: 201), center: "JC", clock: Fixtures.clock, on: db)
                })
            let live = try RequestStore.list(center: 1, RequestFilter(), on: db)[0]
            #expect(
                throws: OperationError.self,
                performing: {
                    try Requests.cancel(
                        live.id, wholeJob: false, reason: String(repeating: "비", count: 101), center: "JC",
                        clock: Fixtures.clock, on: db)
                })
            #expect(try Fixtures.count(db, "labor_requests") == requests)
            #expect(try Fixtures.count(db, "labor_requests", where: "status = 'cancelled'") == 0)
            #expect(try Fixtures.count(db, "farms") == 3)
            #expect(try Fixtures.count(db, "workers") == 4)
            #expect(try Fixtures.count(db, "audit_log") == audits)
        }
    }

    /// One bad row in a CSV import: the file is refused naming the line and the field; nothing is imported.
    @Test func aLongOrMultiLineCellRefusesTheWholeFileNamingItsLine() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let farms = """
                농가명,농가코드,농업인,농업인전화,마을,집결지
                이월 딸기농장,F001,이월순,010-9876-5432,이월면 중산리,마을회관 앞
                \(Self.huge),F002,박문백,01033334444,문백면 평산리,
                문백 수박농장,F003,박문백,01033334444,문백면 평산리,\(String(repeating: "앞", count: 61))
                """
            let error = try #require(throws: OperationError.self) {
                try FarmImport.run(bytes: Fixtures.utf8BOM(farms), file: "farms.csv", center: "JC", on: db)
            }
            #expect(error.description.contains("line 3: the farm name (name) is too long: 5000 characters"))
            #expect(error.description.contains("line 4: the meeting point (meeting_point) is too long: 61 characters"))
            #expect(error.description.count < 600, "long values are cut: \(error.description.count) characters")
            #expect(try Fixtures.count(db, "farms") == 0)
            #expect(try Fixtures.count(db, "farmers") == 0)

            // A name with a line break inside quotes, after a record that spans two lines: its own line (4) is named.
            let workers = """
                phone,name,village
                010-1234-5678,"김영숙
                (고)",진천읍 읍내리
                010-2222-3333,"박
                민수",이월면 중산리
                """
            let workerError = try #require(throws: OperationError.self) {
                try WorkerImport.run(
                    bytes: Array(workers.utf8), file: "workers.csv", center: "JC", clock: Fixtures.clock, on: db)
            }
            #expect(workerError.description.contains("line 2: the worker name (name) must be one line"))
            #expect(workerError.description.contains("line 4: the worker name (name) must be one line"))
            #expect(try Fixtures.count(db, "workers") == 0)

            let requests = """
                farm,date,start,end,task,headcount
                F001,\(Fixtures.clock.tomorrow),07:00,16:00,\(Self.huge),2
                """
            _ = try FarmImport.run(
                bytes: Fixtures.utf8BOM(Fixtures.farmsKoreanWithPlaces), file: "farms.csv", center: "JC", on: db)
            let requestError = try #require(throws: OperationError.self) {
                try RequestImport.run(
                    bytes: Array(requests.utf8), file: "requests.csv", center: "JC", clock: Fixtures.clock, on: db)
            }
            #expect(requestError.description.contains("line 2: the task (task) is too long: 5000 characters"))
            #expect(try Fixtures.count(db, "labor_requests") == 0)
        }
    }

    /// Numbers in CSV cells are plain decimals: `0x24.8p0` (36.5 to Swift's `Double`), `inf`, `nan`, `1e3` are
    /// refused naming the line; rows with more or fewer cells than the header too.
    @Test func importsReadOnlyPlainDecimalsAndWholeRows() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let farms = """
                code,name,farmer_name,farmer_phone,lat,lon
                F001,이월 딸기농장,이월순,010-9876-5432,0x24.8p0,127.4
                F002,문백 수박농장,박문백,01033334444,36.9,inf
                F003,광혜원 배농장,최광혜,010-5555-1212,nan,1e2
                """
            let error = try #require(throws: OperationError.self) {
                try FarmImport.run(bytes: Array(farms.utf8), file: "farms.csv", center: "JC", on: db)
            }
            #expect(error.description.contains(#"line 2: lat "0x24.8p0" is not a plain decimal number"#))
            #expect(error.description.contains(#"line 3: lon "inf" is not a plain decimal number"#))
            #expect(error.description.contains(#"line 4: lat "nan" is not a plain decimal number"#))
            let short = "code,name,farmer_name,farmer_phone,lat,lon\nF001,이월 딸기농장,이월순,010-9876-5432,36.9\n"
            let shortError = try #require(throws: OperationError.self) {
                try FarmImport.run(bytes: Array(short.utf8), file: "farms.csv", center: "JC", on: db)
            }
            #expect(shortError.description.contains("farms.csv: line 2: 5 field(s) where the header has 6"))
            var nul = Array("code,name,farmer_name,farmer_phone,lat,lon\nF001,이월".utf8)
            nul += [0] + Array(",이월순,010-9876-5432,36.9,127.4\n".utf8)
            let nulError = try #require(throws: OperationError.self) {
                try FarmImport.run(bytes: nul, file: "farms.csv", center: "JC", on: db)
            }
            #expect(nulError.description.contains("farms.csv: line 2: the file holds a NUL byte"))
            #expect(try Fixtures.count(db, "farms") == 0)
        }
    }

    /// With every field at its limit (in Hangul, two bytes each) and 500 workers on a list, every notice of the
    /// default templates composes; each message fits an LMS.
    @Test func theLongestNoticesStillCompose() throws {
        let composer = MessageComposer()
        for notice in LongestNotices.all {
            let messages = try composer.compose(notice)
            #expect(!messages.isEmpty)
            #expect(messages.allSatisfy { $0.byteCount <= MessageType.lms.byteLimit })
        }
        // The limits matter: a task of 5000 characters does not compose.
        var tooLong = LongestNotices.assignment
        tooLong.task = Self.huge
        #expect(throws: ComposeError.self) { try composer.compose(.assignment(tooLong)) }
    }

    /// A center's template that could not carry the longest values is refused when saved.
    @Test func aTemplateThatCannotCarryTheLongestValuesIsRefused() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Fixtures.center(db)
            let wide = String(repeating: "가", count: 900) + " {작업} {농가} {주소} {집결지}"
            let error = try #require(throws: OperationError.self) {
                try CenterTemplates.save(center: center.id, slot: "assignment", text: wide, on: db)
            }
            #expect(error.description.contains("cannot carry the longest values"))
            let tooLong = String(repeating: "{이름} ", count: 300)
            let lengthError = try #require(throws: OperationError.self) {
                try CenterTemplates.save(center: center.id, slot: "assignment", text: tooLong, on: db)
            }
            #expect(lengthError.description.contains("the message template (--file) is too long"))
            #expect(try Fixtures.count(db, "message_templates") == 0)
            try CenterTemplates.save(
                center: center.id, slot: "assignment", text: "[{센터}] {이름}님 {날짜} {농가} {작업}\n주소: {주소}", on: db)
            #expect(try Fixtures.count(db, "message_templates") == 1)
        }
    }
}
