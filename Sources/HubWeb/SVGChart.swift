/// The dashboard's charts as inline SVG text, drawn on the server: bars, stacked bars and a
/// grid. No pies: a stacked bar shows a partition of its total, and nothing else is drawn.
public enum SVGChart {
    /// One series of a chart: a label and a colour class from the stylesheet.
    public struct Series: Sendable, Equatable {
        public var label: String
        public var cssClass: String
        public init(label: String, cssClass: String) {
            self.label = label
            self.cssClass = cssClass
        }
    }

    /// Vertical bars, one group per category with one bar per series, a zero line and labels.
    public static func bars(categories: [String], series: [Series], values: [[Int64]], title: String,
                            width: Int = 640, height: Int = 220) -> String {
        let top = 16, bottom = 36, left = 48
        let plotHeight = height - top - bottom
        let maxValue = max(1, values.joined().map { abs($0) }.max() ?? 1)
        let groupWidth = categories.isEmpty ? 0 : (width - left - 8) / categories.count
        // Bars no wider than 28 px, centred in their group, however few the months.
        let barWidth = series.isEmpty ? 0 : min(28, max(1, (groupWidth - 6) / series.count))
        let inset = max(0, (groupWidth - 6 - barWidth * series.count) / 2)
        var svg = open(width: width, height: height, title: title)
        svg += "<text class=\"axis\" x=\"\(left - 4)\" y=\"\(top + 4)\" text-anchor=\"end\">\(maxValue)</text>"
        svg += "<text class=\"axis\" x=\"\(left - 4)\" y=\"\(top + plotHeight)\" text-anchor=\"end\">0</text>"
        svg += "<line class=\"zero\" x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 8)\" y2=\"\(top + plotHeight)\"/>"
        for (index, category) in categories.enumerated() {
            let x0 = left + index * groupWidth + 3
            for (seriesIndex, item) in series.enumerated() {
                let value = index < values.count && seriesIndex < values[index].count ? max(0, values[index][seriesIndex]) : 0
                let barHeight = Int(value * Int64(plotHeight) / maxValue)
                svg += "<rect class=\"\(escape(item.cssClass))\" x=\"\(x0 + inset + seriesIndex * barWidth)\" y=\"\(top + plotHeight - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\"><title>\(escape(category)) \(escape(item.label)): \(value)</title></rect>"
            }
            svg += "<text class=\"axis\" x=\"\(x0 + groupWidth / 2 - 3)\" y=\"\(height - bottom + 14)\" text-anchor=\"middle\">\(escape(category))</text>"
        }
        svg += legend(series, x: left, y: height - 6)
        return svg + "</svg>"
    }

    /// One horizontal bar split into parts that add up to `total` (a partition), with counts.
    public static func stackedBar(parts: [(Series, Int64)], title: String, width: Int = 640, height: Int = 56) -> String {
        let total = max(1, parts.map(\.1).reduce(0, +))
        var svg = open(width: width, height: height, title: title)
        var x = 0
        for (item, value) in parts where value > 0 {
            let partWidth = Int(value * Int64(width) / total)
            svg += "<rect class=\"\(escape(item.cssClass))\" x=\"\(x)\" y=\"0\" width=\"\(partWidth)\" height=\"28\"><title>\(escape(item.label)): \(value)</title></rect>"
            if partWidth >= 24 {
                svg += "<text class=\"inbar\" x=\"\(x + partWidth / 2)\" y=\"19\" text-anchor=\"middle\">\(value)</text>"
            }
            x += partWidth
        }
        svg += legend(parts.map(\.0), x: 0, y: height - 6)
        return svg + "</svg>"
    }

    /// A grid of cells (rows × columns), each cell a colour class; kept compact (no per-cell
    /// tooltip, size from the stylesheet's `rect.cell`) since a bureau may have a thousand rows.
    public static func grid(rows: [String], columns: [String], cells: [[String]], title: String) -> String {
        let cell = 18, left = 120, top = 22
        let width = left + columns.count * cell + 4, height = top + rows.count * cell + 4
        var svg = open(width: width, height: height, title: title)
        for (index, column) in columns.enumerated() {
            svg += "<text class=\"axis\" x=\"\(left + index * cell + cell / 2)\" y=\"14\" text-anchor=\"middle\">\(escape(column))</text>"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowIndex * cell
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(escape(row))</text>"
            for (columnIndex, value) in (rowIndex < cells.count ? cells[rowIndex] : []).enumerated() {
                svg += "<rect class=\"cell \(escape(value))\" x=\"\(left + columnIndex * cell)\" y=\"\(y)\" width=\"16\" height=\"16\"/>"
            }
        }
        return svg + "</svg>"
    }

    static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"svg-chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(escape(title))</title>"
    }

    static func legend(_ series: [Series], x: Int, y: Int) -> String {
        var svg = "", offset = x
        for item in series {
            svg += "<rect class=\"\(escape(item.cssClass))\" x=\"\(offset)\" y=\"\(y - 9)\" width=\"10\" height=\"10\"/>"
            svg += "<text class=\"legend\" x=\"\(offset + 14)\" y=\"\(y)\">\(escape(item.label))</text>"
            offset += 14 + item.label.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 13 : 7) } + 12
        }
        return svg
    }

    /// Escapes text for SVG/XML content and attributes: the same five characters as HTML.
    public static func escape(_ text: String) -> String { HTMLRows.escape(text) }
}
