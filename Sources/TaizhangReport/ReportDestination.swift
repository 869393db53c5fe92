#if canImport(Glibc)
import Glibc
#endif
import TaizhangCore

/// Where a report goes: stdout (CSV and JSON by default) or a file written whole or not at
/// all (XLSX by default to `taizhang-export-YYYY-MM.xlsx` in the current folder).
public enum ReportDestination {
    case standardOutput
    case file(ReportFile)

    /// Opens the destination before any work, so an unwritable file is refused first.
    public static func open(out: String?, format: ReportFormat, month: YearMonth) throws(ReportError) -> ReportDestination {
        if let out, out != "-" { return .file(try ReportFile(path: out)) }
        if out == nil, format == .xlsx { return .file(try ReportFile(path: defaultFileName(month: month, format: format))) }
        return .standardOutput
    }

    public static func defaultFileName(month: YearMonth, format: ReportFormat) -> String {
        "taizhang-export-\(month).\(format.rawValue)"
    }

    /// The file's path, if it is one.
    public var path: String? {
        if case .file(let file) = self { return file.path }
        return nil
    }

    public func deliver(_ bytes: [UInt8]) throws(ReportError) {
        switch self {
        case .file(let file): try file.commit(bytes)
        case .standardOutput:
            // Bytes as they are: an XLSX piped with --out - is binary.
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .unwritable(path: "standard output", detail: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// One line for the operator once a file is written: what it holds.
    public static func summary(_ report: MonthlyReport, path: String) -> String {
        let state = report.isComplete ? "complete"
            : "INCOMPLETE (\(report.incompleteBranches.map(\.id).joined(separator: ", ")) not confirmed through the month's end)"
        var line = "Wrote \(path): \(report.month) as of \(report.asOf), \(report.branches.count) branches, "
            + "\(report.entries) entries, \(state), hash \(report.hash.prefix(16))…"
        if let earlier = report.earlier, !earlier.changes.isEmpty {
            line += "; restates the export issued \(earlier.issuedAt) (\(earlier.changes.count) figures changed)"
        }
        return line + "."
    }
}
