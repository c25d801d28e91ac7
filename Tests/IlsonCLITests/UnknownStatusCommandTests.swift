import Foundation
import Postgres
import Testing

/// An unknown status in the database reaches the person as an error naming the table and the value (exit 2),
/// through the real `ilson` binary.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct UnknownStatusCommandTests {
    @Test func rosterShowOfAnUnknownStateFails() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            try db.query("INSERT INTO centers (code, name) VALUES ('JC', '진천군 농촌인력중개센터')")
            try db.query("ALTER TABLE rosters DROP CONSTRAINT rosters_state_known")
            try db.query(
                "INSERT INTO rosters (center_id, work_date, state) SELECT id, '2026-12-02', 'frozen' FROM centers")

            let process = Process()
            process.executableURL = URL(fileURLWithPath: IlsonBinary.path)
            process.arguments = ["roster", "show", "--date", "tomorrow", "--database-url", url]
            process.environment = [
                "PATH": "/usr/local/bin:/usr/bin:/bin", "ILSON_CONFIG": "/dev/null", "ILSON_TODAY": "2026-12-01",
                "LANG": "C.UTF-8", "ILSON_LANG": "en",
            ]
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            #expect(process.terminationStatus == 2, "\(message)")
            #expect(message.contains(#"rosters.state holds "frozen", which ilson does not know"#), "\(message)")
        }
    }
}
