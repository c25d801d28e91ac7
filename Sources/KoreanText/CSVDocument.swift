/// A CSV file as Korean spreadsheets write it: UTF-8 (with or without a byte-order mark) or CP949,
/// comma-separated, quoted per RFC 4180, CRLF or LF line ends.
public struct CSVDocument: Sendable, Hashable {
    /// One record and the 1-based line of the file it starts on.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    /// The encoding the file was read in.
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case cp949 = "CP949"
    }

    /// Why a file could not be read as CSV.
    public enum ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        case notText(String)
        case unterminatedQuote(line: Int)
        case empty
        public var description: String {
            switch self {
            case .notText(let why): "the file is neither UTF-8 nor CP949: \(why)"
            case .unterminatedQuote(let line): "a quoted field opened on line \(line) is never closed"
            case .empty: "the file is empty: a header row is required"
            }
        }
    }

    public var encoding: Encoding
    /// The header row, each name trimmed.
    public var header: [String]
    /// Every record after the header; blank lines are skipped.
    public var records: [Record]

    /// Reads CSV bytes, detecting UTF-8 (BOM or not) or CP949.
    ///
    /// - Throws: `ReadError` when the bytes are neither encoding, a quote is not closed, or there is no header.
    public init(bytes: [UInt8]) throws(ReadError) {
        let text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw .notText("it starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            text = s
            encoding = .utf8BOM
        } else if let s = String(validating: bytes, as: UTF8.self) {
            text = s
            encoding = .utf8
        } else {
            do {
                text = try CP949.decode(bytes)
            } catch {
                throw .notText(error.description)
            }
            encoding = .cp949
        }
        var all = try CSVDocument.parse(text)
        guard !all.isEmpty else { throw .empty }
        let head = all.removeFirst()
        header = head.fields.map { String($0.trimmingSpaces) }
        records = all
    }

    /// The index of the first column whose header equals one of `names` (case-insensitive, trimmed).
    public func column(_ names: [String]) -> Int? {
        let wanted = Set(names.map { $0.lowercased() })
        return header.firstIndex { wanted.contains($0.lowercased()) }
    }

    static func parse(_ text: String) throws(ReadError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var rowHasContent = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if rowHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                if !fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
                    records.append(Record(line: recordLine, fields: fields))
                }
            }
            fields = []
            rowHasContent = false
        }

        while let c = pending ?? it.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                inQuotes = true
                quoteLine = line
                rowHasContent = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                rowHasContent = true
            case "\r":
                if let n = it.next(), n != "\n" { pending = n }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || rowHasContent { endRecord() }
        return records
    }
}
