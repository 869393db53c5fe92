import TaizhangCore

extension RuleViolation {
    /// The sentence in `language`: the catalogue's, or the rule's own English when the rule
    /// has no code.
    public func sentence(_ language: Language = Language.current) -> String {
        guard code != .other, let message = Message(rawValue: "rule_" + code.rawValue) else {
            return PrintableText.escaped(self.message)
        }
        return message.text(language, arguments)
    }
}
