import TaizhangCore

extension FlagWording {
    /// The flag's sentence in `language`, from the catalogue; nil when this build cannot word
    /// it (an unknown rule, missing arguments), and the stored English detail is shown instead.
    public func sentence(_ language: Language) -> String? {
        guard let message = Message(rawValue: "flagSays_" + code.rawValue) else { return nil }
        guard code == .rule else { return message.text(language, arguments) }
        guard arguments.count >= 4, let material = Material(rawValue: arguments[1]),
              let action = Action(rawValue: arguments[2]), let rule = ruleCode, rule != .other else { return nil }
        let broken = RuleViolation(.inconsistent, rule, ruleArguments, "").sentence(language)
        let name = Message(rawValue: "material_" + material.rawValue)?.text(language) ?? material.rawValue
        let verb = language == .zh ? ActionWords.chinese(action) : action.rawValue
        return message.text(language, [arguments[0], name, verb, broken])
    }

    /// What a stored flag says, in `language`: its wording, else its detail as stored (English).
    public static func sentence(_ wording: FlagWording?, detail: String, _ language: Language = Language.current) -> String {
        wording?.sentence(language) ?? PrintableText.escaped(detail)
    }
}
