import TaizhangCore
import TaizhangText
import XCTest

final class TextOutputTests: XCTestCase {
    func testDisplayWidthCountsChineseAsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("GS-01"), 5)
        XCTAssertEqual(DisplayWidth.of("公示栏"), 6)
        XCTAssertEqual(DisplayWidth.of("三厂 A"), 6)
        XCTAssertEqual(DisplayWidth.of("（全角）"), 8)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    func testTableColumnsLineUpWithChinese() {
        var table = TextTable([.init("Tag"), .init("Location"), .init("Qty", .right)])
        table.append(["GS-01", "大厅东墙", "1"])
        table.append(["GS-10", "hall", "200"])
        let lines = table.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "Tag    Location  Qty",
            "GS-01  大厅东墙    1",
            "GS-10  hall      200",
        ])
    }

    func testTableKeepsCellsOnOneLine() {
        var table = TextTable([.init("A"), .init("B")])
        table.append(["x\ny", "z"])
        XCTAssertEqual(table.render(), "A    B\nx y  z\n")
    }

    func testJSONKeepsKeyOrderAndEscapes() {
        let value = JSONValue.object([("b", .int(1)), ("a", .string("公示栏 \"q\"\n\u{1}")), ("n", .null),
                                      ("l", .array([.bool(true)])), ("e", .object([]))])
        XCTAssertEqual(value.rendered(pretty: false),
                       #"{"b":1,"a":"公示栏 \"q\"\n\u0001","n":null,"l":[true],"e":{}}"#)
        XCTAssertEqual(JSONValue.array([.int(1)]).rendered(), "[\n  1\n]")
    }

    func testInventoryJSONHasTheDocumentedShape() {
        var inventory = Inventory()
        inventory[.board] = Tally(inService: 4, standard: 4)
        inventory[.card] = Tally(received: 1000, distributed: 200)
        XCTAssertEqual(inventory.json.rendered(pretty: false), """
            {"board":{"inService":4,"standard":4},"sign":{"inService":0},"badge":{"active":0},\
            "card":{"onHand":800,"received":1000,"distributed":200,"adjusted":0},\
            "guide":{"onHand":0,"received":0,"distributed":0,"adjusted":0}}
            """)
    }
}
