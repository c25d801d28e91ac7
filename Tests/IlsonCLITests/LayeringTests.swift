import Foundation
import Testing

/// The command line is sealed off from the database layers: it talks to Operations only
/// (`docs/architecture.md`). These tests read the sources and the manifest, so a new `import Storage`
/// in a command fails here even though the build (which sees every module) would accept it.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `import` line of a module's sources, with the file it stands in.
    static func imports(of module: String) throws -> [(file: String, module: String)] {
        let folder = root.appendingPathComponent("Sources").appendingPathComponent(module)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var found: [(file: String, module: String)] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.first == "import", words.count >= 2 else { continue }
                // `import struct Postgres.Connection` names the module after the kind.
                let name = words.count >= 3 ? words[2] : words[1]
                found.append((file, String(name.split(separator: ".").first ?? name)))
            }
        }
        return found
    }

    @Test(arguments: ["IlsonCLI", "ilson"])
    func commandLineImportsNeitherStorageNorPostgres(module: String) throws {
        let imports = try Self.imports(of: module)
        #expect(!imports.isEmpty || module == "ilson")
        let forbidden = imports.filter { ["Storage", "Postgres", "CLibPQ"].contains($0.module) }
        #expect(forbidden.isEmpty, "\(forbidden.map { "\($0.file) imports \($0.module)" })")
    }

    @Test func pureModulesImportNoDatabaseNorCommandLine() throws {
        let io: Set = [
            "Storage", "Postgres", "CLibPQ", "Operations", "IlsonCLI", "ArgumentParser", "Messaging", "CCurl",
        ]
        for module in ["Vocabulary", "Scheduling", "Records", "KoreanText", "Boundaries", "PrintSheets", "Texts"] {
            let bad = try Self.imports(of: module).filter { io.contains($0.module) }
            #expect(bad.isEmpty, "\(module): \(bad.map { "\($0.file) imports \($0.module)" })")
        }
        let vocabulary = try Self.imports(of: "Vocabulary").map(\.module)
        #expect(vocabulary.isEmpty, "Vocabulary imports \(vocabulary)")
    }

    @Test func manifestGivesTheCommandLineNoDatabaseDependency() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let start = try #require(manifest.range(of: "name: \"IlsonCLI\""))
        // The target's text runs to the next target's declaration.
        let end = try #require(manifest.range(of: "Target(name:", range: start.upperBound..<manifest.endIndex))
        let target = manifest[start.upperBound..<end.lowerBound]
        #expect(target.contains("\"Operations\""))
        #expect(!target.contains("\"Storage\""))
        #expect(!target.contains("\"Postgres\""))
        #expect(target.contains("MemberImportVisibility"))
    }
}
