/// The consistency rules of a branch ledger, shared by agent and hub: given the ledger so
/// far, is an entry possible, and what does it change?
public enum LedgerRules {
    /// Quantities above this are typing mistakes, not deliveries.
    public static let maximumQuantity: Int64 = 1_000_000_000
    public static let maximumItemLength = 64
    public static let maximumTextLength = 200

    /// Checks `draft` as entry number `seq` against `view` and returns its effect.
    public static func effect(of draft: EntryDraft, seq: Int64, in view: some LedgerView) throws -> LedgerEffect {
        try checkShape(draft)
        if draft.action == .void { return try voidEffect(of: draft, in: view) }
        switch draft.material.kind {
        case .unit: return try unitEffect(of: draft, seq: seq, in: view)
        case .stock: return try stockEffect(of: draft, in: view)
        }
    }

    /// How many days past its own today the hub accepts an entry's date: an office's clock
    /// may run a little ahead (docs/PROTOCOL.md, "Entry rules").
    public static let hubClockSkewDays = 1

    /// Refuses dates before 2000 or after `today`; the agent checks this before recording.
    public static func checkDate(_ date: CivilDate, today: CivilDate) throws {
        guard date >= CivilDate.earliest else {
            throw RuleViolation(.malformed, .dateTooEarly, ["\(date)", "\(CivilDate.earliest)"], "the date \(date) is before \(CivilDate.earliest); check the year")
        }
        guard date <= today else {
            throw RuleViolation(.malformed, .dateInFuture, ["\(date)", "\(today)"], "the date \(date) is in the future (today is \(today)); record it on the day it happens")
        }
    }

    /// The hub's date rule: not after its today (in the bureau's zone) plus the allowed skew.
    public static func checkArrivalDate(_ date: CivilDate, hubToday: CivilDate) throws {
        let limit = CivilDate(daysSinceEpoch: hubToday.daysSinceEpoch + hubClockSkewDays)
        guard date <= limit else {
            throw RuleViolation(.malformed, .dateBeyondSkew, ["\(date)", "\(hubToday)"], "the date \(date) is after the hub's today (\(hubToday)) by more than \(hubClockSkewDays) day; the office's clock or the date typed is wrong")
        }
    }

    // MARK: - Shape

    static func checkShape(_ draft: EntryDraft) throws {
        let material = draft.material
        guard material.allows(draft.action) else {
            let actions = material.actions.map(\.rawValue).joined(separator: ", ")
            throw RuleViolation(.malformed, .actionNotForMaterial, [material.rawValue, draft.action.rawValue, actions],
                                "a \(material.englishName) cannot be '\(draft.action.pastTense)'; use one of: \(actions)")
        }
        guard draft.occurredOn >= CivilDate.earliest else {
            throw RuleViolation(.malformed, .dateTooEarly, ["\(draft.occurredOn)", "\(CivilDate.earliest)"], "the date \(draft.occurredOn) is before \(CivilDate.earliest); check the year")
        }
        try checkText(draft.clerk, "clerk name")
        for (text, what) in [(draft.details.location, "location"), (draft.details.staff, "staff name"),
                             (draft.details.channel, "channel"), (draft.details.reason, "reason"),
                             (draft.details.batch, "batch")] {
            if let text { try checkText(text, what) }
        }
        if draft.action == .void {
            guard let target = draft.voids, target >= 1 else {
                throw RuleViolation(.malformed, .voidNeedsSeq, [], "a void needs the number of the entry it cancels (--seq N, from 'taizhang-agent log')")
            }
            try require(draft.details.reason, .needVoidReason, "a reason for the void (--reason)")
            try EntryFields.check(draft)
            return
        }
        guard draft.voids == nil else {
            throw RuleViolation(.malformed, .onlyVoidCancels, [], "only a void entry can cancel another entry")
        }
        switch material.kind {
        case .unit:
            guard let item = draft.item else {
                throw RuleViolation(.malformed, .needItem, [material.rawValue], "a \(material.englishName) entry needs its \(material.itemNoun) (--\(material.itemNoun))")
            }
            try checkItem(item, material)
            guard draft.quantity == nil else {
                throw RuleViolation(.malformed, .unitTakesNoQuantity, [material.rawValue], "a \(material.englishName) entry counts one item; it takes no quantity")
            }
        case .stock:
            guard draft.item == nil else {
                throw RuleViolation(.malformed, .stockNotTagged, [material.rawValue], "\(material.englishName)s are counted, not tagged; give a quantity instead")
            }
            guard let quantity = draft.quantity else {
                throw RuleViolation(.malformed, .needQuantity, [material.rawValue], "a \(material.englishName) entry needs a quantity (--quantity N)")
            }
            try checkQuantity(quantity, signed: draft.action == .adjust)
        }
        try EntryFields.check(draft)
    }

    static func checkItem(_ item: String, _ material: Material) throws {
        let noun = material.itemNoun
        if let plain = PlainText(item), plain.count >= 1, plain.count <= maximumItemLength, !plain.spaceAtEdge {
            return
        }
        guard !item.isEmpty, item.count <= maximumItemLength else {
            throw RuleViolation(.malformed, .itemLength, [material.rawValue, "\(maximumItemLength)"], "the \(material.englishName) \(noun) must be 1 to \(maximumItemLength) characters")
        }
        guard !item.unicodeScalars.contains(where: \.isControl),
              item.trimmingSpaces == item else {
            throw RuleViolation(.malformed, .itemControl, [material.rawValue, item.escapedControls], "the \(material.englishName) \(noun) '\(item.escapedControls)' contains control characters or surrounding spaces; type it plainly")
        }
        guard TextIdentity.isStored(item), !item.unicodeScalars.contains("\u{FFFD}") else {
            throw RuleViolation(.malformed, .notNFC, [noun], "the \(noun) is not in Unicode NFC or contains U+FFFD; send text in NFC, decoded from valid UTF-8")
        }
    }

    /// Refuses free text that is empty, over-long or spread over several lines.
    public static func checkText(_ text: String, _ what: String) throws(RuleViolation) {
        // Fast path for short printable ASCII, the common case on the hub's ingest path.
        let utf8 = text.utf8
        if utf8.count <= maximumTextLength, utf8.contains(where: { $0 != 0x20 }),
           utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return
        }
        // Fast path for what clerks type in Chinese: one pass, no normalisation.
        if let plain = PlainText(text), !plain.onlySpaces, plain.count <= maximumTextLength { return }
        guard !text.trimmingSpaces.isEmpty else {
            throw RuleViolation(.malformed, .textEmpty, [what], "the \(what) is empty; write a few words")
        }
        guard text.count <= maximumTextLength else {
            throw RuleViolation(.malformed, .textTooLong, [what, "\(maximumTextLength)"], "the \(what) is longer than \(maximumTextLength) characters; shorten it")
        }
        guard !text.unicodeScalars.contains(where: \.isControl) else {
            throw RuleViolation(.malformed, .textControl, [what], "the \(what) contains control characters; type it on one line")
        }
        guard TextIdentity.isStored(text), !text.unicodeScalars.contains("\u{FFFD}") else {
            throw RuleViolation(.malformed, .notNFC, [what], "the \(what) is not in Unicode NFC or contains U+FFFD; send text in NFC, decoded from valid UTF-8")
        }
    }

    static func checkQuantity(_ quantity: Int64, signed: Bool) throws {
        if signed {
            guard quantity != 0, quantity.magnitude <= maximumQuantity.magnitude else {
                throw RuleViolation(.malformed, .adjustmentRange, ["\(maximumQuantity)"], "an adjustment must be a non-zero whole number between -\(maximumQuantity) and +\(maximumQuantity)")
            }
        } else {
            guard quantity >= 1, quantity <= maximumQuantity else {
                throw RuleViolation(.malformed, .quantityRange, ["\(maximumQuantity)", "\(quantity)"], "the quantity must be a whole number from 1 to \(maximumQuantity); \(quantity) is not")
            }
        }
    }

    static func require(_ value: String?, _ code: RuleViolation.Code, _ what: String) throws {
        guard value != nil else { throw RuleViolation(.malformed, code, [], "this entry needs \(what)") }
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }

    var escapedControls: String {
        String(unicodeScalars.map { $0.isControl ? "?" : Character($0) })
    }
}

extension Unicode.Scalar {
    /// General category Cc — exactly C0, DEL and C1 — without a Unicode property lookup
    /// (the hub checks every entry's text).
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
