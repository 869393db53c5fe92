import TaizhangCore
import XCTest

/// `--hub a,b`: the list of front-ends, each endpoint checked, the first bad one named.
final class EndpointListTests: XCTestCase {
    func testOneEndpointIsAListOfOne() throws {
        XCTAssertEqual(try Endpoint.list("tcp://hub.bureau.local:7447"), ["tcp://hub.bureau.local:7447"])
    }

    func testAListKeepsItsOrderAndIgnoresSpacesAroundCommas() throws {
        XCTAssertEqual(try Endpoint.list("tcp://b:2, tcp://a:1 ,tcp://[::1]:3"), ["tcp://b:2", "tcp://a:1", "tcp://[::1]:3"])
        XCTAssertEqual(Endpoint.listText(["tcp://b:2", "tcp://a:1"]), "tcp://b:2,tcp://a:1")
    }

    func testTheFirstBadEndpointIsNamedWithItsProblem() {
        let cases: [(String, Endpoint.ListProblem)] = [
            ("tcp://a:1,http://b:2", .init(endpoint: "http://b:2", problem: .scheme)),
            ("tcp://a:1,tcp://b:99999,tcp://c", .init(endpoint: "tcp://b:99999", problem: .portRange)),
            ("tcp://a:1,", .init(endpoint: "", problem: .scheme)),
            ("tcp://a:1,,tcp://b:2", .init(endpoint: "", problem: .scheme)),
            ("tcp://a:1,tcp://b", .init(endpoint: "tcp://b", problem: .port)),
            ("tcp://a:1, tcp://a:1", .init(endpoint: "tcp://a:1", problem: nil)),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Endpoint.list(text), text) { XCTAssertEqual($0 as? Endpoint.ListProblem, expected, text) }
        }
    }
}
