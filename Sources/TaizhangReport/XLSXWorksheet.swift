import TaizhangText

/// One worksheet part of the workbook: bordered tables, merged titles and sentences, the
/// panes frozen under the table's header with an autofilter on it, and a print set-up for
/// A4 landscape, one page wide, with the rows down to the header repeated on every page
/// and the page number in the footer.
enum XLSXWorksheet {
    static func xml(_ sheet: ReportSheet, selected: Bool, footer: String, strings: inout SharedStrings) -> String {
        let widths = columnWidths(sheet)
        let last = columnName(max(widths.count, 1) - 1)
        var xml = XLSXWorkbook.header + "<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<dimension ref=\"A1:\(last)\(max(sheet.rows.count, 1))\"/>"
        xml += "<sheetViews><sheetView" + (selected ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\">"
        if let table = sheet.table {
            let first = "A\(table.header + 2)"
            xml += "<pane ySplit=\"\(table.header + 1)\" topLeftCell=\"\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(first)\" sqref=\"\(first)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in widths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        var merges: [String] = []
        for (rowIndex, row) in sheet.rows.enumerated() where !row.cells.isEmpty {
            let number = rowIndex + 1
            let height = rowHeight(row, widths: widths)
            xml += "<row r=\"\(number)\"" + (height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
            for (column, cell) in row.cells.enumerated() {
                guard let style = XLSXStyle.of(cell, column: column, role: row.role,
                                               centred: sheet.centredColumns.contains(column)) else { continue }
                let reference = columnName(column) + String(number)
                switch cell {
                case .empty: xml += "<c r=\"\(reference)\" s=\"\(style.index(quoted: false))\"/>"
                case .number(let value): xml += "<c r=\"\(reference)\" s=\"\(style.index(quoted: false))\"><v>\(value)</v></c>"
                case .text(let text), .line(let text):
                    if text.isEmpty { xml += "<c r=\"\(reference)\" s=\"\(style.index(quoted: false))\"/>"; continue }
                    // Always a shared string, never a formula; formula-like text is quote-prefixed too.
                    xml += "<c r=\"\(reference)\" s=\"\(style.index(quoted: FormulaText.isFormulaLike(text)))\" t=\"s\">"
                        + "<v>\(strings.index(of: text))</v></c>"
                }
            }
            xml += "</row>"
            if let from = mergeStart(row), widths.count - 1 > from {
                merges.append("\(columnName(from))\(number):\(last)\(number)")
            }
        }
        xml += "</sheetData>"
        if let table = sheet.table, table.last >= table.header {
            xml += "<autoFilter ref=\"\(filterRange(sheet, table: table))\"/>"
        }
        if !merges.isEmpty {
            xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += "<printOptions horizontalCentered=\"1\"/>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.7\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>\(XMLText.escaped("&C" + footer))</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    /// The table's header row and its rows (totals stay outside, so sorting keeps them last).
    static func filterRange(_ sheet: ReportSheet, table: ReportSheet.Table) -> String {
        let width = sheet.rows[table.header].cells.count
        return "A\(table.header + 1):\(columnName(max(width, 1) - 1))\(table.last + 1)"
    }

    /// The column from which a row's last cell spans the sheet: titles and captions whole,
    /// a statement's sentence after its label.
    static func mergeStart(_ row: ReportSheet.Row) -> Int? {
        switch row.role {
        case .title, .caption: 0
        case .statement: row.cells.count - 1
        default: nil
        }
    }

    /// Points: the title tall, wrapped headers and sentences as many lines as they need
    /// (LibreOffice and Excel do not grow merged rows by themselves).
    static func rowHeight(_ row: ReportSheet.Row, widths: [Int]) -> String? {
        func lines(_ cell: ReportSheet.Cell, width: Int) -> Int {
            guard case .text(let text) = cell else { return 1 }
            let usable = max(Double(width) * 0.9 - 1, 1)
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { max(1, Int((glyphWidth(String($0)) / usable).rounded(.up))) }.reduce(0, +)
        }
        let lineHeight = 16
        switch row.role {
        case .title: return "30"
        case .header:
            let most = row.cells.enumerated().map { lines($1, width: $0 < widths.count ? widths[$0] : 10) }.max() ?? 1
            return String(most * lineHeight + 6)
        case .caption, .statement:
            guard let from = mergeStart(row), let cell = row.cells.last else { return nil }
            let width = widths.indices.contains(from) ? widths[from...].reduce(0, +) : 10
            let count = lines(cell, width: width)
            return String(count * lineHeight + (row.role == .caption ? 6 : 4))
        case .signature: return "30"
        default: return nil
        }
    }

    /// How many digit widths `text` takes in the sheet's font, roughly: column widths count
    /// digits; CJK glyphs and capitals run a little wider than DisplayWidth says, lower case narrower.
    static func glyphWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            if scalar.value >= 0x2E80 { return sum + 2.15 }
            if ("A"..."Z").contains(scalar) || scalar == "W" || scalar == "m" || scalar == "w" { return sum + 1.25 }
            if ("a"..."z").contains(scalar) || scalar == " " { return sum + 0.9 }
            return sum + 1.0
        }
    }

    /// `A`, `B`, … `Z`, `AA`, …
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The widths the layout chose; for a sheet without them, from the widest table cell of
    /// each column, a CJK character counting two.
    static func columnWidths(_ sheet: ReportSheet) -> [Int] {
        guard sheet.columnWidths.isEmpty else { return sheet.columnWidths }
        var widths = [Int](repeating: 0, count: sheet.columnCount)
        for row in sheet.rows where [.data, .total, .header].contains(row.role) {
            for (column, cell) in row.cells.enumerated() {
                switch cell {
                case .empty: break
                case .number(let value): widths[column] = max(widths[column], String(value).count + String(value).count / 3)
                case .text(let text), .line(let text): widths[column] = max(widths[column], DisplayWidth.of(text))
                }
            }
        }
        return widths.map { min(max($0, 6), 40) + 2 }
    }
}

/// Text made safe for XML character data and attribute values; characters XML 1.0 cannot
/// carry are dropped.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // A raw carriage return would be read back as a line feed.
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            case _ where scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
