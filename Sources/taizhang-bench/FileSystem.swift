#if canImport(Glibc)
import Glibc
#endif

/// The few file-system operations the benchmark needs, with errors that name the path.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }

    /// The folder of the running executable, from /proc/self/exe.
    static func executableDirectory() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw failure("cannot resolve", "/proc/self/exe") }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates a new private folder `/tmp/<prefix>XXXXXX`.
    static func makeTemporaryDirectory(prefix: String) throws -> String {
        var template = Array(("/tmp/" + prefix + "XXXXXX").utf8CString)
        guard let result = mkdtemp(&template) else { throw failure("cannot create a folder like", "/tmp/\(prefix)XXXXXX") }
        return String(cString: result)
    }

    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o700) == 0 else { throw failure("cannot create", path) }
    }

    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// Removes `path` and everything under it, without following symbolic links.
    static func removeTree(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw failure("cannot remove", path) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            guard unlink(path) == 0 else { throw failure("cannot remove", path) }
            return
        }
        guard let directory = opendir(path) else { throw failure("cannot list", path) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names { try removeTree(path + "/" + name) }
        guard rmdir(path) == 0 else { throw failure("cannot remove", path) }
    }

    /// Size of a file in bytes, 0 when it is missing.
    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
