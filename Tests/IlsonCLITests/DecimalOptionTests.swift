import Foundation
import Postgres
import Testing

/// Decimal options are read as the CSV imports read numbers: `0x24.8p0` (36.5 to Swift's `Double`), `1e1`, `inf`
/// and `nan` are bad input (exit 2) quoting the value, and nothing is written.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct DecimalOptionTests {
    @Test func hexExponentsAndInfinityAreNotDecimals() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            try IlsonChild.county(url: url)
            for (option, value) in [("--lat", "0x24.8p0"), ("--lon", "inf"), ("--lat", "nan")] {
                var arguments = [
                    "farm", "add", "--code", "F013", "--name", "새 농장", "--farmer", "01098765432", "--lat", "36.9",
                    "--lon", "127.4",
                ]
                arguments[arguments.firstIndex(of: option)! + 1] = value
                let outcome = try IlsonChild.run(arguments, url: url)
                #expect(outcome.status == 2, "\(outcome)")
                #expect(outcome.stderr.contains("\"\(value)\" is not a plain decimal number"), "\(outcome)")
            }
            let worker = try IlsonChild.run(
                [
                    "worker", "add", "--name", "박민수", "--phone", "010-2222-3333", "--village", "이월면 중산리",
                    "--max-travel-km", "1e1",
                ], url: url)
            #expect(worker.status == 2, "\(worker)")
            #expect(try db.query("SELECT count(*) AS n FROM farms")[0].decode("n", as: Int.self) == 1)
            #expect(try db.query("SELECT count(*) AS n FROM workers")[0].decode("n", as: Int.self) == 0)
            let plain = try IlsonChild.run(
                [
                    "farm", "add", "--code", "F013", "--name", "새 농장", "--farmer", "01098765432", "--lat", "36.9",
                    "--lon", "127.4",
                ], url: url)
            #expect(plain.status == 0, "\(plain)")
        }
    }
}
