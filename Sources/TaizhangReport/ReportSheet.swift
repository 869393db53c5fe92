import TaizhangText

/// A grid of cells, the common form of the CSV document and of each XLSX worksheet, so the
/// two show the same layout. Each row has a role, which the XLSX writer turns into a style
/// (borders, alignment, merges) and the CSV writer ignores.
public struct ReportSheet: Sendable, Hashable {
    /// One cell: text, a whole number (a number in a spreadsheet), or nothing.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Int64)
        /// A line to sign or write on, with what is printed on it (possibly nothing).
        case line(String)
        case empty
    }

    /// What a row is, for its look in a workbook.
    public enum Role: Sendable, Hashable {
        /// The sheet's title: large, bold, centred across the table.
        case title
        /// A line under the title (填报单位, units, as-of): its last cell spans the table.
        case caption
        /// A label and a sentence that spans the rest of the table (completeness, notes).
        case statement
        /// Column headers: bold, centred, wrapped, bordered.
        case header
        /// A table row: bordered, numbers right-aligned with thousands separators.
        case data
        /// A 合计 row: as a data row, bold.
        case total
        /// Label, line to sign on, label, line …: the lines are underlined.
        case signature
        /// A section heading inside a sheet (e.g. 更正明细).
        case heading
        case blank
    }

    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        public var role: Role
    }

    /// Where the sheet's main table is: its header row and last row (0-based). A workbook
    /// freezes the panes under the header, puts an autofilter on it and repeats the rows
    /// up to it on every printed page.
    public struct Table: Sendable, Hashable {
        public var header: Int
        public var last: Int
    }

    public var name: String
    public private(set) var rows: [Row] = []
    public var table: Table?
    /// Column widths in characters (a CJK character counts two).
    public var columnWidths: [Int] = []
    /// Columns whose text is centred in table rows (short codes such as units).
    public var centredColumns: Set<Int> = []

    /// The width column `column` needs for its table cells (data and totals), within bounds.
    public func fittedWidth(_ column: Int, minimum: Int, maximum: Int = 40) -> Int {
        var widest = 0
        for row in rows where row.role == .data || row.role == .total {
            guard row.cells.indices.contains(column) else { continue }
            switch row.cells[column] {
            case .text(let text), .line(let text): widest = max(widest, DisplayWidth.of(text))
            case .number(let value): widest = max(widest, String(value).count + String(value.magnitude).count / 3)
            case .empty: break
            }
        }
        return min(max(widest + 3, minimum), maximum)
    }

    public init(name: String) { self.name = name }

    public mutating func append(_ cells: [Cell], role: Role = .data) {
        rows.append(Row(cells: cells, role: role))
    }

    public mutating func appendBlank() { rows.append(Row(cells: [], role: .blank)) }

    /// Marks the header just appended, and (with `endTable`) the last row of its table.
    public mutating func beginTable() { table = Table(header: rows.count - 1, last: rows.count - 1) }
    public mutating func endTable() { table?.last = rows.count - 1 }

    /// The widest row, or the column widths given, whichever is wider.
    public var columnCount: Int { max(rows.map(\.cells.count).max() ?? 0, columnWidths.count) }
}

extension Array where Element == ReportSheet.Cell {
    static func texts(_ values: [String]) -> [ReportSheet.Cell] { values.map { .text($0) } }
}
