/// Writes CSV as RFC 4180 says and spreadsheets read it: the one CSV writer of the project
/// (command output, generated import files, the file gateway's export).
public enum CSVWriter {
    /// How records end.
    public enum LineEnd: String, Sendable {
        /// `\n`, for terminals and pipes.
        case lf = "\n"
        /// `\r\n`, as spreadsheets write files.
        case crlf = "\r\n"
    }

    /// One field, quoted when it holds a comma, a quote or a line break (`"` doubled inside quotes).
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
