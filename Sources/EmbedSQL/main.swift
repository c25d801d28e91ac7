// Build tool behind the EmbedMigrations plugin: writes a Swift source that holds the
// migration files (sql/NNN_name.sql) byte for byte, so the ilson binary carries its
// schema wherever it is copied.
//
// Usage: EmbedSQL OUTPUT.swift [FILE.sql …]
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedSQL OUTPUT.swift [FILE.sql …]\n".utf8))
    exit(2)
}
let inputs = arguments.dropFirst().sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }

var source = """
    // Generated at build time by the EmbedMigrations plugin from sql/*.sql. Do not edit.

    /// The migration files compiled into the binary: file name and contents (base64, exact bytes).
    let embeddedMigrationFiles: [(name: String, base64: String)] = [

    """
for path in inputs {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedSQL: cannot read \(path)\n".utf8))
        exit(1)
    }
    let name = (path as NSString).lastPathComponent
    source += "    (name: \"\(name)\", base64: \"\(data.base64EncodedString())\"),\n"
}
source += "]\n"

// Rewrite only on change, so an unchanged schema does not recompile the Storage module.
if FileManager.default.contents(atPath: outputPath) != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("EmbedSQL: cannot write \(outputPath): \(error)\n".utf8))
        exit(1)
    }
}
