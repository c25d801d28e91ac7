import Foundation
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// `center add|edit --county` and villages by name for a center of 괴산군, in-process against a real database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CenterCountyCommandTests {
    @Test func aCenterOfGoesanTakesItsVillages() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            func run(_ arguments: [String]) -> Int32 { IlsonCommand.runMain(arguments + ["--database-url", url]) }
            func county(_ code: String) throws -> String? {
                try db.query("SELECT county_code FROM centers WHERE code = \(code)")[0].decode(at: 0, as: String?.self)
            }
            // An ambiguous or unknown county is refused (exit 2) and nothing is added.
            #expect(run(["center", "add", "--code", "JG", "--name", "중구 센터", "--county", "중구"]) == 2)
            #expect(run(["center", "add", "--code", "GS", "--name", "괴산", "--county", "괴산꾼"]) == 2)
            #expect(try db.query("SELECT count(*)::int AS n FROM centers")[0].decode("n", as: Int.self) == 0)
            #expect(run(["center", "add", "--code", "GS", "--name", "괴산군 농촌인력중개센터", "--county", "괴산군"]) == 0)
            #expect(try county("GS") == "43760")
            #expect(run(["center", "add", "--code", "DG", "--name", "대구 중구", "--county", "대구 중구"]) == 0)
            #expect(try county("DG") == "27110")
            #expect(run(["center", "edit", "DG", "--county", "43750"]) == 0)
            #expect(try county("DG") == "43750")
            #expect(run(["center", "list"]) == 0)

            #expect(run(["farmer", "add", "--name", "이월순", "--phone", "010-9876-5432", "--center", "GS"]) == 0)
            // A bare village of 괴산군 and one with its 읍.
            #expect(
                run([
                    "farm", "add", "--code", "F1", "--name", "동부리 농장", "--farmer", "01098765432", "--village",
                    "동부리", "--center", "GS",
                ]) == 0)
            #expect(
                run([
                    "worker", "add", "--name", "김영숙", "--phone", "010-1234-5678", "--village", "청천면 귀만리",
                    "--center", "GS",
                ]) == 0)
            // 진천군's village is not 괴산군's: refused, exit 2.
            #expect(
                run([
                    "worker", "add", "--name", "박순자", "--phone", "010-1234-5679", "--village", "이월면 중산리",
                    "--center", "GS",
                ]) == 2)
            let village: String? = try db.query("SELECT village FROM farms WHERE code = 'F1'")[0].decode(
                at: 0, as: String?.self)
            #expect(village == "괴산읍 동부리")
        }
    }
}
