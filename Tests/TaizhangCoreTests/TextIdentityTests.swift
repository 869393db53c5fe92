import TaizhangCore
import XCTest

/// One identity for text (docs/PROTOCOL.md, "Entry rules"): NFKC with ASCII upper-cased.
final class TextIdentityTests: XCTestCase {
    func testFullWidthAndMixedCaseAreOneTag() {
        XCTAssertEqual(TextIdentity.key("ＧＳ－０１"), "GS-01")
        XCTAssertEqual(TextIdentity.key("gs-01"), "GS-01")
        XCTAssertEqual(TextIdentity.key("Gs-01"), "GS-01")
        XCTAssertEqual(TextIdentity.key("ｇｓ－０１"), "GS-01")
        XCTAssertEqual(TextIdentity.key("GS-01"), "GS-01")
        XCTAssertEqual(TextIdentity.key("公示栏　甲"), "公示栏 甲", "the ideographic space is a space")
        XCTAssertEqual(TextIdentity.key("①"), "1")
        XCTAssertNotEqual(TextIdentity.key("GS-01"), TextIdentity.key("GS-02"))
        XCTAssertEqual(TextIdentity.key("é"), "é", "only ASCII letters are upper-cased")
    }

    func testNFDAndNFCAreOneTag() {
        let nfc = "Caf\u{E9}-1"
        let nfd = "Cafe\u{301}-1"
        XCTAssertEqual(Array(TextIdentity.key(nfc).utf8), Array(TextIdentity.key(nfd).utf8))
        XCTAssertEqual(Array(TextIdentity.key(nfd).utf8), Array("CAF\u{E9}-1".utf8), "composed, as NFKC is")
        // Hangul: canonical composition.
        XCTAssertEqual(Array(TextIdentity.key("\u{1100}\u{1161}").utf8), Array("\u{AC00}".utf8))
    }

    func testFreeTextIsStoredInNFC() {
        let nfd = "Cafe\u{301} 大厅"
        XCTAssertFalse(TextIdentity.isStored(nfd))
        XCTAssertEqual(Array(TextIdentity.stored(nfd).utf8), Array("Caf\u{E9} 大厅".utf8))
        XCTAssertTrue(TextIdentity.isStored(TextIdentity.stored(nfd)))
        XCTAssertEqual(TextIdentity.stored("ＧＳ－０１"), "ＧＳ－０１", "NFC keeps what was typed: full width stays")
        let draft = EntryDraft(material: .board, action: .install, item: "B\u{301}", details: EntryDetails(location: nfd),
                               occurredOn: CivilDate("2008-01-01")!, clerk: "e\u{301}")
        let stored = draft.storedForm
        XCTAssertTrue([stored.item!, stored.clerk, stored.details.location!].allSatisfy(TextIdentity.isStored))
    }

    func testInvalidUTF8IsNotDecoded() {
        // "台账" in GBK, as a GBK terminal sends it.
        XCTAssertNil(TextIdentity.decodeUTF8([0xCC, 0xA8, 0xD5, 0xCB]))
        XCTAssertNil(TextIdentity.decodeUTF8([0x47, 0x53, 0xFF]))
        XCTAssertNil(TextIdentity.decodeUTF8([0xED, 0xA0, 0x80]), "an encoded surrogate")
        XCTAssertEqual(TextIdentity.decodeUTF8(Array("台账".utf8)), "台账")
    }

    func testTheRulesRefuseTextThatIsNotNFCOrCarriesAReplacementCharacter() {
        var s = LedgerScript()
        XCTAssertThrowsError(try s.record(s.draft(.board, .install, item: "B1", EntryDetails(location: "Cafe\u{301}")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .notNFC)
        }
        XCTAssertThrowsError(try s.record(s.draft(.board, .install, item: "\u{FFFD}\u{FFFD}", EntryDetails(location: "hall")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .notNFC)
        }
        XCTAssertEqual(s.fold.lastSeq, 0)
    }
}
