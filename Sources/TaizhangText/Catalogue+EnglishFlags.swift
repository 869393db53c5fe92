extension Catalogue {
    /// Branch "flags": the hub's flags as the operator reads them, and as the office hears of them.
    static let englishFlags: [Message: String] = [
        .flagSaysRule: "entry #{0} ({1} {2}) was stored but left out of the totals: {3}",
        .flagSaysEntryConflict: "entry #{0} arrived with content {1}… different from the stored {2}…; the stored entry was kept — the office's ledger reuses sequence numbers (restored from a backup?)",
        .flagSaysChainDiffers: "the office's ledger differs from the hub's copy at entry #{0} or before (its chain does not match); nothing was overwritten — the office's ledger was probably restored from an older backup",
        .flagSaysOtherIncarnation: "another ledger (incarnation {0}) reported for this branch, but the hub holds {1} entries from ledger {2}; its entries were not accepted",
        .flagSaysRestored: "ledger restored from an older backup: the hub holds {0} entries, the office's ledger only {1}",
        .flagSaysMisenrolled: "an office set up as branch '{0}' reported with the key enrolled for this branch; nothing was stored — enrol that office's key for '{0}', and this branch's own office's key here",
        .statusHubFlagsHeadline: "The hub flagged {0} entries of this office (as of {1}); it leaves them out of its totals:",
        .statusHubFlagsHeadlineOne: "The hub flagged 1 entry of this office (as of {1}); it leaves it out of its totals:",
        .statusHubFlagEntry: "#{0} {1}, on {2}: {3}",
        .statusHubFlagEntryUnknown: "#{0}: {1}",
        .statusHubFlagsMore: "… and {0} more; the operator sees every one.",
        .statusHubFlagsOthers: "The hub also holds {0} flag(s) on this office that concern no single entry: ask the operator.",
        .hubFlagWhyOther: "the hub found it breaks a rule — ask the operator.",
        .hubFlagWhyDate: "dated after the bureau's today — void it ('taizhang-agent void --seq {0}') and record it again with the right date.",
        .hubFlagWhyStock: "it takes the stock on hand below zero on its date or later — void it ('taizhang-agent void --seq {0}') and record it again correctly, or ask the operator.",
        .hubFlagWhyItem: "that tag or badge number was not in that state on its date — void it ('taizhang-agent void --seq {0}') and record it again correctly, or ask the operator.",
        .hubFlagWhyVoid: "it voids an entry it may not void — ask the operator.",
        .hubFlagWhyDetails: "its details break the entry rules — void it ('taizhang-agent void --seq {0}') and record it again correctly.",
        .hubFlagWhyConflict: "the hub holds a different entry under this number — ask the operator.",
        .syncHubFlags: "The hub flagged {0} entries of this office and left them out of its totals: see 'taizhang-agent status'.",
        .syncHubFlagsOne: "The hub flagged 1 entry of this office and left it out of its totals: see 'taizhang-agent status'.",
    ]
}
