import XCTest
import ZeroMQ

final class CurveKeyPairTests: XCTestCase {
    func testLibraryVersionAndCurveSupport() {
        XCTAssertGreaterThanOrEqual(ZeroMQ.version, ZMQVersion(major: 4, minor: 3, patch: 0))
        XCTAssertTrue(ZeroMQ.hasCurve)
    }

    func testGeneratedKeysAreValidAndDistinct() throws {
        let first = try CurveKeyPair.generate()
        let second = try CurveKeyPair.generate()
        XCTAssertTrue(Z85.isValidCurveKey(first.publicKey))
        XCTAssertTrue(Z85.isValidCurveKey(first.secretKey))
        XCTAssertNotEqual(first.publicKey, first.secretKey)
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(first.publicKeyBytes.count, 32)
    }

    func testPublicKeyIsDerivedFromSecretKey() throws {
        let pair = try CurveKeyPair.generate()
        let derived = try CurveKeyPair(secretKey: pair.secretKey)
        XCTAssertEqual(derived, pair)
    }

    func testInvalidSecretKeyThrowsAndDescriptionHidesSecret() throws {
        XCTAssertThrowsError(try CurveKeyPair(secretKey: "not a key"))
        let pair = try CurveKeyPair.generate()
        XCTAssertFalse(pair.description.contains(pair.secretKey))
        XCTAssertTrue(pair.description.contains(pair.publicKey))
    }

    func testSocketRejectsMalformedCurveKey() throws {
        let context = try Context()
        let socket = try context.socket(.dealer)
        XCTAssertThrowsError(try socket.setCurveServerKey("too short")) { error in
            XCTAssertEqual((error as? ZMQError)?.errno, EINVAL)
        }
        let pair = try CurveKeyPair.generate()
        try socket.setCurveServerKey(pair.publicKey)
        XCTAssertEqual(try socket.curveServerKey, pair.publicKey)
    }
}
