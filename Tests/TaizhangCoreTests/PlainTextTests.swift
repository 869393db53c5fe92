@testable import TaizhangCore
import XCTest

/// The one-pass fast path of the rules' text checks must agree with the full checks on every
/// text it takes, and leave every other text to them.
final class PlainTextTests: XCTestCase {
    func testTheFastPathAgreesWithTheFullChecks() {
        let samples = ["GS-01", "东区一楼大厅", "公示栏　甲", " 前台", "前台 ", "\u{A0}", "　", "ＧＳ－０１", "Café",
                       "A\u{301}", "a\u{9}b", "\u{FFFD}", "한국", "\u{302A}声", "ﾊﾞ", "\u{F900}", "人员去向牌（二楼）"]
        var generator = SystemRandomNumberGenerator()
        let pool: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x3000...0x3029, 0x3030...0x303F,
                                           0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E, 0x300...0x36F]
        var texts = samples
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...12, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let range = pool.randomElement(using: &generator) ?? pool[0]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { scalars.append(scalar) }
            }
            texts.append(String(scalars))
        }
        var taken = 0
        for text in texts {
            guard let plain = PlainText(text) else { continue }
            taken += 1
            XCTAssertEqual(plain.count, text.count, "\(text.unicodeScalars.map(\.value))")
            XCTAssertEqual(plain.onlySpaces, text.trimmingSpaces.isEmpty, text)
            XCTAssertEqual(plain.spaceAtEdge, text.trimmingSpaces != text[...], text)
            XCTAssertTrue(TextIdentity.isStored(text), "a plain text is NFC: \(text)")
            XCTAssertFalse(text.unicodeScalars.contains(where: \.isControl))
        }
        XCTAssertGreaterThan(taken, 500)
        for text in ["A\u{301}", "a\u{9}b", "\u{FFFD}", "\u{302A}声", "ﾊﾞ", "\u{F900}", "한국"] {
            XCTAssertNil(PlainText(text), "left to the full checks: \(text)")
        }
    }

    func testOrdinalsAreThePositionsInAllCases() {
        XCTAssertEqual(Material.allCases.map(\.ordinal), Array(Material.allCases.indices))
        XCTAssertEqual(Action.allCases.map(\.ordinal), Array(Action.allCases.indices))
        for material in Material.allCases {
            XCTAssertEqual(Action.allCases.filter(material.allows), material.actions.sorted { $0.ordinal < $1.ordinal })
        }
    }
}
