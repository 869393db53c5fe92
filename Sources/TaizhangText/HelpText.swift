/// swift-argument-parser's help screen, rendered unwrapped, made to read well in the
/// clerk's language: its headings translated and every line wrapped to the terminal by
/// display width, at word boundaries or between CJK characters, with continuation lines
/// indented under the text they continue. Example lines (a command, or a line after one
/// ending in a backslash) are never broken.
public enum HelpText {
    public static func render(_ help: String, width: Int, language: Language, program: String) -> String {
        var out: [String] = []
        var previousWasExample = false
        for raw in translated(help, language: language, program: program).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.drop { $0 == " " }
            let isExample = trimmed.hasPrefix("taizhang-") || trimmed.hasPrefix("$ ") || (previousWasExample && line.hasPrefix("  "))
            previousWasExample = isExample && line.hasSuffix("\\")
            if isExample || DisplayWidth.of(line) <= width {
                out.append(line)
                continue
            }
            let indent = line.count - trimmed.count
            let hang = hangingIndent(line, indent: indent)
            let first = String(line.prefix(hang))
            let hangWidth = DisplayWidth.of(first)
            let body = String(line.dropFirst(hang))
            let pieces = TextWrap.lines(body, width: max(20, width - hangWidth))
            for (index, piece) in pieces.enumerated() {
                out.append((index == 0 ? first : String(repeating: " ", count: hangWidth)) + piece)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Where a row's text begins: after an option or command label and its padding (a run of
    /// two or more spaces), else after the line's own indentation.
    static func hangingIndent(_ line: String, indent: Int) -> Int {
        let characters = Array(line)
        guard indent > 0 else {
            // "USAGE: taizhang-agent …" continues under the command.
            for heading in usageHeadings where line.hasPrefix(heading) { return heading.count }
            return 0
        }
        var index = indent
        while index + 1 < characters.count {
            if characters[index] == " ", characters[index + 1] == " " {
                var gap = index
                while gap < characters.count, characters[gap] == " " { gap += 1 }
                return gap <= 40 && gap < characters.count ? gap : indent
            }
            index += 1
        }
        return indent
    }

    static var usageHeadings: [String] { ["USAGE: ", Message.helpUsage.text(.zh)] }

    /// The parser's English headings in `language`; `--lang` added to the options.
    static func translated(_ help: String, language: Language, program: String) -> String {
        var text = help
        if language == .zh {
            for (english, message) in [("OVERVIEW: ", Message.helpOverview), ("USAGE: ", .helpUsage),
                                       ("\nOPTIONS:\n", .helpOptions), ("\nSUBCOMMANDS:\n", .helpSubcommands),
                                       ("\nARGUMENTS:\n", .helpArguments)] {
                let replacement = english.hasPrefix("\n") ? "\n" + message.text(.zh) + "\n" : message.text(.zh)
                text = text.replacingFirst(english, with: replacement)
            }
            text = text.replacingFirst("Show help information.", with: Message.helpShowHelp.text(.zh))
            text = text.replacingFirst("Show the version.", with: Message.helpShowVersion.text(.zh))
            if let see = text.range(of: "See '"), let end = text[see.upperBound...].range(of: " help <subcommand>' for detailed help.") {
                let command = String(text[see.upperBound..<end.lowerBound])
                text.replaceSubrange(see.lowerBound..<end.upperBound, with: Message.helpSeeSubcommand.text(.zh, [command]))
            }
        }
        return text
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }

    /// The first range of `target` (plain character comparison, no Foundation).
    func range(of target: String) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) {
                return start..<index(start, offsetBy: target.count)
            }
            start = index(after: start)
        }
        return nil
    }
}

extension Substring {
    func range(of target: String) -> Range<String.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            start = index(after: start)
        }
        return nil
    }
}
