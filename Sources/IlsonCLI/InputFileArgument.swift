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
            throw ValidationError("give the CSV file to import (or --template for an empty sheet)")
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
            throw CommandFailure("\(path) 파일이 이미 있습니다: 다른 이름을 주세요 (지우지 않습니다)", exitCode: .badInput)
        }
        guard FileManager.default.createFile(atPath: path, contents: bytes) else {
            throw CommandFailure("\(path)에 쓸 수 없습니다: 경로와 권한을 확인하세요", exitCode: .badInput)
        }
        print("\(path): \(format.file) 빈 양식 (CP949, 한글 머리글 \(format.columns.count)개)")
        return true
    }

    /// The file's bytes.
    ///
    /// - Throws: `CommandFailure` (exit 2) when it cannot be read.
    func bytes() throws -> [UInt8] {
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(
                "cannot read \(file): check the path and that the file is readable", exitCode: .badInput)
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
