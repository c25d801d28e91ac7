import Foundation
import Testing

@testable import Postgres

@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CopyTests {
    static let createWorkers = """
        CREATE TABLE workers (
            seq integer NOT NULL, center_id bigint NOT NULL, name text NOT NULL, phone text NOT NULL,
            home_lat double precision, home_lon double precision, category text, skills text[],
            sms_consent boolean, available_from date, registered_at timestamptz, note text)
        """
    static let columns = [
        "seq", "center_id", "name", "phone", "home_lat", "home_lon", "category", "skills", "sms_consent",
        "available_from", "registered_at", "note",
    ]
    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤"]
    static let categories = ["senior", "youth", "women", "disabled", "foreign", "general"]

    /// A worker-like row; some hold tabs, newlines, backslashes and NULLs.
    static func row(_ i: Int) -> [PGValue?] {
        let name = surnames[i % surnames.count] + "영숙" + String(i)
        let note: PGValue? =
            switch i % 7 {
            case 0: nil
            case 1: .text("tab\there")
            case 2: .text("line\nbreak")
            case 3: .text("back\\slash \\N not null")
            case 4: .text("")
            default: .text("메모 \(i)")
            }
        return [
            .int(Int64(i)), .int(Int64(1 + i % 5)), .text(name), .text("010" + String(10_000_000 + i)),
            .double(36.8 + Double(i % 1000) / 10_000), .double(127.4 + Double(i % 997) / 10_000),
            .text(categories[i % categories.count]), .textArray(i % 3 == 0 ? [] : ["harvest", "pack\ting"]),
            .bool(i % 2 == 0), .date(PGDate(year: 2024, month: 1 + i % 12, day: 1 + i % 28)),
            .timestamp(Date(timeIntervalSince1970: 1_700_000_000 + Double(i) * 60.5)), note,
        ]
    }

    /// What the server prints for a row, to compare the whole content by checksum.
    static let contentSQL = """
        string_agg(concat_ws('|', seq, center_id, name, phone, home_lat, home_lon, category, skills::text,
                             sms_consent, available_from, extract(epoch FROM registered_at), coalesce(note, '<null>')),
                   E'\\n' ORDER BY seq)
        """

    @Test func hundredThousandRowsArriveWhole() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query(PostgresQuery(unescaped: CopyTests.createWorkers))
            try db.query(PostgresQuery(unescaped: "CREATE TABLE expected AS SELECT * FROM workers WITH NO DATA"))
            let count = 100_000
            let clock = ContinuousClock()
            var copied = 0
            let elapsed = try clock.measure {
                copied = try db.copy(into: "workers", columns: CopyTests.columns) { writer in
                    for i in 0..<count { try writer.append(CopyTests.row(i)) }
                }
            }
            print(
                "COPY of \(count) worker-like rows took \(elapsed) (\(Int(Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))) rows/s)"
            )
            #expect(copied == count)
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == count)

            // The same rows through INSERT with bind parameters (a different path), then compare checksums.
            try db.transaction { tx in
                for i in stride(from: 0, to: count, by: 97) {
                    let placeholders = (1...CopyTests.columns.count).map { "$\($0)" }.joined(separator: ", ")
                    try tx.query(
                        "INSERT INTO expected (\(CopyTests.columns.joined(separator: ", "))) VALUES (\(placeholders))",
                        CopyTests.row(i))
                }
            }
            let checksums = try db.query(
                PostgresQuery(
                    unescaped: """
                        SELECT (SELECT md5(\(CopyTests.contentSQL)) FROM workers WHERE seq % 97 = 0) AS copied,
                               (SELECT md5(\(CopyTests.contentSQL)) FROM expected) AS inserted,
                               (SELECT md5(\(CopyTests.contentSQL)) FROM workers) AS whole,
                               (SELECT count(*) FROM workers WHERE note IS NULL) AS nulls
                        """))[0]
            #expect(try checksums.decode("copied", as: String.self) == checksums.decode("inserted", as: String.self))
            #expect(try checksums.decode("nulls", as: Int.self) == (count + 6) / 7)
            let spot = try db.query("SELECT name, note, skills FROM workers WHERE seq = \(99_997)")[0]
            #expect(try spot.decode("name", as: String.self) == "강영숙99997")
            #expect(
                try spot.decode("note", as: String?.self) == CopyTests.row(99_997)[11].map { $0.textRepresentation })
            #expect(try spot.decode("skills", as: [String].self) == ["harvest", "pack\ting"])
            #expect(
                try db.query("SELECT note FROM workers WHERE seq = 3")[0].decode("note", as: String.self)
                    == "back\\slash \\N not null")
        }
    }

    @Test func badRowFailsCleanlyAndLeavesNothing() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query(PostgresQuery(unescaped: CopyTests.createWorkers))
            do {
                try db.copy(into: "workers", columns: CopyTests.columns) { writer in
                    for i in 0..<5_000 {
                        var row = CopyTests.row(i)
                        if i == 4_321 { row[0] = .text("not a number") }
                        try writer.append(row)
                    }
                }
                Issue.record("expected the COPY to fail")
            } catch let error as PostgresError {
                #expect(error.sqlState == .invalidTextRepresentation)
                #expect(!error.description.contains("not a number"))
            }
            #expect(db.isOpen)
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
            // The connection is usable again.
            #expect(try db.copy(into: "workers", columns: CopyTests.columns, rows: [CopyTests.row(1)]) == 1)
        }
    }

    @Test func producerErrorAbortsTheCopy() throws {
        struct Stop: Error {}
        try TestDatabase.withDatabase { db, _ in
            try db.query(PostgresQuery(unescaped: CopyTests.createWorkers))
            #expect(throws: Stop.self) {
                try db.copy(into: "workers", columns: CopyTests.columns) { writer in
                    for i in 0..<1_000 { try writer.append(CopyTests.row(i)) }
                    throw Stop()
                }
            }
            #expect(throws: PostgresError.self) {
                try db.copy(into: "workers", columns: CopyTests.columns, rows: [[.int(1)]])
            }
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func copyInsideATransactionRollsBackWithIt() throws {
        struct Boom: Error {}
        try TestDatabase.withDatabase { db, _ in
            try db.query(PostgresQuery(unescaped: CopyTests.createWorkers))
            #expect(throws: Boom.self) {
                try db.transaction { tx in
                    try tx.copy(into: "workers", columns: CopyTests.columns, rows: (0..<100).map(CopyTests.row))
                    throw Boom()
                }
            }
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
        }
    }
}
