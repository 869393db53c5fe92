/// The options of one command read without swift-argument-parser, for the clerk's recording
/// commands, whose start-up the parser would otherwise dominate (it reflects over every
/// command's properties and checks for completion requests before it parses anything).
///
/// Only the plainest form is taken: long options each given once, as `--name value` or
/// `--name=value`, and flags as `--name`. Anything else — a positional word, a short option,
/// `--`, an option this command does not declare here, a repeated option, a separate value
/// that begins with "-", a required option missing — gives nil, and the caller hands the
/// arguments to the parser, which runs, words its help and refuses exactly as always.
public struct PlainArguments: Sendable {
    private var values: [String: String] = [:]
    private var flagsGiven: Set<String> = []

    /// `options`: names (without "--") that take a value; `unconditional`: those of them whose
    /// separate value may begin with "-" (a negative quantity); `flags`: names without value;
    /// `required`: options that must be present.
    public init?(_ arguments: ArraySlice<String>, options: Set<String>, unconditional: Set<String> = [],
                 flags: Set<String> = [], required: Set<String>) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                guard options.contains(name), values[name] == nil else { return nil }
                values[name] = String(body[body.index(after: equals)...])
                index += 1
                continue
            }
            let name = String(body)
            if flags.contains(name) {
                guard flagsGiven.insert(name).inserted else { return nil }
                index += 1
                continue
            }
            guard options.contains(name), values[name] == nil, index + 1 < arguments.endIndex else { return nil }
            let value = arguments[index + 1]
            guard !value.hasPrefix("-") || unconditional.contains(name) else { return nil }
            values[name] = value
            index += 2
        }
        guard required.isSubset(of: values.keys) else { return nil }
    }

    /// The value of `--name`, or nil when it was not given.
    public subscript(_ name: String) -> String? { values[name] }

    /// Whether the flag `--name` was given.
    public func has(_ name: String) -> Bool { flagsGiven.contains(name) }
}
