#if canImport(Glibc)
import Glibc
#endif
import TaizhangCore
import TaizhangText

/// Where a report goes: stdout (CSV and JSON by default) or a file written whole or not at
/// all (XLSX by default to `taizhang-export-YYYY-MM.xlsx` in the current folder), after the
/// `--out` rules of `OutputTarget`.
public enum ReportDestination {
    case standardOutput
    case file(ReportFile)

    /// Checks and opens the destination before any work, so a refused or unwritable file is
    /// refused first. `dataFolder` is the program's own data folder (never written into).
    public static func open(out: String?, format: ReportFormat, defaultName: String, force: Bool = false,
                            dataFolder: String? = nil) throws(ReportError) -> ReportDestination {
        let path: String
        if let out, out != "-" {
            path = out
        } else if out == nil, format == .xlsx {
            path = defaultName
        } else {
            return .standardOutput
        }
        return .file(try ReportFile(path: OutputTarget.check(path, force: force, dataFolder: dataFolder)))
    }

    public static func defaultFileName(month: YearMonth, format: ReportFormat) -> String {
        "taizhang-export-\(month).\(format.rawValue)"
    }

    /// `taizhang-export-YYYY-MM.xlsx`, or for a span `taizhang-export-YYYY-MM-to-YYYY-MM.xlsx`.
    public static func defaultFileName(months: [YearMonth], format: ReportFormat) -> String {
        guard let first = months.first, let last = months.last, first != last else {
            return defaultFileName(month: months.first ?? CivilDate.earliest.yearMonth, format: format)
        }
        return "taizhang-export-\(first)-to-\(last).\(format.rawValue)"
    }

    /// The file's path, if it is one.
    public var path: String? {
        if case .file(let file) = self { return file.path }
        return nil
    }

    /// Delivers `bytes`: a file is written and synced under its temporary name, then `record`
    /// runs (the hub remembers the export), and only then is the file renamed into place. If
    /// recording fails the file is removed; if the rename fails, `unrecord` takes the record
    /// back. Either way nothing is left and nothing recorded. On stdout the bytes go first.
    public func deliver(_ bytes: [UInt8], record: () throws -> Void = {}, unrecord: () -> Void = {}) throws(ReportError) {
        switch self {
        case .file(let file):
            try file.write(bytes)
            do {
                try record()
            } catch {
                file.discard()
                throw .notRecorded(path: file.path, reason: String(describing: error))
            }
            do {
                try file.publish()
            } catch {
                unrecord()
                throw error
            }
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
            do {
                try record()
            } catch {
                throw .notRecorded(path: "standard output", reason: String(describing: error))
            }
        }
    }

    /// One line for the operator once a file is written: what it holds.
    public static func summary(_ report: MonthlyReport, context: ReportContext = ReportContext(), path: String) -> String {
        let zone = BureauTimeZone(identifier: report.timeZone) ?? .default
        var problems: [String] = []
        if !report.isComplete { problems.append(Message.exportNotConfirmed(report.incompleteBranches.map(\.id).joined(separator: ", "))) }
        if !context.openFlags.isEmpty { problems.append(Message.exportOpenFlagsAt(context.openFlags.keys.sorted().joined(separator: ", "))) }
        var state = problems.isEmpty ? Message.exportStateComplete() : Message.exportStateIncomplete(problems.joined(separator: "; "))
        if !context.revoked.isEmpty { state += Message.exportRevokedList(context.revoked.sorted().joined(separator: ", ")) }
        var line = Message.exportWrote(path, report.month, zone.clockTime(at: report.asOf), report.branches.count, report.entries, state,
                                       String(report.hash.prefix(16)))
        if let earlier = report.earlier, !earlier.changes.isEmpty {
            line += Message.exportRestatesSuffix(zone.clockTime(at: earlier.issuedAt), earlier.changes.count)
        }
        return line + (Language.current == .zh ? "。" : ".")
    }

    /// The line for a `--flat` file of one or more months.
    public static func summary(flat reports: [MonthlyReport], path: String) -> String {
        let months = reports.map(\.month).sorted()
        guard let first = months.first, let last = months.last, let report = reports.first else { return Message.exportWroteBare(path) }
        let span = first == last ? first.description : "\(first)–\(last)"
        let rows = reports.reduce(0) { $0 + $1.rows.count }
        let zone = BureauTimeZone(identifier: report.timeZone) ?? .default
        return Message.exportWroteFlat(path, span, rows, zone.clockTime(at: report.asOf))
    }
}
