/// Why the ledger refuses an entry: one sentence that says what is wrong and what to do.
/// `message` is the English sentence (the hub sends it to agents); `code` and `arguments`
/// let a program say the same in the clerk's language (TaizhangText's catalogue).
public struct RuleViolation: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The entry is badly formed: missing or invalid field, quantity out of range, bad date.
        case malformed
        /// The entry is well formed but impossible given the ledger so far.
        case inconsistent
    }

    /// Which rule was broken; the catalogue has one sentence per code and language.
    public enum Code: String, Sendable, CaseIterable {
        case other
        case dateTooEarly, dateInFuture, notADate
        case textEmpty, textTooLong, textControl
        case quantityRange, adjustmentRange
        case needStaff, needLocation, needReason, needChannel, needAdjustReason, needVoidReason
        case voidNeedsSeq, onlyVoidCancels, needItem, unitTakesNoQuantity, stockNotTagged, needQuantity
        case itemLength, itemControl
        case alreadyInService, alreadyIssued, reinstalledEarlier, noSuchItem, alreadyOut, outBeforeIn, badgeReason
        case notEnoughOnHand, adjustBelowZero
        case noSuchEntry, voidOfVoid, alreadyVoided, voidMismatch, voidLeavesNegative, voidNotLatest
        case badBranchID
        // rules branch
        case dateBeyondSkew, laterDayBelowZero, notNFC, fieldNotAllowed
        // clerk branch: the two rules that had English words only
        case notNextSeq, actionNotForMaterial
    }

    public let kind: Kind
    public let message: String
    public let code: Code
    /// The sentence's variable parts, in the order the catalogue's `{0}`, `{1}`… use them.
    public let arguments: [String]

    public init(_ kind: Kind, _ message: String) {
        self.init(kind, .other, [], message)
    }

    public init(_ kind: Kind, _ code: Code, _ arguments: [String], _ message: String) {
        self.kind = kind
        self.code = code
        self.arguments = arguments
        self.message = message
    }

    public var description: String { message }
}
