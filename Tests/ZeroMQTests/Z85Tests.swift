import XCTest
import ZeroMQ

final class Z85Tests: XCTestCase {
    func testRFC32TestVector() {
        let data: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        XCTAssertEqual(Z85.encode(data), "HelloWorld")
        XCTAssertEqual(Z85.decode("HelloWorld"), data)
    }

    func testRoundTripOfRandomKeysAndEdgeValues() {
        for _ in 0..<50 {
            let key = (0..<32).map { _ in UInt8.random(in: 0...255) }
            let text = Z85.encode(key)
            XCTAssertEqual(text?.count, 40)
            XCTAssertEqual(text.flatMap(Z85.decode), key)
            XCTAssertTrue(Z85.isValidCurveKey(text ?? ""))
        }
        XCTAssertEqual(Z85.decode(Z85.encode([0xFF, 0xFF, 0xFF, 0xFF])!), [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(Z85.encode([]), "")
        XCTAssertEqual(Z85.decode(""), [])
    }

    func testRejectsBadInput() {
        XCTAssertNil(Z85.encode([1, 2, 3]), "length not a multiple of 4")
        XCTAssertNil(Z85.decode("Hello"+"Worl"), "length not a multiple of 5")
        XCTAssertNil(Z85.decode("Hello Wor"))
        XCTAssertNil(Z85.decode("Hel~oWorld"), "'~' is not in the alphabet")
        XCTAssertNil(Z85.decode("Hell\"World"))
        XCTAssertNil(Z85.decode("HelloWörl"), "non-ASCII")
        XCTAssertNil(Z85.decode("#####"), "85^5-1 overflows 32 bits")
        XCTAssertNil(Z85.decode("%nSc1"), "just above UInt32.max")
        XCTAssertEqual(Z85.decode("%nSc0"), [0xFF, 0xFF, 0xFF, 0xFF])
    }

    func testCurveKeyValidation() {
        XCTAssertFalse(Z85.isValidCurveKey(""))
        XCTAssertFalse(Z85.isValidCurveKey("HelloWorld"))
        XCTAssertFalse(Z85.isValidCurveKey(String(repeating: "~", count: 40)))
        XCTAssertFalse(Z85.isValidCurveKey(String(repeating: "0", count: 45)))
        XCTAssertTrue(Z85.isValidCurveKey(String(repeating: "0", count: 40)))
    }
}
