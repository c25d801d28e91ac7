import Foundation
import Testing

@testable import Postgres

/// Connection failures need no server: they go to a port where nothing listens.
@Suite struct ConnectionFailureTests {
    @Test func deadPortGivesAClearErrorWithoutThePassword() throws {
        let url = "postgresql://kim:s3cr3t-pw@127.0.0.1:1/ilson"
        do {
            _ = try Connection(url)
            Issue.record("expected a connection failure")
        } catch {
            #expect(error.kind == .connectionFailure)
            let text = error.description + "\n" + error.debugDescription
            #expect(text.contains("127.0.0.1"))
            #expect(text.contains("port 1"))
            #expect(text.contains("database ilson"))
            #expect(text.contains("user kim"))
            #expect(!text.contains("s3cr3t-pw"))
            #expect(error.target == ConnectionTarget(host: "127.0.0.1", port: "1", database: "ilson", user: "kim"))
        }
    }

    @Test func keyValueFormAndMissingSocket() throws {
        do {
            _ = try Connection("host=/nonexistent-ilson-socket port=5999 dbname=x user=u password='p w'")
            Issue.record("expected a connection failure")
        } catch {
            #expect(error.kind == .connectionFailure)
            #expect(error.description.contains("socket /nonexistent-ilson-socket"))
            #expect(error.description.contains("port 5999"))
            #expect(!error.description.contains("p w"))
        }
    }

    @Test func malformedConnectionStringIsAClientError() {
        #expect(throws: PostgresError.self) { try ConnectionString.parse("postgresql://[bad") }
        #expect(throws: PostgresError.self) { try ConnectionString.parse("nonsense") }
    }

    @Test(arguments: [
        ("postgresql://kim:secret@db.example:5432/ilson", "postgresql://kim:****@db.example:5432/ilson"),
        ("postgres://kim:p%40ss@h/db?sslmode=require", "postgres://kim:****@h/db?sslmode=require"),
        (
            "postgresql://kim@h/db?password=secret&sslmode=require",
            "postgresql://kim@h/db?password=****&sslmode=require"
        ),
        ("postgresql://h/db", "postgresql://h/db"),
        ("host=h password=secret user=kim", "host=h password=**** user=kim"),
        ("host=h password = 'sec ret\\' x' user=kim", "host=h password = **** user=kim"),
        ("host=h passwordless=1", "host=h passwordless=1"),
    ])
    func masking(_ input: String, _ expected: String) {
        #expect(ConnectionString.masked(input) == expected)
    }

    @Test func keyValueRoundTripsThroughLibpq() throws {
        let options = ["host": "/tmp/a b", "dbname": "x'y\\z", "user": "김"]
        #expect(
            try ConnectionString.parse(ConnectionString.keyValue(options)).filter { options[$0.key] != nil } == options)
    }
}

/// Text formats, without a server.
@Suite struct TextFormatTests {
    @Test(arguments: [
        ("2026-05-14 06:30:00+09", 1_778_707_800.0),
        ("2026-05-13 21:30:00+00", 1_778_707_800.0),
        ("2026-05-14 03:00:00.25+05:30", 1_778_707_800.25),
        ("1969-12-31 23:59:59.999999+00", -0.000001),
        ("1900-01-01 00:00:00+08:27:52", -2_209_019_272.0),
    ])
    func timestampParses(_ text: String, _ seconds: Double) {
        #expect(PGTimestampFormat.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func timestampFormats() {
        #expect(
            PGTimestampFormat.format(Date(timeIntervalSince1970: 1_778_707_800.25)) == "2026-05-13 21:30:00.250000+00")
        #expect(PGTimestampFormat.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31 23:59:59.500000+00")
    }

    @Test func arrays() {
        #expect(PGArrayFormat.parse("{}") == [])
        #expect(PGArrayFormat.parse("{a,\"b c\",NULL,\"NULL\",\"q\\\"\\\\\"}") == ["a", "b c", nil, "NULL", "q\"\\"])
        #expect(PGArrayFormat.parse("{{a},{b}}") == nil)
        #expect(PGArrayFormat.format(["a\"", "\\"]) == "{\"a\\\"\",\"\\\\\"}")
    }

    @Test func dates() {
        #expect(PGDate("2026-02-29") == nil)
        #expect(PGDate("2028-02-29") == PGDate(year: 2028, month: 2, day: 29))
        #expect(PGDate(year: 7, month: 3, day: 9).description == "0007-03-09")
    }

    @Test func sqlStateClasses() {
        #expect(SQLState.uniqueViolation.isInClass(of: .checkViolation))
        #expect(!SQLState.serializationFailure.isInClass(of: .checkViolation))
        #expect(PostgresError.kind(for: "08006", constraint: nil) == .connectionFailure)
        #expect(PostgresError.kind(for: "55P03", constraint: nil) == .lockNotAvailable)
        #expect(PostgresError.kind(for: "40001", constraint: nil) == .serializationFailure)
    }
}
