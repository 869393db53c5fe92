import TaizhangCore
import TaizhangText
import XCTest

/// Both catalogues have every message, with the same arguments.
final class CatalogueTests: XCTestCase {
    func testEveryMessageIsInBothCatalogues() {
        for language in Language.allCases {
            let table = Catalogue.table(language)
            let missing = Message.allCases.filter { (table[$0] ?? "").isEmpty }
            XCTAssertEqual(missing, [], "missing from the \(language) catalogue")
            XCTAssertEqual(table.count, Message.allCases.count)
        }
    }

    func testBothLanguagesUseTheSameArguments() {
        for message in Message.allCases {
            let english = Self.argumentNumbers(Catalogue.table(.en)[message] ?? "")
            let chinese = Self.argumentNumbers(Catalogue.table(.zh)[message] ?? "")
            XCTAssertEqual(english, chinese, "\(message): arguments differ between the languages")
        }
    }

    func testEveryRuleHasASentence() {
        for code in RuleViolation.Code.allCases {
            XCTAssertNotNil(Message(rawValue: "rule_" + code.rawValue), "no sentence for rule \(code)")
        }
        for material in Material.allCases {
            XCTAssertNotNil(Message(rawValue: "material_" + material.rawValue))
            XCTAssertNotNil(Message(rawValue: "materialPlural_" + material.rawValue))
        }
    }

    func testChineseSentencesAreChinese() {
        let violation = RuleViolation(.inconsistent, .noSuchItem, ["board", "GS-09"], "there is no notice board GS-09")
        XCTAssertEqual(violation.sentence(.zh), "本所台账里没有公示栏 GS-09；请用 'taizhang-agent board list --all' 核对编号")
        XCTAssertEqual(violation.sentence(.en), "there is no notice board GS-09 in this office's ledger; check the tag with 'taizhang-agent board list --all'")
    }

    /// With no arguments a sentence is its template, braces that are no placeholder's included
    /// (the enrol example's key has a lone `{`, which once repeated the text before it).
    func testWithoutArgumentsEverySentenceIsItsTemplate() {
        for language in Language.allCases {
            for message in Message.allCases {
                XCTAssertEqual(message.text(language), Catalogue.table(language)[message], "\(message) in \(language)")
            }
        }
    }

    func testArgumentsAreEscaped() {
        XCTAssertEqual(Message.enrolled.text(.en, ["evil\u{202E}txt", "x\u{1B}[2J"]),
                       "Enrolled evil\\u{202E}txt (x\\u{1B}[2J); its agent can deliver now.")
    }

    func testLanguageComesFromTheLocale() {
        func env(_ values: [String: String]) -> (String) -> String? { { values[$0] } }
        XCTAssertEqual(Language.fromEnvironment(env(["LANG": "zh_CN.UTF-8"])), .zh)
        XCTAssertEqual(Language.fromEnvironment(env(["LANG": "C.UTF-8"])), .en)
        XCTAssertEqual(Language.fromEnvironment(env([:])), .en)
        XCTAssertEqual(Language.fromEnvironment(env(["LANG": "zh_CN.UTF-8", "LC_ALL": "C"])), .en)
        XCTAssertEqual(Language.fromEnvironment(env(["LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"])), .zh)
        XCTAssertEqual(Language.fromEnvironment(env(["LANG": "zh_CN.UTF-8", "TAIZHANG_LANG": "en"])), .en)
        XCTAssertEqual(Language(typed: "中文"), .zh)
        XCTAssertNil(Language(typed: "fr"))
    }

    func testFixedValuesHaveChineseSpellings() {
        XCTAssertEqual(FixedValues.revokeReason("丢失"), "lost")
        XCTAssertEqual(FixedValues.revokeReason("遗失"), "lost")
        XCTAssertEqual(FixedValues.revokeReason("交回"), "returned")
        XCTAssertEqual(FixedValues.revokeReason("退回"), "returned")
        XCTAssertEqual(FixedValues.revokeReason("离职"), "departed")
        XCTAssertEqual(FixedValues.revokeReason("调离"), "departed")
        XCTAssertEqual(FixedValues.revokeReason("stolen"), "stolen")
        XCTAssertEqual(FixedValues.format("表格"), "xlsx")
    }

    static func argumentNumbers(_ template: String) -> Set<String> {
        var numbers: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            numbers.insert(String(rest[rest.index(after: open)..<close].filter(\.isNumber)))
            rest = rest[rest.index(after: close)...]
        }
        return numbers
    }
}
