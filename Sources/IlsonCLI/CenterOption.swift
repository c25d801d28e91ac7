import ArgumentParser
import Foundation

/// `--center CODE`: the center a command acts on; optional when the database holds one center.
struct CenterOption: ParsableArguments {
    @Option(help: "The center's code, e.g. JC (optional when the database holds exactly one center).")
    var center: String?
}

/// The bytes of a file named on the command line.
func readInputFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("cannot read \(path): check the path and that the file is readable", exitCode: .badInput)
    }
    return Array(data)
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
