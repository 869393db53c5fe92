/// A grid of cells, the common form of the CSV document and of each XLSX worksheet, so the
/// two show the same layout.
public struct ReportSheet: Sendable, Hashable {
    /// One cell: text, a whole number (a number in a spreadsheet), or nothing.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Int64)
        case empty
    }

    public var name: String
    public private(set) var rows: [[Cell]] = []
    /// Indexes of the rows shown bold (titles and column headers).
    public private(set) var boldRows: Set<Int> = []

    public init(name: String) { self.name = name }

    public mutating func append(_ cells: [Cell], bold: Bool = false) {
        if bold { boldRows.insert(rows.count) }
        rows.append(cells)
    }

    public mutating func appendBlank() { rows.append([]) }

    /// The widest row.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}

extension Array where Element == ReportSheet.Cell {
    static func texts(_ values: [String]) -> [ReportSheet.Cell] { values.map { .text($0) } }
}
