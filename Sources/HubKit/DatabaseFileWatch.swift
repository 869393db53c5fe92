#if canImport(Glibc)
import Glibc
#endif

/// Notices that the open database file was deleted or replaced under a running hub: the
/// device and inode at the path, and the link count of the file as opened, compared with
/// what they were at the start (checked every loop turn, a few microseconds).
final class DatabaseFileWatch {
    let path: String
    private let descriptor: Int32
    private let device: UInt64
    private let inode: UInt64

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
            throw HubError.storage(path: path, detail: "cannot watch the database file (errno \(errno))")
        }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    deinit { close(descriptor) }

    /// Nil while the path still names the file that was opened.
    func problem() -> String? {
        var opened = stat()
        if fstat(descriptor, &opened) == 0, opened.st_nlink == 0 { return "the database file was deleted" }
        var named = stat()
        guard stat(path, &named) == 0 else { return "the database file is gone from its folder" }
        if UInt64(named.st_dev) != device || UInt64(named.st_ino) != inode { return "the database file was replaced by another file" }
        return nil
    }
}
