import ArgumentParser
import Foundation
import Operations
import Records
import Texts
import Vocabulary

/// The CSV file an import command reads, or `--template`: an empty sheet with the Korean headers.
struct InputFileArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(T(.helpCsvFile)))
    var path: String?
    @Flag(help: ArgumentHelp(T(.helpWriteEmptySheetKorean)))
    var template = false

    func validate() throws {
        guard template || path != nil else {
            throw ValidationError(T(.errImportFileMissing))
        }
    }

    /// The file's name, for messages.
    var file: String { path ?? "-" }

    /// With `--template`, writes the format's empty sheet (to the file, never over an existing one, or to standard
    /// output) and returns true; otherwise false.
    func writeTemplate(_ format: ImportFormat) throws -> Bool {
        guard template else { return false }
        let bytes = Data(format.template)
        guard let path else {
            FileHandle.standardOutput.write(bytes)
            return true
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(T(.errTemplateExists, ["path": path]), exitCode: .badInput)
        }
        guard FileManager.default.createFile(atPath: path, contents: bytes) else {
            throw CommandFailure(T(.errTemplateWrite, ["path": path]), exitCode: .badInput)
        }
        print(T(.templateWritten, ["path": path, "file": format.file, "count": format.columns.count]))
        return true
    }

    /// The file's bytes.
    ///
    /// - Throws: `CommandFailure` (exit 2) when it cannot be read.
    func bytes() throws -> [UInt8] {
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(
                T(.errCannotReadImport, ["file": file]), exitCode: .badInput)
        }
        return Array(data)
    }
}

/// A comma-separated option value as a list (`a,b` or `a;b`).
func splitList(_ text: String?) -> [String]? {
    text.map { $0.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) } }
}

/// A number without trailing zeros (`30`, `12.5`).
func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

/// KRW with thousands separators (`130,000`).
func formatWon(_ value: Int?) -> String {
    guard let value else { return "" }
    let digits = String(value)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}
