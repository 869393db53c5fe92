import AgentKit
import XCTest

/// Which front-end the office talks to: round robin on failure, starting where it was last
/// welcomed, backing off only after a whole round failed.
final class HubRotationTests: XCTestCase {
    let list = ["tcp://a:1", "tcp://b:2", "tcp://c:3"]

    func testItStartsWhereTheOfficeWasLastWelcomedElseAtTheFirst() {
        XCTAssertEqual(HubRotation(endpoints: list, answered: "tcp://b:2").current, "tcp://b:2")
        XCTAssertEqual(HubRotation(endpoints: list, answered: nil).current, "tcp://a:1")
        XCTAssertEqual(HubRotation(endpoints: list, answered: "tcp://gone:9").current, "tcp://a:1", "no longer listed")
        XCTAssertEqual(HubRotation.reportsTo(list, answered: "tcp://c:3"), "tcp://c:3")
    }

    func testFailuresMoveRoundRobinAndAWholeRoundMeansBackOff() {
        var rotation = HubRotation(endpoints: list, answered: "tcp://b:2")
        XCTAssertFalse(rotation.failed())
        XCTAssertEqual(rotation.current, "tcp://c:3")
        XCTAssertFalse(rotation.failed())
        XCTAssertEqual(rotation.current, "tcp://a:1", "wraps around")
        XCTAssertTrue(rotation.failed(), "b, c and a failed in a row")
        XCTAssertEqual(rotation.current, "tcp://b:2")
        XCTAssertFalse(rotation.failed(), "a new round")
    }

    func testAnAnswerStartsTheRoundAgain() {
        var rotation = HubRotation(endpoints: list, answered: nil)
        XCTAssertFalse(rotation.failed())
        XCTAssertFalse(rotation.failed())
        rotation.answered()
        XCTAssertFalse(rotation.failed())
        XCTAssertFalse(rotation.failed())
        XCTAssertTrue(rotation.failed())
    }

    func testASingleHubBacksOffAfterEveryFailure() {
        var rotation = HubRotation(endpoints: ["tcp://a:1"], answered: nil)
        XCTAssertTrue(rotation.failed())
        XCTAssertTrue(rotation.failed())
        XCTAssertEqual(rotation.current, "tcp://a:1")
    }

    func testSetHubKeepsTheCurrentFrontEndIfStillListed() {
        var rotation = HubRotation(endpoints: list, answered: "tcp://c:3")
        rotation.retarget(["tcp://c:3", "tcp://d:4"])
        XCTAssertEqual(rotation.current, "tcp://c:3")
        rotation.retarget(["tcp://e:5", "tcp://f:6"])
        XCTAssertEqual(rotation.current, "tcp://e:5")
        XCTAssertEqual(rotation.endpoints, ["tcp://e:5", "tcp://f:6"])
    }
}
