@testable import TaizhangCore
import XCTest

/// SHA-256 against digests computed independently (Python's hashlib), across every padding
/// case: tails that leave room for the length in the last block and tails that need another.
final class SHA256Tests: XCTestCase {
    func testDigestsMatchAnIndependentImplementation() {
        let expected: [(Int, String)] = [
            (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
            (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
            (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
            (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
            (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
            (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
            (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
            (127, "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
            (128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
            (200, "1901da1c9f699b48f6b2636e65cbf73abf99d0441ef67f5c540a42f7051dec6f"),
            (1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"),
        ]
        for (length, digest) in expected {
            let bytes = (0..<length).map { UInt8($0 % 251) }
            XCTAssertEqual(SHA256.hash(bytes).hexString, digest, "\(length) bytes")
            XCTAssertEqual(SHA256.hash(bytes[...]).hexString, digest, "\(length) bytes as a slice")
            XCTAssertEqual(SHA256.hash(AnyCollection(bytes)).hexString, digest, "\(length) bytes, not contiguous")
        }
        XCTAssertEqual(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString,
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Both compressions: the portable one everywhere, and the SHA instructions where this
    /// processor has them (a processor property, not a part to install: said when absent).
    func testTheHardwareAndPortableCompressionsAgree() throws {
        var engines: [SHA256.Engine] = [.portable]
        if SHA256.engine == .hardware {
            engines.append(.hardware)
        } else {
            print("SHA256Tests: this processor has no SHA instructions; only the portable compression is checked")
        }
        for engine in engines {
            for (length, digest) in [(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                                     (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
                                     (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
                                     (1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d")] {
                let bytes = (0..<length).map { UInt8($0 % 251) }
                XCTAssertEqual(bytes.withUnsafeBytes { SHA256.hash($0, engine: engine) }.hexString, digest, "\(engine), \(length) bytes")
            }
            let first = SHA256.hash(Array("first".utf8)), second = SHA256.hash(Array("second".utf8))
            XCTAssertEqual(SHA256.hash(pair: first, second, engine: engine), SHA256.hash(first + second), "\(engine)")
        }
        // Random messages: both engines give the same digest.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let digests = engines.map { engine in bytes.withUnsafeBytes { SHA256.hash($0, engine: engine) } }
            XCTAssertEqual(Set(digests).count, 1, "\(bytes.count) bytes")
        }
    }

    func testAChainStepIsTheHashOfBothHalves() {
        let first = SHA256.hash(Array("first".utf8))
        let second = SHA256.hash(Array("second".utf8))
        XCTAssertEqual(SHA256.hash(pair: first, second), SHA256.hash(first + second))
    }
}
