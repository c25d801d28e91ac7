import Foundation

/// A horizontal bar chart drawn as SVG: one bar per label, with an optional target mark per bar (for
/// `report targets`, once targets exist).
public struct BarChart: Sendable, Hashable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Int
        /// A target to mark on the bar, when there is one.
        public var target: Int?
        public init(label: String, value: Int, target: Int? = nil) {
            self.label = label
            self.value = value
            self.target = target
        }
    }

    public var title: String
    /// What the values count (`연인원`).
    public var unit: String
    public var bars: [Bar]

    public init(title: String, unit: String, bars: [Bar]) {
        self.title = title
        self.unit = unit
        self.bars = bars
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let width = 680.0
        let labelWidth = 170.0
        let valueWidth = 70.0
        let rowHeight = 22.0
        let top = 8.0
        let height = top + Double(max(bars.count, 1)) * rowHeight + 8
        let maxValue = max(1, bars.map { max($0.value, $0.target ?? 0) }.max() ?? 1)
        let span = width - labelWidth - valueWidth - 8
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
        out += "width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" font-size=\"12\" "
        out += "font-family=\"\(HTMLText.escape(HTMLText.fontFamily))\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n"
        if bars.isEmpty {
            out += "<text x=\"0\" y=\"22\" fill=\"#555555\">자료 없음</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let w = Double(max(bar.value, 0)) / Double(maxValue) * span
            out +=
                "<g class=\"bar\"><text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\" fill=\"#111111\">"
            out += "\(HTMLText.escape(bar.label))</text>"
            out += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 6))\" "
            out += "fill=\"#2b6cb0\"/>"
            if let t = bar.target {
                let tx = labelWidth + Double(max(t, 0)) / Double(maxValue) * span
                out +=
                    "<line x1=\"\(f(tx))\" y1=\"\(f(y))\" x2=\"\(f(tx))\" y2=\"\(f(y + rowHeight))\" stroke=\"#d62728\" "
                out += "stroke-width=\"2\"/>"
            }
            let text = "\(HTMLText.grouped(bar.value))" + (bar.target.map { " / 목표 \(HTMLText.grouped($0))" } ?? "")
            out +=
                "<text x=\"\(f(labelWidth + w + 4))\" y=\"\(f(y + 14))\" fill=\"#333333\">\(HTMLText.escape(text))</text></g>\n"
        }
        out += "</svg>\n"
        return out
    }
}

/// A page of bar charts for the county (`report placements --format html`), in the day sheets' style.
public struct ChartReport: Sendable, Hashable {
    public var title: String
    /// Lines under the title (the center, the period, what counts).
    public var notes: [String]
    public var charts: [BarChart]

    public init(title: String, notes: [String], charts: [BarChart]) {
        self.title = title
        self.notes = notes
        self.charts = charts
    }

    /// The whole HTML document (every value escaped).
    public func html() -> String {
        var body = "<section class=\"page report\">\n<h1>\(HTMLText.escape(title))</h1>\n"
        for n in notes { body += "<p class=\"meta\">\(HTMLText.escape(n))</p>\n" }
        for c in charts {
            body += "<h3>\(HTMLText.escape(c.title)) (\(HTMLText.escape(c.unit)))</h3>\n<figure>\n\(c.svg())</figure>\n"
        }
        body += "</section>\n"
        return HTMLText.document(title: title, body: body)
    }
}
