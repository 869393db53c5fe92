@testable import PostgresClient
import XCTest

/// PostgreSQL's hex form of bytea, read without a server.
final class ByteaTextTests: XCTestCase {
    func testHexFormDecodes() {
        XCTAssertEqual(PostgresRow.hexBytea(Array("\\x00ff1A".utf8)), [0x00, 0xFF, 0x1A])
        XCTAssertEqual(PostgresRow.hexBytea(Array("\\x".utf8)), [])
    }

    func testMalformedHexIsRefused() {
        XCTAssertNil(PostgresRow.hexBytea(Array("00ff".utf8)), "no \\x prefix")
        XCTAssertNil(PostgresRow.hexBytea(Array("\\x0".utf8)), "odd length")
        XCTAssertNil(PostgresRow.hexBytea(Array("\\xzz".utf8)), "not hex")
    }
}
