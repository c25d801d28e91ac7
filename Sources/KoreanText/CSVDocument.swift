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

    /// Why a file could not be read as CSV. Every case that concerns a place in the file names its physical line
    /// (1-based, counting the lines inside quoted fields).
    public enum ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        case notText(String)
        /// A byte that is not valid in the file's encoding (UTF-8 when the file reads as UTF-8 up to it, else CP949).
        case invalidByte(line: Int, byte: UInt8, encoding: String)
        /// A NUL byte: no spreadsheet writes one into a CSV file (a UTF-16 file, or a binary one).
        case nulByte(line: Int)
        case unterminatedQuote(line: Int)
        /// A record with more or fewer fields than the header.
        case fieldCount(line: Int, found: Int, expected: Int)
        case empty
        public var description: String {
            switch self {
            case .notText(let why): "the file is neither UTF-8 nor CP949: \(why)"
            case .invalidByte(let line, let byte, let encoding):
                "line \(line): byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid \(encoding); "
                    + "save the file as CSV in UTF-8 or CP949"
            case .nulByte(let line):
                "line \(line): the file holds a NUL byte (0x00), which CSV text never does; "
                    + "save it as CSV in UTF-8 or CP949 (not UTF-16)"
            case .unterminatedQuote(let line): "a quoted field opened on line \(line) is never closed"
            case .fieldCount(let line, let found, let expected):
                "line \(line): \(found) field(s) where the header has \(expected); "
                    + "every row needs one cell per header column (a comma inside a value needs double quotes)"
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
    /// - Throws: `ReadError` when the bytes hold a NUL or are neither encoding (naming the line of the bad byte), a
    ///   quote is not closed, a record has more or fewer fields than the header, or there is no header.
    public init(bytes: [UInt8]) throws(ReadError) {
        if let nul = bytes.firstIndex(of: 0) { throw .nulByte(line: CSVDocument.line(ofOffset: nul, in: bytes)) }
        let text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let bad = CSVDocument.firstInvalidUTF8(body) {
                throw .invalidByte(
                    line: CSVDocument.line(ofOffset: bad, in: body), byte: body[bad], encoding: "UTF-8")
            }
            text = String(decoding: body, as: UTF8.self)
            encoding = .utf8BOM
        } else if let bad = CSVDocument.firstInvalidUTF8(bytes) {
            do {
                text = try CP949.decode(bytes)
            } catch {
                // Neither encoding reads the whole file: the one that reads farther is the file's, and its bad byte
                // is the one to report (a UTF-8 file with one bad byte on line 4 is not a CP949 file bad on line 2).
                if bad > error.offset {
                    throw .invalidByte(
                        line: CSVDocument.line(ofOffset: bad, in: bytes), byte: bytes[bad], encoding: "UTF-8")
                }
                throw .invalidByte(
                    line: CSVDocument.line(ofOffset: error.offset, in: bytes), byte: error.byte, encoding: "CP949")
            }
            encoding = .cp949
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            encoding = .utf8
        }
        var all = try CSVDocument.parse(text)
        guard !all.isEmpty else { throw .empty }
        let head = all.removeFirst()
        header = head.fields.map { String($0.trimmingSpaces) }
        for record in all where record.fields.count != header.count {
            throw .fieldCount(line: record.line, found: record.fields.count, expected: header.count)
        }
        records = all
    }

    /// The 1-based line of a byte offset: `\r\n`, `\n` and a lone `\r` each end a line.
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                line += 1
            }
            i += 1
        }
        return line
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil when all do.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
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
                } else if c == "\r" {
                    // A line break inside quotes: `\r\n`, or a lone `\r`, counts one line, as outside.
                    field.append(c)
                    if let n = it.next() {
                        if n != "\n" { line += 1 }
                        pending = n
                    } else {
                        line += 1
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
