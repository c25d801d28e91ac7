import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Vocabulary

/// `--format table|csv|json`: how a command that lists or shows things writes them (the one format enum).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json

    /// Writes a list on standard output in this format: the table `table()` renders, the rows as CSV under
    /// `headers`, or `json` as pretty, key-sorted JSON.
    func write(
        table: () -> String, headers: [String], rows: [[String]], json: some Encodable, encoding: CSVEncoding = .utf8
    ) throws {
        switch self {
        case .table: print(table(), terminator: "")
        case .csv: try encoding.write(CSVOutput.render(headers: headers, rows: rows))
        case .json: print(try JSONOutput.render(json), terminator: "")
        }
    }
}

/// Writes rows as CSV (RFC 4180 quoting) with a header; `CSVEncoding` makes the bytes.
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
