import ArgumentParser
import Foundation
import KoreanText

/// `--format table|csv|json` for list commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Writes rows as CSV (RFC 4180 quoting, UTF-8) with a header.
enum CSVOutput {
    static func render(headers: [String], rows: [[String]]) -> String {
        CSVWriter.document(header: headers, rows: rows)
    }
}

/// Writes values as pretty, key-sorted JSON.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
