#if canImport(Glibc)
import Glibc
#endif

/// The checks `--out FILE` passes before anything is computed or written, so an export can
/// never harm data: never an SQLite database (not even with `--force`), never a file inside
/// a hub's or an office's data folder, never a folder, device or other non-regular file, and
/// an existing file only if it is an earlier Taizhang export (or with `--force`).
public enum OutputTarget {
    /// The files that make a folder a Taizhang data folder.
    public static let dataFolderMarkers = ["hub.sqlite", "ledger.sqlite"]

    /// The path to write: `path`, or the file a symbolic link points to. `dataFolder` is the
    /// running program's own data folder.
    public static func check(_ path: String, force: Bool, dataFolder: String?) throws(ReportError) -> String {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw .unwritable(path: path, detail: "not a file name") }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let resolved = realPath(path), stat(resolved, &info) == 0 else {
                    throw .outNotRegularFile(path: path, kind: "a symbolic link to nothing")
                }
                target = resolved
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .unwritable(path: path, detail: "it is a folder")
            case S_IFREG: break
            default: throw .outNotRegularFile(path: path, kind: "not a regular file")
            }
            let head = prefix(of: target, count: 65_536)
            if isSQLite(head) { throw .outIsDatabase(path: path) }
            if !force, !isEarlierExport(head) { throw .outExists(path: path) }
        }
        let folder = parentFolder(of: target)
        guard let realFolder = realPath(folder) else {
            throw .unwritable(path: path, detail: "there is no folder \(folder)")
        }
        if let dataFolder, let realData = realPath(dataFolder), isInside(realFolder, realData) {
            throw .outInDataFolder(path: path, folder: dataFolder)
        }
        var current = realFolder
        while true {
            if dataFolderMarkers.contains(where: { access(current + "/" + $0, F_OK) == 0 }) {
                throw .outInDataFolder(path: path, folder: current)
            }
            guard current != "/", !current.isEmpty else { break }
            current = parentFolder(of: current)
        }
        return target
    }

    /// SQLite's file header.
    static func isSQLite(_ head: [UInt8]) -> Bool { head.starts(with: Array("SQLite format 3\0".utf8)) }

    /// What this program writes: a CSV (its title or the flat header on the first line), a
    /// JSON report, or a workbook whose properties name Taizhang.
    static func isEarlierExport(_ head: [UInt8]) -> Bool {
        if head.starts(with: CSVDocument.byteOrderMark) {
            let line = String(decoding: head.dropFirst(3).prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
            return line.contains("政务公开台账") || line.lowercased().contains("public-disclosure materials")
                || ReportLanguage.allCases.contains { line == $0.flatHeaders.joined(separator: ",") }
        }
        if head.first == UInt8(ascii: "{") { return String(decoding: head.prefix(256), as: UTF8.self).contains("\"taizhang-monthly\"") }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return head.firstRange(of: Array("<Application>\(XLSXWorkbook.application)</Application>".utf8)) != nil
        }
        return false
    }

    static func prefix(of path: String, count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes[filled...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `folder` is `ancestor` or lies under it (both resolved).
    static func isInside(_ folder: String, _ ancestor: String) -> Bool {
        folder == ancestor || ancestor == "/" || folder.hasPrefix(ancestor + "/")
    }
}
