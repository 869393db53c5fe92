#if canImport(Glibc)
import Glibc
#endif

/// The lock `serve` holds on `hub.serve.lock` in the data folder while it runs, so a second
/// `serve` on the same folder refuses, naming the first one's PID. A POSIX record lock: the
/// kernel drops it when the process ends, however it ends (SIGKILL included), so it is never
/// left stale, and `F_GETLK` names the holder without trusting the file's contents. Only
/// `serve` takes it; the read-only commands never look at it.
public final class ServeLock: @unchecked Sendable {
    public enum Failure: Error, Sendable, Equatable {
        /// Another process holds the lock.
        case held(pid: Int32, path: String)
        /// The lock file could not be opened or locked.
        case unusable(path: String, detail: String)
    }

    public let path: String
    private let descriptor: Int32

    /// Takes the lock of `directory` or throws at once (it never waits): `Failure`, or
    /// `HubError.notInitialised` for a folder without a hub database.
    public init(directory: HubDirectory) throws {
        guard access(directory.databasePath, F_OK) == 0 else { throw HubError.notInitialised(path: directory.databasePath) }
        path = directory.path + "/hub.serve.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.unusable(path: path, detail: String(cString: strerror(errno))) }
        var lock = Self.wholeFile(F_WRLCK)
        if fcntl(fd, F_SETLK, &lock) != 0 {
            let reason = errno
            var probe = Self.wholeFile(F_WRLCK)
            let holder = fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != Int16(F_UNLCK) ? probe.l_pid : 0
            close(fd)
            if reason == EACCES || reason == EAGAIN { throw Failure.held(pid: holder, path: path) }
            throw Failure.unusable(path: path, detail: String(cString: strerror(reason)))
        }
        descriptor = fd
        // For a person looking at the folder; the lock itself is what counts.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(descriptor) }

    private static func wholeFile(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        return lock
    }
}
