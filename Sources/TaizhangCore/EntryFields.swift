/// Which optional fields an entry of each (material, action) may carry (docs/PROTOCOL.md,
/// "Entry rules"). A field outside the set makes the entry malformed; which of the allowed
/// ones are required is checked where the rule that needs them is.
public enum EntryFields {
    public enum Field: String, Sendable, CaseIterable {
        case item, quantity, location, staff, channel, reason, batch, standard, voids
    }

    /// The fields an entry of `material` and `action` may carry.
    public static func allowed(_ material: Material, _ action: Action) -> Set<Field> {
        switch (material, action) {
        case (.board, .install): [.item, .location, .standard]
        case (.sign, .install): [.item, .location]
        case (.board, .retire), (.sign, .retire), (.badge, .revoke): [.item, .reason]
        case (.badge, .issue): [.item, .staff]
        case (_, .receive): [.quantity, .batch]
        case (_, .distribute): [.quantity, .channel]
        case (_, .adjust): [.quantity, .reason]
        case (_, .void): material.kind == .unit ? [.item, .reason, .voids] : [.reason, .voids]
        default: []
        }
    }

    /// Bit i set: field i (in `Field`'s order, the wire's bit order) allowed; per (material, action).
    private static let masks: [UInt16] = Material.allCases.flatMap { material in
        Action.allCases.map { action in
            allowed(material, action).reduce(UInt16(0)) { $0 | 1 << UInt16(Field.allCases.firstIndex(of: $1)!) }
        }
    }

    private static let actionCount = Action.allCases.count

    /// The optional fields `draft` carries.
    public static func present(_ draft: EntryDraft) -> [Field] {
        let details = draft.details
        let flags: [(Bool, Field)] = [
            (draft.item != nil, .item), (draft.quantity != nil, .quantity), (details.location != nil, .location),
            (details.staff != nil, .staff), (details.channel != nil, .channel), (details.reason != nil, .reason),
            (details.batch != nil, .batch), (details.standard != nil, .standard), (draft.voids != nil, .voids),
        ]
        return flags.compactMap { $0.0 ? $0.1 : nil }
    }

    /// Cheap on the hub's ingest path: one mask comparison for a well-formed entry.
    static func check(_ draft: EntryDraft) throws {
        let d = draft.details
        var mask: UInt16 = 0
        if draft.item != nil { mask |= 1 << 0 }
        if draft.quantity != nil { mask |= 1 << 1 }
        if d.location != nil { mask |= 1 << 2 }
        if d.staff != nil { mask |= 1 << 3 }
        if d.channel != nil { mask |= 1 << 4 }
        if d.reason != nil { mask |= 1 << 5 }
        if d.batch != nil { mask |= 1 << 6 }
        if d.standard != nil { mask |= 1 << 7 }
        if draft.voids != nil { mask |= 1 << 8 }
        let index = draft.material.ordinal * actionCount + draft.action.ordinal
        guard mask & ~masks[index] != 0 else { return }
        let allowed = allowed(draft.material, draft.action)
        if let extra = present(draft).first(where: { !allowed.contains($0) }) {
            throw RuleViolation(.malformed, .fieldNotAllowed, [extra.rawValue, draft.material.rawValue, draft.action.rawValue], "a \(draft.material.rawValue) \(draft.action.rawValue) entry does not take the field '\(extra.rawValue)'")
        }
    }
}

extension EntryFields {
    /// `draft` without the optional fields its (material, action) does not take.
    public static func keepingAllowed(_ draft: EntryDraft) -> EntryDraft {
        let allowed = allowed(draft.material, draft.action)
        var kept = draft
        if !allowed.contains(.item) { kept.item = nil }
        if !allowed.contains(.quantity) { kept.quantity = nil }
        if !allowed.contains(.location) { kept.details.location = nil }
        if !allowed.contains(.staff) { kept.details.staff = nil }
        if !allowed.contains(.channel) { kept.details.channel = nil }
        if !allowed.contains(.reason) { kept.details.reason = nil }
        if !allowed.contains(.batch) { kept.details.batch = nil }
        if !allowed.contains(.standard) { kept.details.standard = nil }
        if !allowed.contains(.voids) { kept.voids = nil }
        return kept
    }
}
