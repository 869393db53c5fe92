/// A plain-text table whose columns line up in a terminal, Chinese text and emoji included,
/// and that fits a given width: optional columns go first, then a wrapping column wraps
/// within itself, and if that is not enough each row becomes a block of "title: value"
/// lines (as `kubectl describe` does).
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// How a column gives way when the table is too wide.
    public enum Fit: Sendable { case keep, wrap, optional }

    public struct Column: Sendable {
        public let title: String
        public let alignment: Alignment
        public let fit: Fit
        public init(_ title: String, _ alignment: Alignment = .left, fit: Fit = .keep) {
            self.title = title
            self.alignment = alignment
            self.fit = fit
        }
    }

    public let columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row.map(Self.singleLine))
    }

    /// The table as lines, two spaces between columns, no trailing spaces, at most `width`
    /// display columns wide when a width is given.
    public func render(width: Int? = nil) -> String {
        var shown = Array(columns.indices)
        let natural = columns.indices.map { column in
            max(DisplayWidth.of(columns[column].title), rows.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        func total(_ indices: [Int]) -> Int { indices.map { natural[$0] }.reduce(0, +) + 2 * max(0, indices.count - 1) }
        guard let width, total(shown) > width else { return lines(shown, natural) }
        while total(shown) > width, let drop = shown.lastIndex(where: { columns[$0].fit == .optional }) {
            shown.remove(at: drop)
        }
        if total(shown) <= width { return lines(shown, natural) }
        let wrapping = shown.filter { columns[$0].fit == .wrap }
        if !wrapping.isEmpty {
            let room = width - (total(shown) - wrapping.map { natural[$0] }.reduce(0, +))
            // Each wrapping column gets at least its title (and up to 10 columns), the rest of
            // the room in proportion to what it would need beyond that.
            var widths = natural
            let least = wrapping.map { max(DisplayWidth.of(columns[$0].title), min(natural[$0], 10)) }
            let spare = room - least.reduce(0, +)
            if spare >= 0 {
                let wanted = zip(wrapping, least).map { natural[$0] - $1 }.reduce(0, +)
                var left = spare
                for (position, column) in wrapping.enumerated() {
                    let extra = position == wrapping.count - 1 ? left : spare * (natural[column] - least[position]) / max(1, wanted)
                    widths[column] = min(natural[column], least[position] + extra)
                    left -= widths[column] - least[position]
                }
                return lines(shown, widths, wrapping: Set(wrapping))
            }
        }
        return blocks(width: width)
    }

    private func lines(_ shown: [Int], _ widths: [Int], wrapping: Set<Int> = []) -> String {
        var out: [String] = []
        for (index, row) in ([columns.map(\.title)] + rows).enumerated() {
            let cells = shown.map { wrapping.contains($0) && index > 0 ? TextWrap.lines(row[$0], width: widths[$0]) : [row[$0]] }
            for part in 0..<(cells.map(\.count).max() ?? 1) {
                var line = ""
                for (position, column) in shown.enumerated() {
                    let cell = part < cells[position].count ? cells[position][part] : ""
                    let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
                    let right = columns[column].alignment == .right && index > 0
                    line += (position == 0 ? "" : "  ") + (right ? padding + cell : cell + padding)
                }
                out.append(Self.trimmingTrailingSpaces(line))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One block per row: "title  value" lines, values wrapped to the width.
    private func blocks(width: Int) -> String {
        let titleWidth = columns.map { DisplayWidth.of($0.title) }.max() ?? 0
        var out: [String] = []
        for row in rows {
            if !out.isEmpty { out.append("") }
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                let title = columns[column].title
                let pad = String(repeating: " ", count: titleWidth - DisplayWidth.of(title))
                let valueLines = TextWrap.lines(cell, width: max(10, width - titleWidth - 2))
                for (index, value) in valueLines.enumerated() {
                    out.append(Self.trimmingTrailingSpaces((index == 0 ? title + pad : String(repeating: " ", count: titleWidth)) + "  " + value))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }

    static func singleLine(_ text: String) -> String {
        PrintableText.escaped(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }
}
