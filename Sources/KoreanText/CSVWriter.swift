/// Writes CSV as RFC 4180 says and spreadsheets read it: the one CSV writer of the project
/// (command output, generated import files, the file gateway's export).
///
/// Cells are neutralised against spreadsheet formula injection (the OWASP "CSV injection" rule): a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as
/// text and never runs it. The one exception is a plain negative decimal number (`-3`, `-0.5`): it cannot be a
/// formula and stays a number. A text cell that merely starts with `-` (`-3+A1`, `--x`) is neutralised.
public enum CSVWriter {
    /// How records end.
    public enum LineEnd: String, Sendable {
        /// `\n`, for terminals and pipes.
        case lf = "\n"
        /// `\r\n`, as spreadsheets write files.
        case crlf = "\r\n"
    }

    /// One field: neutralised when a spreadsheet would read it as a formula (`neutralised(_:)`), then quoted when
    /// it holds a comma, a quote or a line break (`"` doubled inside quotes).
    public static func field(_ raw: String) -> String {
        let text = neutralised(raw)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The cell with a leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, unless it is
    /// a plain negative decimal number such as `-3` or `-12.5`.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        if first == "-", isPlainNegativeNumber(text) { return text }
        return "'" + text
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `-` then ASCII digits, optionally `.` and more digits.
    static func isPlainNegativeNumber(_ text: String) -> Bool {
        let rest = text.utf8.dropFirst()
        let parts = rest.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// One record: its fields quoted as needed, joined by commas, with the line end.
    public static func record(_ fields: [String], lineEnd: LineEnd = .lf) -> String {
        fields.map(field).joined(separator: ",") + lineEnd.rawValue
    }

    /// A whole document: the header, then every row.
    ///
    /// - Parameters:
    ///   - header: the column names.
    ///   - rows: the records, each as many fields as the header (not checked).
    ///   - lineEnd: `\n` (default) or `\r\n`.
    ///   - byteOrderMark: start with U+FEFF, so spreadsheet programs read the file as UTF-8.
    public static func document(
        header: [String], rows: [[String]], lineEnd: LineEnd = .lf, byteOrderMark: Bool = false
    ) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += record(header, lineEnd: lineEnd)
        for row in rows { out += record(row, lineEnd: lineEnd) }
        return out
    }
}
