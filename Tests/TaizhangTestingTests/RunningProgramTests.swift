import Foundation
import TaizhangTesting
import XCTest

/// The process helpers end what they start on every path out of a test, so no hub or agent
/// daemon outlives the test that started it.
final class RunningProgramTests: XCTestCase {
    let sleeper = Program(executable: "/bin/sleep")

    func testReleasingARunningProgramKillsAndReapsIt() throws {
        var pid: Int32 = 0
        do {
            let program = try sleeper.start(["600"])
            pid = program.pid
            XCTAssertTrue(Self.exists(pid))
        }
        XCTAssertFalse(Self.exists(pid), "released while running: killed and reaped, not a zombie")
    }

    func testAThrownErrorStillEndsTheProgram() throws {
        var pid: Int32 = 0
        struct Thrown: Error {}
        func startAndThrow() throws {
            let program = try sleeper.start(["600"])
            pid = program.pid
            throw Thrown()
        }
        XCTAssertThrowsError(try startAndThrow())
        XCTAssertFalse(Self.exists(pid))
    }

    func testATimedOutWaitForALineEndsTheProgramWithTheReason() throws {
        var pid: Int32 = 0
        func waitInVain() throws {
            let program = try sleeper.start(["600"])
            pid = program.pid
            _ = try program.waitForLine(startingWith: "ready", timeout: 0.2)
        }
        XCTAssertThrowsError(try waitInVain()) { error in
            XCTAssertTrue("\(error)".contains("no 'ready' within"), "\(error)")
        }
        XCTAssertFalse(Self.exists(pid))
    }

    func testStopPastItsTimeoutKillsTheProgram() throws {
        // A shell that ignores SIGTERM: stop must fall back to SIGKILL and say so.
        let stubborn = try Program(executable: "/bin/sh").start(["-c", "trap '' TERM; echo up; while :; do sleep 1; done"])
        _ = try stubborn.waitForLine(startingWith: "up", timeout: 30)
        XCTAssertThrowsError(try stubborn.stop(SIGTERM, timeout: 0.5))
        XCTAssertFalse(stubborn.isRunning)
    }

    func testRunKillsAHungProgramAtItsTimeout() throws {
        XCTAssertThrowsError(try sleeper.run(["600"], timeout: 0.2)) { error in
            XCTAssertTrue(error is Program.TimedOut, "\(error)")
        }
    }

    /// True while `pid` names a process, a zombie not yet reaped included.
    static func exists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }
}
