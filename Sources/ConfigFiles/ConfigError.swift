/// Why a configuration file (`--config FILE`) could not be used; each message names the file
/// and, where there is one, the key.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case syntax(path: String, line: Int, column: Int, detail: String)
    case unknownKey(path: String, key: String, known: [String])
    case wrongType(path: String, key: String, expected: ConfigValueKind, found: ConfigValueKind)
    case invalidValue(path: String, key: String, problem: ConfigProblem)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            "cannot read the configuration file \(path) (\(detail)); check the path given to --config"
        case .syntax(let path, let line, let column, let detail):
            "\(path), line \(line), column \(column): this is not valid TOML (\(detail)); fix the file"
        case .unknownKey(let path, let key, let known):
            "\(path): unknown key '\(key)'; the keys this program reads are \(known.joined(separator: ", "))"
        case .wrongType(let path, let key, let expected, let found):
            "\(path): '\(key)' must be \(expected.english), not \(found.english)"
        case .invalidValue(let path, let key, let problem):
            "\(path): '\(key)' \(problem.detail)"
        }
    }
}
