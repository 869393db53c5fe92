#if canImport(Glibc)
import Glibc
#endif
import TOMLKit

/// One flat TOML configuration file, read at once and checked against the keys a program
/// knows: an unknown key or a value of the wrong type is an error naming the file and key.
public struct ConfigFile {
    /// The path as given (relative paths are relative to the working directory).
    public let path: String
    private let table: TOMLTable

    public init(path: String, knownKeys: [String]) throws {
        self.path = path
        let text = try Self.readText(path)
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError.syntax(path: path, line: error.source.begin.line, column: error.source.begin.column,
                                     detail: error.description)
        }
        for key in table.keys.sorted() where !knownKeys.contains(key) {
            throw ConfigError.unknownKey(path: path, key: key, known: knownKeys)
        }
    }

    /// A string value; absent is nil, empty is an error.
    public func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw ConfigError.wrongType(path: path, key: key, expected: .quotedString, found: Self.describe(value.type))
        }
        guard !text.isEmpty else { throw ConfigError.invalidValue(path: path, key: key, problem: .empty) }
        return text
    }

    /// A whole number.
    public func integer(_ key: String) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard value.type == .int, let number = value.int else {
            throw ConfigError.wrongType(path: path, key: key, expected: .wholeNumber, found: Self.describe(value.type))
        }
        return number
    }

    /// A path, resolved against this file's folder when relative, so a configuration can
    /// name folders beside itself whatever the working directory.
    public func folder(_ key: String) throws -> String? {
        try string(key).map(resolve)
    }

    /// `relative` as seen from this file's folder; absolute paths are returned unchanged.
    public func resolve(_ relative: String) -> String {
        guard !relative.hasPrefix("/") else { return relative }
        guard let slash = path.lastIndex(of: "/") else { return relative }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" + relative : folder + "/" + relative
    }

    static func describe(_ type: TOMLType) -> ConfigValueKind {
        switch type {
        case .int: .wholeNumber
        case .double: .decimalNumber
        case .string: .string
        case .bool: .boolean
        case .table: .table
        case .array: .array
        case .date, .time, .dateTime: .dateTime
        }
    }

    /// The file's text; the reason in the system's words when it cannot be read.
    static func readText(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ConfigError.unreadable(path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError.unreadable(path: path, detail: String(cString: strerror(errno)))
            }
            bytes += buffer[..<count]
            guard bytes.count <= 1_000_000 else { throw ConfigError.unreadable(path: path, detail: "larger than 1 MB; not a configuration file") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError.unreadable(path: path, detail: "not UTF-8 text")
        }
        return text
    }
}
