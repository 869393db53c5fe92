/// The workbook's cell formats, by what a cell is; each also exists quote-prefixed (text that
/// looks like a formula, kept as text even when a user edits the cell).
enum XLSXStyle: Int, CaseIterable {
    case plain, title, caption, label, statement, header, text, number, serial, totalText, totalNumber
    case signatureLabel, signatureLine, heading, centredText

    /// The `s` attribute of a cell.
    func index(quoted: Bool) -> Int { rawValue + (quoted ? Self.allCases.count : 0) }

    /// font, border, horizontal alignment, wrap, number format.
    private var format: (font: Int, border: Int, horizontal: String, wrap: Bool, numberFormat: Int) {
        switch self {
        case .plain: (0, 0, "general", false, 0)
        case .title: (2, 0, "center", true, 0)
        case .caption: (0, 0, "left", true, 0)
        case .label: (1, 0, "left", true, 0)
        case .statement: (0, 0, "left", true, 0)
        case .header: (1, 1, "center", true, 0)
        case .text: (0, 1, "left", false, 0)
        case .number: (0, 1, "right", false, 3)
        case .serial: (0, 1, "center", false, 1)
        case .totalText: (1, 1, "center", false, 0)
        case .totalNumber: (1, 1, "right", false, 3)
        case .signatureLabel: (0, 0, "right", false, 0)
        case .signatureLine: (0, 2, "center", false, 0)
        case .heading: (3, 0, "left", false, 0)
        case .centredText: (0, 1, "center", false, 0)
        }
    }

    /// styles.xml: fonts (0 plain, 1 bold, 2 the title, 3 a heading), borders (0 none, 1 thin
    /// on every side, 2 a line under), number formats 3 (`#,##0`, thousands separators) and 1 (`0`).
    static func stylesheet(fontName: String) -> String {
        let name = "<name val=\"\(XMLText.escaped(fontName))\"/><family val=\"2\"/>"
        let thin = "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
            + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"
        var xml = XLSXWorkbook.header + "<styleSheet xmlns=\"\(XLSXWorkbook.mainNamespace)\">"
            + "<fonts count=\"4\"><font><sz val=\"11\"/>\(name)</font><font><b/><sz val=\"11\"/>\(name)</font>"
            + "<font><b/><sz val=\"16\"/>\(name)</font><font><b/><sz val=\"12\"/>\(name)</font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"3\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(thin)</border>"
            + "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(allCases.count * 2)\">"
        for quoted in [false, true] {
            for style in allCases {
                let f = style.format
                xml += "<xf numFmtId=\"\(f.numberFormat)\" fontId=\"\(f.font)\" fillId=\"0\" borderId=\"\(f.border)\" xfId=\"0\""
                    + (f.numberFormat != 0 ? " applyNumberFormat=\"1\"" : "") + (f.font != 0 ? " applyFont=\"1\"" : "")
                    + (f.border != 0 ? " applyBorder=\"1\"" : "") + (quoted ? " quotePrefix=\"1\"" : "")
                    + " applyAlignment=\"1\"><alignment horizontal=\"\(f.horizontal)\" vertical=\"center\""
                    + (f.wrap ? " wrapText=\"1\"" : "") + (style.indented ? " indent=\"1\"" : "") + "/></xf>"
            }
        }
        return xml + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    /// Table cells keep a little space from their borders.
    var indented: Bool { self == .text || self == .number || self == .totalNumber }

    /// The format of `cell` in column `column` of a row with `role`; nil: the cell is left out.
    static func of(_ cell: ReportSheet.Cell, column: Int, role: ReportSheet.Role, centred: Bool = false) -> XLSXStyle? {
        switch (role, cell) {
        case (.title, _): .title
        case (.caption, _): .caption
        case (.statement, _): column == 0 ? .label : .statement
        case (.header, _): .header
        case (.data, .number): column == 0 ? .serial : .number
        case (.data, _): centred ? .centredText : .text
        case (.total, .number): .totalNumber
        case (.total, _): .totalText
        case (.signature, .line): .signatureLine
        case (.signature, .text): .signatureLabel
        case (.heading, .text): .heading
        case (_, .empty): nil
        default: .plain
        }
    }
}
