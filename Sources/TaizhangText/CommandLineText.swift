/// swift-argument-parser's error messages turned into one sentence in the user's language.
/// The parser's own text is matched by its fixed English shapes; anything else is passed on
/// inside a sentence that says the command line could not be read.
public enum CommandLineText {
    /// `message` is the parser's English message; `command` the command it concerns
    /// ("taizhang-agent board install").
    public static func sentence(_ message: String, command: String, language: Language) -> String {
        let quoted = quotedParts(message)
        func say(_ key: Message, _ arguments: [String]) -> String { key.text(language, arguments) }
        if message.hasPrefix("Missing expected argument"), let name = quoted.first {
            return say(.parseMissingArgument, [optionName(name), name])
        }
        if message.hasPrefix("Unknown option"), let name = quoted.first {
            if quoted.count > 1 { return say(.parseUnknownOptionSuggest, [command, name, quoted[1]]) }
            return say(.parseUnknownOption, [command, name])
        }
        if message.hasPrefix("The value"), quoted.count >= 2 {
            let option = optionName(quoted[1])
            if isNumeric(option) { return say(.parseBadNumber, [quoted[0], option]) }
            return say(.parseBadValue, [quoted[0], option])
        }
        if message.hasPrefix("Missing value for"), let name = quoted.first { return say(.parseMissingValue, [optionName(name)]) }
        if message.hasPrefix("Unexpected argument"), let value = quoted.first { return say(.parseUnexpected, [value]) }
        if message.contains("unexpected arguments"), let value = quoted.first { return say(.parseUnexpected, [value]) }
        if message.hasPrefix("The option"), quoted.count >= 2 { return say(.parseNoValueFlag, [quoted[0], quoted[1]]) }
        if language == .en { return message }
        return say(.parseOther, [message])
    }

    /// "--quantity <n>" → "--quantity".
    static func optionName(_ synopsis: String) -> String {
        String(synopsis.prefix { $0 != " " })
    }

    static func isNumeric(_ option: String) -> Bool {
        ["--quantity", "--seq", "--since", "--timeout", "--silent-after"].contains(option)
    }

    /// The parts of `message` between single quotes.
    static func quotedParts(_ message: String) -> [String] {
        var parts: [String] = []
        var current: String?
        for character in message {
            if character == "'" {
                if let text = current { parts.append(text); current = nil } else { current = "" }
            } else if current != nil {
                current!.append(character)
            }
        }
        return parts
    }
}
