import ArgumentParser
import Foundation
import Operations
import Records
import Vocabulary

/// The CSV file an import command reads.
struct InputFileArgument: ParsableArguments {
    @Argument(help: "The CSV file.") var file: String

    /// The file's bytes.
    ///
    /// - Throws: `CommandFailure` (exit 2) when it cannot be read.
    func bytes() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
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
