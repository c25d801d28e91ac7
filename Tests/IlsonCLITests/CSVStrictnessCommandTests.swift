import Foundation
import KoreanText
import Postgres
import Testing

/// `farm import` and `worker import` through the real binary: a file with a hex number, a row with a missing or
/// an extra trailing cell, a NUL byte, a bad byte or a line break in a name is refused (exit 2) naming the file's
/// own line, and nothing is imported; a 10 MB bad value is quoted cut, not whole.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CSVStrictnessCommandTests {
    static let header = "code,name,farmer_name,farmer_phone,lat,lon\n"
    static let good = "F001,이월 딸기농장,이월순,010-9876-5432,36.9,127.4\n"

    @Test func badFilesAreRefusedNamingTheirOwnLine() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            try IlsonChild.county(url: url)
            func farms() throws -> Int { try db.query("SELECT count(*) AS n FROM farms")[0].decode("n") }
            func importFarms(_ bytes: [UInt8]) throws -> IlsonChild.Outcome {
                try IlsonChild.withFile(bytes: bytes) { path in try IlsonChild.run(["farm", "import", path], url: url) }
            }
            let cases: [(String, [UInt8], String)] = [
                (
                    "hex", Array((Self.header + Self.good + "F002,문백 수박농장,박문백,01033334444,0x24.8p0,127.4\n").utf8),
                    #"line 3: lat "0x24.8p0" is not a plain decimal number"#
                ),
                (
                    "missing cell", Array((Self.header + Self.good + "F002,문백 수박농장,박문백,01033334444,36.9\n").utf8),
                    "line 3: 5 field(s) where the header has 6"
                ),
                (
                    "extra cell", Array((Self.header + Self.good + "F002,문백 수박농장,박문백,01033334444,36.9,127.4,\n").utf8),
                    "line 3: 7 field(s) where the header has 6"
                ),
                (
                    "NUL", Array((Self.header + Self.good).utf8) + Array("F002,문백".utf8) + [0] + Array(",x\n".utf8),
                    "line 3: the file holds a NUL byte"
                ),
                (
                    "bad byte",
                    Array((Self.header + Self.good + Self.good.replacingOccurrences(of: "F001", with: "F002")).utf8)
                        + [0xFF] + Array("F003,x,y,010-1111-2222,36.9,127.4\n".utf8),
                    "line 4: byte 0xFF is not valid UTF-8"
                ),
            ]
            for (what, bytes, expected) in cases {
                let outcome = try importFarms(bytes)
                #expect(outcome.status == 2, "\(what): \(outcome)")
                #expect(outcome.stderr.contains(expected), "\(what): \(outcome)")
            }
            #expect(try farms() == 1)

            // A 10 MB value is quoted as 40 columns and its length.
            let huge = String(repeating: "9", count: 10_000_000)
            let big = try importFarms(Array((Self.header + "F002,문백 수박농장,박문백,01033334444,\(huge),127.4\n").utf8))
            #expect(big.status == 2)
            #expect(big.stderr.contains("…\" (10000000 characters)"), "\(big.stderr.prefix(300))")
            #expect(big.stderr.utf8.count < 1000, "\(big.stderr.utf8.count) bytes of error")
            #expect(try farms() == 1)

            // A line break inside a quoted name: the record's own line (3, after a record of two lines) is named.
            let workers = """
                phone,name,village
                010-1234-5678,김영숙,"진천읍
                읍내리"
                010-2222-3333,"박
                민수",이월면 중산리
                """
            let named = try IlsonChild.withFile(workers) { path in
                try IlsonChild.run(["worker", "import", path], url: url)
            }
            #expect(named.status == 2, "\(named)")
            #expect(named.stderr.contains("line 4: the worker name (name) must be one line"), "\(named)")
            #expect(named.stderr.contains("line 2: the village (village) must be one line"), "\(named)")
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
        }
    }
}
