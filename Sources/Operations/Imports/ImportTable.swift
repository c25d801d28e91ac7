import KoreanText
import Texts

/// A column of an import format: its English and Korean header names.
public struct ImportColumn: Sendable, Hashable {
    /// The English header (`phone`).
    public var key: String
    /// The Korean header (`전화번호`).
    public var korean: String
    /// Whether every file must have it.
    public var required: Bool = false
}

/// One row of an import file, with its cells by column key.
struct ImportRow: Sendable {
    var line: Int
    var cells: [String: String]

    /// The trimmed cell, nil when the column is missing or the cell empty (an empty cell never clears a value).
    subscript(_ key: String) -> String? {
        guard let value = cells[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A whole number (`90,000` allowed), nil for an empty cell.
    func int(_ key: String) throws(OperationError) -> Int? {
        guard let text = self[key] else { return nil }
        guard let value = PlainNumber.integer(text) else {
            throw .badInput(T(.errCellNotWhole, ["column": FieldNames.shown(key), "value": Excerpt.quoted(text)]))
        }
        return value
    }

    /// A plain decimal number (`36.5`, `-0.25`): no hex, exponent, `inf` or `nan`; nil for an empty cell.
    func double(_ key: String) throws(OperationError) -> Double? {
        guard let text = self[key] else { return nil }
        guard let value = PlainNumber.decimal(text) else {
            throw .badInput(T(.errCellNotDecimal, ["column": FieldNames.shown(key), "value": Excerpt.quoted(text)]))
        }
        return value
    }
}

/// A CSV file read for an import: the header mapped to the format's columns, and the rows.
struct ImportTable {
    var encoding: CSVDocument.Encoding
    var rows: [ImportRow]
    /// Header names that are not columns of the format (ignored, and said so).
    var ignoredColumns: [String]

    /// Reads the bytes of an import file.
    ///
    /// - Throws: `OperationError.badInput` when the file is not CSV in UTF-8 or CP949, or a required column is missing.
    init(bytes: [UInt8], columns: [ImportColumn], file: String) throws(OperationError) {
        let document: CSVDocument
        do {
            document = try CSVDocument(bytes: bytes)
        } catch {
            throw .badInput("\(file): \(error.text)")
        }
        var index: [String: Int] = [:]
        var ignored: [String] = []
        for (position, name) in document.header.enumerated() {
            let lower = name.lowercased()
            if let column = columns.first(where: { $0.key == lower || $0.korean == name }) {
                if index[column.key] != nil {
                    throw .badInput(
                        T(.errColumnTwice, ["file": file, "column": column.key, "korean": column.korean]))
                }
                index[column.key] = position
            } else if !name.isEmpty {
                ignored.append(Excerpt.quoted(name))
            }
        }
        let missing = columns.filter { $0.required && index[$0.key] == nil }
        if !missing.isEmpty {
            let names = missing.map {
                Language.current == .ko ? "\($0.korean)(\($0.key))" : "\($0.key) (\($0.korean))"
            }
            throw .badInput(T(.errColumnsMissing, ["file": file, "columns": names.joined(separator: ", ")]))
        }
        encoding = document.encoding
        ignoredColumns = ignored
        rows = document.records.map { record in
            var cells: [String: String] = [:]
            for (key, position) in index where position < record.fields.count { cells[key] = record.fields[position] }
            return ImportRow(line: record.line, cells: cells)
        }
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Hashable, CustomStringConvertible {
    /// `farms`, `workers` or `requests`.
    public var what: String
    public var encoding: String
    public var rows: Int
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows left for a person (e.g. requests on an approved roster), each with its line and reason.
    public var reported: [String] = []
    /// Extra lines worth saying (ignored columns, availability ranges added).
    public var notes: [String] = []

    public var description: String {
        let shown: [String: TextKey] = ["workers": .importWorkers, "farms": .importFarms, "requests": .importRequests]
        var lines = [
            T(
                .importSummary,
                [
                    "what": shown[what].map { T($0) } ?? what, "rows": rows, "encoding": encoding, "created": created,
                    "updated": updated, "unchanged": unchanged, "reported": reported.count,
                ])
        ]
        lines += notes
        if !reported.isEmpty {
            lines.append(T(.importReportedHeader))
            lines += reported.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}

extension ImportSummary {
    /// The summary of an import of `what` (`farms`, `workers`, `requests`) before any row is written: the file's
    /// encoding and row count, and a note naming the columns it does not read.
    init(_ what: String, of table: ImportTable) {
        self.init(what: what, encoding: table.encoding.rawValue, rows: table.rows.count)
        if !table.ignoredColumns.isEmpty {
            notes.append(T(.importIgnoredColumns, ["columns": table.ignoredColumns.joined(separator: ", ")]))
        }
    }
}

/// Collects the bad rows of a file; throws them all at once.
struct RowErrors {
    var file: String
    private(set) var messages: [(line: Int, message: String)] = []

    init(file: String) { self.file = file }

    mutating func add(line: Int, _ message: String) { messages.append((line, message)) }

    /// Runs `body` for a row; its `OperationError` becomes a row error and nil is returned.
    mutating func check<T>(line: Int, _ body: () throws -> T) rethrows -> T? {
        do {
            return try body()
        } catch let error as OperationError {
            add(line: line, error.description)
            return nil
        }
    }

    /// Throws every bad row: nothing is imported.
    func throwIfAny() throws(OperationError) {
        guard !messages.isEmpty else { return }
        let sorted = messages.sorted { $0.line < $1.line }
        throw .badInput(
            T(.errBadRows, ["file": file, "count": sorted.count]) + "\n"
                + sorted.map { T(.errBadRowLine, ["line": $0.line, "message": $0.message]) }.joined(separator: "\n"))
    }
}

extension CSVDocument.ReadError {
    /// The error in the user's language, with the line named.
    var text: String {
        switch self {
        case .notText(let why): T(.csvNotText, ["why": why])
        case .invalidByte(let line, let byte, let encoding):
            T(.csvInvalidByte, ["line": line, "byte": String(byte, radix: 16, uppercase: true), "encoding": encoding])
        case .nulByte(let line): T(.csvNulByte, ["line": line])
        case .unterminatedQuote(let line): T(.csvUnterminatedQuote, ["line": line])
        case .fieldCount(let line, let found, let expected):
            T(.csvFieldCount, ["line": line, "found": found, "expected": expected])
        case .empty: T(.csvEmpty)
        }
    }
}
