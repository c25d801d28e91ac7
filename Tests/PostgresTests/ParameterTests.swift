import Foundation
import Testing

@testable import Postgres

@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ParameterTests {
    static let strings = [
        "김영숙", "", "'); DROP TABLE workers; --", "tab\there", "line\nbreak\r\n", "back\\slash", "quote\"s",
        "$1", "NULL", "{a,b}", "emoji 🍓", String(repeating: "가", count: 5000),
    ]

    @Test(arguments: strings)
    func textRoundTrips(_ value: String) throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE t (v text)")
            try db.query("INSERT INTO t (v) VALUES (\(value))")
            let row = try #require(try db.query("SELECT v, length(v) AS n FROM t").singleRow())
            #expect(try row.decode("v", as: String.self) == value)
            #expect(try row.decode("n", as: Int.self) == value.unicodeScalars.count)
            // The injection-looking text was data: the table is still there.
            #expect(try db.query("SELECT count(*) AS n FROM t")[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func everyTypeRoundTripsWithNulls() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query(
                """
                CREATE TABLE t (id serial, s text, i bigint, i4 integer, d double precision, b boolean,
                                ts timestamptz, day date, tags text[])
                """)
            let instant = Date(timeIntervalSince1970: 1_767_225_600.123456)
            let day = PGDate(year: 2026, month: 2, day: 28)
            let tags = ["수확", "", "a,b", "quo\"te", "back\\slash", "NULL", "{x}", " spaced "]
            let rows: [[PGValue?]] = [
                [
                    .text("김영숙"), .int(Int64.max), .int(Int64(Int32.min)), .double(-0.1), .bool(true),
                    .timestamp(instant), .date(day), .textArray(tags),
                ],
                [
                    .text(""), .int(Int64.min), .int(0), .double(1e-300), .bool(false),
                    .timestamp(Date(timeIntervalSince1970: -86_400 * 365 * 30 + 0.5)),
                    .date(PGDate(year: 1, month: 1, day: 1)),
                    .textArray([]),
                ],
                [nil, nil, nil, nil, nil, nil, nil, nil],
                [
                    .text("x"), .int(42), .int(7), .double(.infinity), .bool(true), .timestamp(.distantFuture),
                    .date(PGDate(year: 9999, month: 12, day: 31)), .textArray(["only"]),
                ],
            ]
            for row in rows {
                try db.query(
                    "INSERT INTO t (s, i, i4, d, b, ts, day, tags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", row)
            }
            let result = try db.query("SELECT s, i, i4, d, b, ts, day, tags FROM t ORDER BY id")
            #expect(result.count == 4)
            let first = result[0]
            #expect(try first.decode("s", as: String.self) == "김영숙")
            #expect(try first.decode("i", as: Int64.self) == Int64.max)
            #expect(try first.decode("i4", as: Int.self) == Int(Int32.min))
            #expect(try first.decode("d", as: Double.self) == -0.1)
            #expect(try first.decode("b", as: Bool.self) == true)
            #expect(try first.decode("ts", as: Date.self) == instant)
            #expect(try first.decode("day", as: PGDate.self) == day)
            #expect(try first.decode("tags", as: [String].self) == tags)

            let second = result[1]
            #expect(try second.decode("s", as: String.self) == "")
            #expect(try second.decode("i", as: Int64.self) == Int64.min)
            #expect(try second.decode("d", as: Double.self) == 1e-300)
            #expect(try second.decode("b", as: Bool.self) == false)
            #expect(try second.decode("ts", as: Date.self) == Date(timeIntervalSince1970: -86_400 * 365 * 30 + 0.5))
            #expect(try second.decode("day", as: PGDate.self) == PGDate(year: 1, month: 1, day: 1))
            #expect(try second.decode("tags", as: [String].self) == [])

            let nulls = result[2]
            for column in ["s", "i", "i4", "d", "b", "ts", "day", "tags"] {
                #expect(nulls.text(at: nulls.columns.firstIndex(of: column)!) == nil)
            }
            #expect(try nulls.decode("s", as: String?.self) == nil)
            #expect(try nulls.decode("i", as: Int64?.self) == nil)
            #expect(try nulls.decode("ts", as: Date?.self) == nil)
            #expect(try nulls.decode("tags", as: [String]?.self) == nil)

            let fourth = result[3]
            #expect(try fourth.decode("d", as: Double.self) == .infinity)
            #expect(try fourth.decode("ts", as: Date.self) == .distantFuture)
            #expect(try fourth.decode("day", as: PGDate.self) == PGDate(year: 9999, month: 12, day: 31))
        }
    }

    @Test func interpolationBindsEveryValue() throws {
        try TestDatabase.withDatabase { db, _ in
            let name = "'); DROP TABLE workers; --"
            let missing: String? = nil
            let query: PostgresQuery = "SELECT \(name)::text AS a, \(42) AS b, \(missing) AS c, \(["x", "y"]) AS d"
            #expect(query.sql == "SELECT $1::text AS a, $2 AS b, $3 AS c, $4 AS d")
            #expect(query.binds == [.text(name), .int(42), nil, .textArray(["x", "y"])])
            let row = try db.query(query)[0]
            #expect(try row.decode("a", as: String.self) == name)
            #expect(try row.decode("b", as: Int.self) == 42)
            #expect(try row.decode("c", as: String?.self) == nil)
            #expect(try row.decode("d", as: [String].self) == ["x", "y"])
        }
    }

    @Test func decodingMismatchNamesColumnAndTypes() throws {
        try TestDatabase.withDatabase { db, _ in
            let row = try db.query("SELECT 'secret-010'::text AS phone, NULL::int AS n, 5 AS five")[0]
            #expect(throws: RowDecodingError(column: "phone", expected: "Int", problem: .typeMismatch(actual: "text")))
            {
                try row.decode("phone", as: Int.self)
            }
            #expect(throws: RowDecodingError(column: "n", expected: "Int", problem: .unexpectedNull)) {
                try row.decode("n", as: Int.self)
            }
            #expect(throws: RowDecodingError(column: "nope", expected: "a column", problem: .noSuchColumn)) {
                try row.decode("nope", as: Int.self)
            }
            do {
                _ = try row.decode("phone", as: Date.self)
                Issue.record("expected a decoding error")
            } catch let error as RowDecodingError {
                #expect(error.description.contains("phone"))
                #expect(error.description.contains("Date"))
                #expect(!error.description.contains("secret-010"))
            }
            #expect(try row.decode(at: 2, as: Int.self) == 5)
        }
    }

    @Test func nulCharacterIsRefusedBeforeSending() throws {
        try TestDatabase.withDatabase { db, _ in
            _ = #expect(throws: PostgresError.self) { try db.query("SELECT \("a\u{0}b")::text") }
        }
    }
}
