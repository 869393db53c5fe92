#if canImport(Glibc)
import Glibc
#endif

/// A report file written whole or not at all: the bytes go to a temporary file beside the
/// destination and are synced (`write`); only then, once the caller has recorded the export,
/// is it renamed into place and the folder synced (`publish`). Open it before doing the work,
/// so an unwritable destination is refused before anything is computed or recorded.
public final class ReportFile {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var written = false
    /// Renamed into place: the temporary name is gone and must not be removed any more.
    private var published = false

    /// Creates the temporary file in the destination's folder.
    public init(path: String) throws(ReportError) {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw .unwritable(path: path, detail: "not a file name") }
        var isFolder = stat()
        if stat(path, &isFolder) == 0, (isFolder.st_mode & S_IFMT) == S_IFDIR {
            throw .unwritable(path: path, detail: "it is a folder")
        }
        self.path = path
        temporaryPath = Self.folder(of: path) + "." + Self.name(of: path) + ".partial-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, detail: String(cString: strerror(errno))) }
    }

    deinit { discard() }

    /// Writes `bytes` to the temporary file and syncs it: the file is complete on disk.
    public func write(_ bytes: [UInt8]) throws(ReportError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += count
        }
        guard fsync(descriptor) == 0 else { throw failure() }
        guard close(descriptor) == 0 else { descriptor = -1; throw failure() }
        descriptor = -1
        written = true
    }

    /// Renames the written file into place and syncs the folder, so the name survives a crash.
    public func publish() throws(ReportError) {
        guard written else { throw .unwritable(path: path, detail: "nothing was written to it") }
        guard rename(temporaryPath, path) == 0 else { throw failure() }
        written = false
        published = true
        let folder = open(Self.folder(of: path).isEmpty ? "." : Self.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// Writes, syncs and renames in one step (nothing to record in between).
    public func commit(_ bytes: [UInt8]) throws(ReportError) {
        try write(bytes)
        try publish()
    }

    /// Removes the temporary file unless it was published.
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !published { unlink(temporaryPath) }
        written = false
    }

    private func failure() -> ReportError {
        let error = ReportError.unwritable(path: path, detail: String(cString: strerror(errno)))
        discard()
        return error
    }

    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    private static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
