import Foundation
import Testing

@testable import IlsonCLI

@Suite struct ConfigurationTests {
    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-\(UUID().uuidString).conf").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func precedenceIsFlagThenEnvironmentThenFile() throws {
        let path = try Self.temporaryFile(
            """
            # ilson settings
            ILSON_DATABASE_URL=postgresql://file/db
            export ILSON_LOG_LEVEL="debug"

            ILSON_SMS_GATEWAY = 'file'
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try Configuration.load(environment: ["ILSON_CONFIG": path])
        #expect(configuration.value("ILSON_DATABASE_URL")?.value == "postgresql://file/db")
        #expect(configuration.value("ILSON_DATABASE_URL")?.origin == .file(path))
        #expect(configuration.value("ILSON_LOG_LEVEL")?.value == "debug")
        #expect(configuration.value("ILSON_SMS_GATEWAY")?.value == "file")

        let withEnvironment = try Configuration.load(
            environment: ["ILSON_CONFIG": path, "ILSON_DATABASE_URL": "postgresql://env/db"])
        #expect(withEnvironment.value("ILSON_DATABASE_URL")?.value == "postgresql://env/db")
        #expect(withEnvironment.value("ILSON_DATABASE_URL", flag: "postgresql://flag/db")?.origin == .flag)
        #expect(withEnvironment.value("ILSON_TODAY") == nil)
    }

    @Test func systemFileIsUsedOnlyWithoutIlsonConfig() throws {
        let path = try Self.temporaryFile("ILSON_TODAY=2026-12-01\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Configuration.load(environment: [:], systemFile: path).value("ILSON_TODAY")?.value == "2026-12-01")
        #expect(try Configuration.load(environment: [:], systemFile: path + ".missing").value("ILSON_TODAY") == nil)
    }

    @Test func badConfigurationIsBadInputAndQuotesNoValue() throws {
        #expect(throws: ConfigurationError.missingFile("/no/such/ilson.conf")) {
            try Configuration.load(environment: ["ILSON_CONFIG": "/no/such/ilson.conf"])
        }
        let path = try Self.temporaryFile("ILSON_DATABASE_URL=postgresql://a/b\npostgresql://kim:pw-secret@h/db\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try Configuration.load(environment: ["ILSON_CONFIG": path])
            Issue.record("expected a bad line")
        } catch {
            #expect(error.exitCode == .badInput)
            #expect(error.message.contains("line 2"))
            #expect(!error.message.contains("pw-secret"))
        }
        let unknown = try Self.temporaryFile("ILSON_DATABSE_URL=x\n")
        defer { try? FileManager.default.removeItem(atPath: unknown) }
        #expect(throws: ConfigurationError.self) { try Configuration.load(environment: ["ILSON_CONFIG": unknown]) }
    }

    @Test func deadDatabaseIsExitThreeWithHostAndPortButNoPassword() throws {
        let options = try DatabaseOptions.parse(["--database-url", "postgresql://kim:pw-secret@127.0.0.1:1/ilson"])
        do {
            _ = try CommandContext(options, environment: [:]).connect()
            Issue.record("expected a connection failure")
        } catch {
            let failure = try #require(ilsonFailure(for: error))
            #expect(failure.exitCode == .databaseUnreachable)
            #expect(failure.message.contains("host 127.0.0.1 port 1"))
            #expect(failure.message.contains("the command line"))
            #expect(!failure.message.contains("pw-secret"))
        }
        #expect(
            IlsonCommand.runMain(["db", "status", "--database-url", "postgresql://kim:pw-secret@127.0.0.1:1/ilson"])
                == 3)
    }

    @Test func malformedDatabaseURLIsBadInput() {
        #expect(IlsonCommand.runMain(["db", "migrate", "--database-url", "postgresql://kim:pw@[::1"]) == 2)
    }
}
