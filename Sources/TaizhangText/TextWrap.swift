/// Wraps text to a number of display columns at word boundaries, or between CJK characters
/// (never before closing punctuation such as "，" or "）", never after an opening one).
public enum TextWrap {
    /// The lines of `text` (one paragraph) at most `width` columns wide, except where a
    /// single word is longer than the line.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        var lastBreak: Int?
        for character in text {
            if let previous = line.last, breakAllowed(between: previous, and: character) { lastBreak = line.count }
            let w = DisplayWidth.of(character)
            if lineWidth + w > width, character != " ", !line.isEmpty, lastBreak == nil || lastBreak == 0 {
                // One word longer than the line: cut it where the line ends.
                lines.append(String(line))
                line = []
                lineWidth = 0
                lastBreak = nil
            } else if lineWidth + w > width, character != " ", let cut = lastBreak, cut > 0 {
                var head = line[..<cut]
                while head.last == " " { head.removeLast() }
                lines.append(String(head))
                line = Array(line[cut...].drop { $0 == " " })
                lineWidth = line.reduce(0) { $0 + DisplayWidth.of($1) }
                lastBreak = nil
                for index in line.indices.dropFirst() where breakAllowed(between: line[index - 1], and: line[index]) {
                    lastBreak = index
                }
                if let previous = line.last, breakAllowed(between: previous, and: character) { lastBreak = line.count }
            }
            if line.isEmpty, character == " " { continue }
            line.append(character)
            lineWidth += w
        }
        while line.last == " " { line.removeLast() }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }

    static func breakAllowed(between previous: Character, and next: Character) -> Bool {
        if previous == " " { return next != " " }
        if next == " " { return false }
        guard DisplayWidth.of(previous) == 2 || DisplayWidth.of(next) == 2 else { return false }
        return !closing.contains(next) && !opening.contains(previous)
    }

    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "〉", "】", "”", "’", ",", ".", ";", ":", ")", "!", "?", "…", "'"]
    static let opening: Set<Character> = ["（", "「", "『", "《", "〈", "【", "“", "‘", "(", "'"]
}
