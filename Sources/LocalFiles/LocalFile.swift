#if canImport(Glibc)
import Glibc
#endif

/// Small POSIX file operations with errors that name the path.
public enum LocalFile {
    /// Creates `path` as a directory readable by its owner only, if it does not exist.
    public static func makeDirectory(_ path: String) throws(FileError) {
        var components: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            components.append(String(part))
            let prefix = components.joined(separator: "/")
            if prefix.isEmpty || access(prefix, F_OK) == 0 { continue }
            guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else { throw failure(prefix) }
        }
    }

    /// Writes `text` to a new file with `mode` (set at creation, so a secret is never readable
    /// by others even for a moment), replacing any leftover at that path.
    public static func write(_ text: String, to path: String, mode: mode_t) throws(FileError) {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            offset += written
        }
        guard fsync(fd) == 0 else { throw failure(path) }
    }

    public static func read(_ path: String) throws(FileError) -> String {
        guard let file = fopen(path, "r") else { throw failure(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func rename(_ from: String, _ to: String) throws(FileError) {
        guard Glibc.rename(from, to) == 0 else { throw failure(to) }
    }

    static func failure(_ path: String) -> FileError {
        FileError(path: path, detail: String(cString: strerror(errno)))
    }

    /// True if `path` exists.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Permission bits of `path`, or nil if it cannot be examined.
    public static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    /// Removes `path` if it exists.
    public static func remove(_ path: String) { unlink(path) }
}

/// A file could not be read or written.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let detail: String

    public var description: String {
        "cannot write \(path) (\(detail)); check that the folder exists and is writable"
    }
}
