/// A sentence a command's `validate()` refuses its options with. swift-argument-parser calls
/// `validate()` before it looks for `--help`, so the sentence must travel in the error and
/// be printed only if no help was asked for (by `ProgramRunner`).
public struct Refusal: Error, CustomStringConvertible {
    public let sentence: String
    public let status: Int32

    public init(_ sentence: String, status: Int32 = 64) {
        self.sentence = sentence
        self.status = status
    }

    /// Marked so that `ProgramRunner` recognises it in the parser's message.
    public var description: String { Self.marker + "\(status)" + Self.marker + sentence }

    static let marker = "\u{1}"

    /// The refusal inside a parser message, if it is one.
    static func parse(_ message: String) -> Refusal? {
        guard message.hasPrefix(marker) else { return nil }
        let parts = message.dropFirst().split(separator: Character(marker), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let status = Int32(parts[0]) else { return nil }
        return Refusal(String(parts[1]), status: status)
    }
}
