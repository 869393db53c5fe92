import TaizhangText

/// One worksheet part of the workbook.
enum XLSXWorksheet {
    static func xml(_ sheet: ReportSheet, strings: inout SharedStrings) -> String {
        var xml = XLSXWorkbook.header + "<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">"
        // Printed landscape, one page wide.
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = columnWidths(sheet)
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, cells) in sheet.rows.enumerated() where !cells.isEmpty {
            let number = rowIndex + 1
            let style = sheet.boldRows.contains(rowIndex) ? " s=\"1\"" : ""
            xml += "<row r=\"\(number)\">"
            for (column, cell) in cells.enumerated() {
                let reference = columnName(column) + String(number)
                switch cell {
                case .empty: if !style.isEmpty { xml += "<c r=\"\(reference)\"\(style)/>" }
                case .number(let value): xml += "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
                case .text(let text): xml += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
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

    /// Widths in characters from the widest cell of each column, a CJK character counting
    /// two. Text in a row of one or two cells (the title and the lines under it) may spill
    /// into the empty cells beside it: a title does not count, a label only in column A.
    static func columnWidths(_ sheet: ReportSheet) -> [String] {
        var widths = [Int](repeating: 0, count: sheet.columnCount)
        for row in sheet.rows {
            for (column, cell) in row.enumerated() where row.count > 2 || (row.count == 2 && column == 0) {
                let width: Int
                switch cell {
                case .empty: width = 0
                case .number(let value): width = String(value).count
                case .text(let text): width = DisplayWidth.of(text)
                }
                widths[column] = max(widths[column], width)
            }
        }
        return widths.map { String(min(max($0, 6), 60) + 2) }
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
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            case _ where scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
