#if canImport(Glibc)
import Glibc
#endif

/// Small POSIX file operations with errors that name the path.
enum FileWriting {
    /// Creates `path` as a directory readable by its owner only, if it does not exist.
    static func makeDirectory(_ path: String) throws {
        var components: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            components.append(String(part))
            let prefix = components.joined(separator: "/")
            if prefix.isEmpty || access(prefix, F_OK) == 0 { continue }
            guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else { throw failure(prefix) }
        }
    }

    /// Writes `text` to a new file with `mode`, replacing any leftover at that path.
    static func write(_ text: String, to path: String, mode: mode_t) throws {
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

    static func read(_ path: String) throws -> String {
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

    static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw failure(to) }
    }

    static func failure(_ path: String) -> AgentError {
        AgentError.fileSystem(path: path, detail: String(cString: strerror(errno)))
    }
}
