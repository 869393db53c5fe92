#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import TaizhangCore
import TaizhangText

/// The shared start of both programs: settle the language before anything is printed, catch
/// a misspelt command before option parsing, and turn the parser's help and errors into text
/// in the user's language that fits the terminal.
public enum ProgramRunner {
    /// Parses the process's arguments as `Root` and runs the command; never returns.
    /// `ownLanguageOption`: commands whose own `--lang` option also sets the report language.
    /// `keyOptions`: options whose value is a Z85 key, which may begin with "-".
    /// `plainCommand`: the run of a command whose arguments are simple enough to be read
    /// without the parser (`PlainArguments`), or nil to let the parser read them.
    public static func main(_ root: ParsableCommand.Type, ownLanguageOption: Set<String> = [],
                            keyOptions: Set<String> = ["--hub-key", "--key"],
                            plainCommand: ([String]) -> (() throws -> Void)? = { _ in nil }) -> Never {
        let raw = rawArguments()
        var arguments = joiningKeyValues(raw.map { $0 ?? "" }, options: keyOptions)
        // Settled before any command's configuration (and so its help text) is first read.
        let words = arguments.prefix { !$0.hasPrefix("-") }
        let keepsLang = words.last.map { ownLanguageOption.contains($0) } ?? false
        if case .failure(let typed) = settleLanguage(&arguments, keep: keepsLang) {
            fail(root, Message.badLanguage(typed), usageOf: nil)
        }
        if let bad = raw.firstIndex(where: { $0 == nil }) {
            fail(root, Message.errArgumentNotUTF8(bad + 1), usageOf: nil)
        }
        let failure: Error?
        if let run = plainCommand(arguments) {
            do { try run(); failure = nil } catch { failure = error }
        } else {
            if let problem = subcommandProblem(root, arguments) { fail(root, problem, usageOf: nil) }
            failure = parseAndRun(root, arguments)
        }
        guard let failure else { exit(0) }
        let commandName = commandPath(root, arguments).map { $0._commandName }.joined(separator: " ")
        finish(root, failure, commandName: commandName, hasOwnLang: keepsLang, arguments: arguments)
    }

    /// The process's arguments (without the program's name) read from the raw argv, in NFC;
    /// nil for one that is not valid UTF-8 — `CommandLine.arguments` would have repaired it
    /// with U+FFFD, and a ledger must never store that.
    static func rawArguments() -> [String?] {
        let count = Int(CommandLine.argc)
        guard count > 1 else { return [] }
        return (1..<count).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return nil }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(pointer))
            return TextIdentity.decodeUTF8(bytes).map(TextIdentity.stored)
        }
    }

    /// `--key VALUE` as `--key=VALUE`: the parser takes a separate value beginning with "-="
    /// (a key does, one time in 7,225) for an option of its own, even with `.unconditional`.
    static func joiningKeyValues(_ arguments: [String], options: Set<String>) -> [String] {
        var joined: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { joined += arguments[index...]; break }
            if options.contains(argument), index + 1 < arguments.count {
                joined.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            joined.append(argument)
            index += 1
        }
        return joined
    }

    /// The command's error, or nil when it ran to the end.
    static func parseAndRun(_ root: ParsableCommand.Type, _ arguments: [String]) -> Error? {
        do {
            var command: ParsableCommand = try root.parseAsRoot(arguments)
            try command.run()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Language

    enum Settled { case success, failure(String) }

    /// `--lang X` (or `--lang=X`), else `$TAIZHANG_LANG`, else the locale. The flag is taken
    /// out of `arguments` unless the command declares it itself.
    static func settleLanguage(_ arguments: inout [String], keep: Bool) -> Settled {
        var typed: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count {
                typed = arguments[index + 1]
                if !keep { arguments.removeSubrange(index...(index + 1)); continue }
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                typed = String(argument.dropFirst("--lang=".count))
                if !keep { arguments.remove(at: index); continue }
            }
            index += 1
        }
        // A command's own --lang (the report's language) refuses a bad value itself.
        if keep, let value = typed, Language(typed: value) == nil { typed = nil }
        if let typed {
            guard let language = Language(typed: typed) else {
                Language.current = Language.fromEnvironment()
                return .failure(typed)
            }
            Language.current = language
            Language.chosenExplicitly = true
        } else if let value = Language.environmentValue("TAIZHANG_LANG"), let language = Language(typed: value) {
            Language.current = language
            Language.chosenExplicitly = true
        } else {
            Language.current = Language.fromLocale()
        }
        return .success
    }

    // MARK: - Subcommands

    static func subcommands(of command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        command.configuration.subcommands
    }

    /// The commands named before the first option.
    static func commandPath(_ root: ParsableCommand.Type, _ arguments: [String]) -> [ParsableCommand.Type] {
        var path: [ParsableCommand.Type] = [root]
        for argument in arguments {
            guard !argument.hasPrefix("-"), let current = path.last,
                  let next = subcommands(of: current).first(where: { matches($0, argument) }) else { break }
            path.append(next)
        }
        return path
    }

    static func matches(_ command: ParsableCommand.Type, _ name: String) -> Bool {
        command._commandName == name || command.configuration.aliases.contains(name)
    }

    /// "did you mean …" for an unknown command word, before the parser looks at options.
    static func subcommandProblem(_ root: ParsableCommand.Type, _ arguments: [String]) -> String? {
        var current = root
        var names = [root._commandName]
        for argument in arguments {
            let choices = subcommands(of: current)
            guard !choices.isEmpty else { return nil }
            if argument == "help" || argument == "--help" || argument == "-h" || argument == "--version"
                || argument.hasPrefix("--generate-completion-script") || argument == "--experimental-dump-help" {
                return nil
            }
            let choiceNames = choices.map { $0._commandName }
            let separator = Message.listSeparator()
            if argument.hasPrefix("-") {
                return Message.missingSubcommand(names.joined(separator: " "), choiceNames.joined(separator: separator))
            }
            guard let next = choices.first(where: { matches($0, argument) }) else {
                let command = names.joined(separator: " ")
                if let suggestion = EditDistance.suggestion(for: argument, among: choiceNames) {
                    return Message.didYouMean(PrintableText.escaped(argument), command, suggestion)
                }
                return Message.unknownCommand(PrintableText.escaped(argument), command, choiceNames.joined(separator: separator))
            }
            current = next
            names.append(next._commandName)
        }
        return nil
    }

    // MARK: - Ending

    static func finish(_ root: ParsableCommand.Type, _ error: Error, commandName: String, hasOwnLang: Bool,
                       arguments: [String]) -> Never {
        if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
        let code = root.exitCode(for: error)
        if code == .success {
            let text = root.fullMessage(for: error, columns: 100_000)
            if text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:") {
                let help = HelpText.render(withLanguageOption(text, hasOwnLang: hasOwnLang), width: Terminal.width() ?? 80,
                                           language: Language.current, program: root._commandName)
                write(1, help + "\n")
            } else {
                write(1, text + "\n")
            }
            exit(0)
        }
        let message = root.message(for: error)
        // A command that printed its own sentence and threw an ExitCode (through validate()).
        if message.isEmpty { exit(code.rawValue) }
        if let refusal = Refusal.parse(message) { fail(root, refusal.sentence, usageOf: nil, code: refusal.status) }
        let full = root.fullMessage(for: error, columns: 100_000)
        let usage = usageLine(full)
        let sentence = unknownOption(in: arguments, usage: usage, command: commandName)
            ?? CommandLineText.sentence(message, command: commandName, language: Language.current)
        fail(root, sentence, usageOf: usage, code: code.rawValue)
    }

    /// Prints "program: sentence" and, if known, the usage line, then exits.
    public static func fail(_ root: ParsableCommand.Type, _ sentence: String, usageOf usage: String?, code: Int32 = 64) -> Never {
        StandardStream.printError(root._commandName + ": " + sentence)
        if let usage { StandardStream.printError(Message.usage(usage)) }
        exit(code)
    }

    /// An option the command does not have, reported first (the parser would complain about
    /// the option it then misses), with the closest one it has.
    static func unknownOption(in arguments: [String], usage: String?, command: String) -> String? {
        guard let usage else { return nil }
        let known = Set(usage.split(whereSeparator: { " []<>|".contains($0) }).filter { $0.hasPrefix("--") }.map(String.init))
            .union(["--help", "--version", "--lang"])
        for argument in arguments where argument.hasPrefix("--") && argument.count > 2 {
            if argument == "--" { break }
            let name = String(argument.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            if let suggestion = EditDistance.suggestion(for: name, among: known.sorted()) {
                return Message.parseUnknownOptionSuggest(command, name, suggestion)
            }
            return Message.parseUnknownOption(command, name)
        }
        return nil
    }

    static func usageLine(_ full: String) -> String? {
        for line in full.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("Usage: ") { return String(trimmed.dropFirst("Usage: ".count)) }
        }
        return nil
    }

    /// Adds `--lang` (taken out before parsing) to the options of a help screen.
    static func withLanguageOption(_ help: String, hasOwnLang: Bool) -> String {
        guard !hasOwnLang, let range = help.range(of: "\n  -h, --help") else { return help }
        let label = "  --lang <zh|en>"
        let line = label + String(repeating: " ", count: 26 - label.count) + Message.optLang()
        var copy = help
        copy.insert(contentsOf: "\n" + line, at: range.lowerBound)
        return copy
    }

    static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

extension String {
    func range(of target: String) -> Range<String.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            start = index(after: start)
        }
        return nil
    }
}
