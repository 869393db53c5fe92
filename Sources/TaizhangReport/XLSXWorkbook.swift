import Foundation
import TaizhangText
import ZIPFoundation

/// Sheets as an Office Open XML workbook (.xlsx) that Excel, WPS and LibreOffice open and
/// print as a report: numbers as numbers, text always as shared strings (never a formula),
/// the styles of `XLSXStyle`, each table's autofilter and print titles as defined names.
/// The parts are deterministic; only the zip container is made by ZIPFoundation.
public struct XLSXWorkbook: Sendable {
    public let sheets: [ReportSheet]
    /// The font of every cell (宋体 for a Chinese report).
    public let fontName: String
    /// The footer's centre, with `&P` (page) and `&N` (pages).
    public let footer: String

    /// What `docProps/app.xml` names as the application: how `--out` knows a workbook is an
    /// earlier export it may replace (the part is stored uncompressed, so the bytes show).
    public static let application = "Taizhang"

    public init(sheets: [ReportSheet], fontName: String = "Calibri", footer: String = "Page &P of &N") {
        self.sheets = sheets
        self.fontName = fontName
        self.footer = footer
    }

    public init(sheets: [ReportSheet], language: ReportLanguage) {
        self.init(sheets: sheets, fontName: language == .zh ? "宋体" : "Calibri",
                  footer: language == .zh ? "第 &P 页 共 &N 页" : "Page &P of &N")
    }

    /// The package's parts by path, in the order they are zipped.
    public var parts: [(path: String, xml: String)] {
        var strings = SharedStrings()
        let worksheets = sheets.enumerated().map { index, sheet in
            XLSXWorksheet.xml(sheet, selected: index == 0, footer: footer, strings: &strings)
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("docProps/app.xml", applicationProperties),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", XLSXStyle.stylesheet(fontName: fontName)),
        ]
        for (index, xml) in worksheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", xml)) }
        parts.append(("xl/sharedStrings.xml", strings.xml))
        return parts
    }

    /// The zipped workbook.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time, so the same report gives the same bytes.
        let modified = Date(timeIntervalSince1970: 1_262_304_000)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                 compressionMethod: part.path.hasPrefix("docProps/") ? .none : .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    var contentTypes: String {
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml).sheet.main+xml\"/>"
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(ml).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml).sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    var applicationProperties: String {
        Self.header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>\(Self.application)</Application></Properties>"
    }

    var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(Self.relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    var workbook: String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        // Each table's autofilter range and the rows repeated on every printed page.
        var names = ""
        for (index, sheet) in sheets.enumerated() {
            guard let table = sheet.table else { continue }
            let quoted = "'" + sheet.name.replacingAll("'", with: "''") + "'!"
            let range = XLSXWorksheet.filterRange(sheet, table: table).split(separator: ":").map { reference in
                let letters = reference.prefix { $0.isLetter }, digits = reference.drop { $0.isLetter }
                return "$\(letters)$\(digits)"
            }.joined(separator: ":")
            names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + XMLText.escaped(quoted + range) + "</definedName>"
            names += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                + XMLText.escaped(quoted + "$1:$\(table.header + 1)") + "</definedName>"
        }
        if !names.isEmpty { xml += "<definedNames>" + names + "</definedNames>" }
        return xml + "</workbook>"
    }

    var workbookRelationships: String {
        var xml = Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(Self.relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }
}

/// The workbook's table of distinct strings; cells refer to them by index.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        indexes[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        var xml = XLSXWorkbook.header
            + "<sst xmlns=\"\(XLSXWorkbook.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings { xml += "<si><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></si>" }
        return xml + "</sst>"
    }
}
