import Foundation
import TaizhangText
import ZIPFoundation

/// Sheets as an Office Open XML workbook (.xlsx) that Excel, WPS and LibreOffice open:
/// numbers as numbers, text in a shared-strings table, bold titles and headers, columns
/// sized to their contents. The parts are deterministic; only the zip container is made
/// by ZIPFoundation.
public struct XLSXWorkbook: Sendable {
    public let sheets: [ReportSheet]

    public init(sheets: [ReportSheet]) { self.sheets = sheets }

    /// The package's parts by path, in the order they are zipped.
    public var parts: [(path: String, xml: String)] {
        var strings = SharedStrings()
        let worksheets = sheets.map { XLSXWorksheet.xml($0, strings: &strings) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", XLSXWorkbook.styles),
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
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: modified, compressionMethod: .deflate) { position, size in
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
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml).sheet.main+xml\"/>"
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(ml).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml).sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    var workbook: String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\"><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
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

    /// Two cell formats: 0 plain, 1 bold.
    static let styles = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
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
