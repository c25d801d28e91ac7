/// A plain-text table whose columns line up by display width, so Hangul names align in a terminal.
public struct TextTable: Sendable {
    /// Column alignment.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    /// - Parameters:
    ///   - headers: column titles.
    ///   - alignments: per column; missing ones are left-aligned.
    public init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = alignments
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    public mutating func append(_ row: [String]) {
        var r = Array(row.prefix(headers.count))
        while r.count < headers.count { r.append("") }
        rows.append(r)
    }

    /// The table as lines: header, a rule, then the rows; columns separated by two spaces, no trailing spaces.
    public func render() -> String {
        var widths = headers.map { DisplayWidth.of($0) }
        for r in rows {
            for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                let right = i < alignments.count && alignments[i] == .right
                parts.append(DisplayWidth.pad(c, to: widths[i], right: right))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for r in rows { out.append(line(r)) }
        return out.joined(separator: "\n") + "\n"
    }
}
