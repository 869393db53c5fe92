#if canImport(Glibc)
import Glibc
#endif

/// A report file written whole or not at all: the bytes go to a temporary file beside the
/// destination, are synced, and only then renamed over it. Open it before doing the work,
/// so an unwritable destination is refused before anything is computed or recorded.
public final class ReportFile {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    /// Creates the temporary file in the destination's folder.
    public init(path: String) throws(ReportError) {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw .unwritable(path: path, detail: "not a file name") }
        var isFolder = stat()
        if stat(path, &isFolder) == 0, (isFolder.st_mode & S_IFMT) == S_IFDIR {
            throw .unwritable(path: path, detail: "it is a folder")
        }
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = folder + "." + name + ".partial-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, detail: String(cString: strerror(errno))) }
    }

    deinit { discard() }

    /// Writes `bytes`, syncs, and renames the file into place.
    public func commit(_ bytes: [UInt8]) throws(ReportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw failure() }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw failure() }
    }

    /// Removes the temporary file unless it was committed.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    private func failure() -> ReportError {
        let error = ReportError.unwritable(path: path, detail: String(cString: strerror(errno)))
        discard()
        unlink(temporaryPath)
        return error
    }
}
