import Foundation
import HubKit
import HubWeb
import TaizhangCore
import TaizhangText
import TaizhangTesting
import XCTest

/// `serve` notes its heartbeat in the hub database every few seconds; the health page shows
/// it, and calls `serve` stopped once three beats are missed.
final class HeartbeatTests: XCTestCase {
    let hub = Program("taizhang-hub")

    /// Polls `body` until it gives a value (a generous deadline: the machine is shared).
    func eventually<T>(_ what: String, timeout: TimeInterval = 60, _ body: () throws -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try body() { return value }
            usleep(50_000)
        }
        XCTFail("not seen within \(timeout) s: \(what)")
        throw CancellationError()
    }

    func testServeBeatsAndTheHealthPageSaysSo() throws {
        let fixture = try WebFixture(testCase: self)
        XCTAssertNil(try fixture.database.serveHeartbeat(), "serve never ran on the fixture's database")
        let server = try hub.start(["serve", "--data", fixture.directory.path, "--bind", "tcp://127.0.0.1:*"])
        _ = try server.waitForLine(startingWith: "serving on ")
        let first = try eventually("a first heartbeat") { try fixture.database.serveHeartbeat() }
        XCTAssertEqual(first.processID, Int64(server.pid))
        let later = try eventually("a second heartbeat") {
            try fixture.database.serveHeartbeat().flatMap { $0.beatAt > first.beatAt ? $0 : nil }
        }
        XCTAssertEqual(later.startedAt, first.startedAt)
        XCTAssertGreaterThanOrEqual(later.beatAt.millisecondsSinceEpoch - first.beatAt.millisecondsSinceEpoch,
                                    HubDatabase.heartbeatSeconds * 1000 - 1000, "a beat every few seconds, not every loop")
        XCTAssertEqual(try server.stop(), 0)

        let health = try fixture.database.health(now: later.beatAt)
        XCTAssertEqual(health.serve, try fixture.database.serveHeartbeat())
        func page(_ language: WebLanguage, secondsAfter: Int64) -> HealthPage {
            let now = Timestamp(millisecondsSinceEpoch: later.beatAt.millisecondsSinceEpoch + secondsAfter * 1000)
            let frame = PageFrame(language: language, path: "/health", query: [], titleKey: "health", asOf: now,
                                  time: LocalTime(zone: .default), session: OperatorSession(login: "wang", role: .viewer))
            return HealthPage.make(frame: frame, language: language, health: health, started: now, time: LocalTime(zone: .default), now: now)
        }
        XCTAssertTrue(page(.zh, secondsAfter: 2).serveAlive)
        XCTAssertEqual(page(.zh, secondsAfter: 2).serveState, "运行中")
        XCTAssertTrue(page(.zh, secondsAfter: 2).serveBeat.hasSuffix("(2 秒前)"), page(.zh, secondsAfter: 2).serveBeat)
        let stale = page(.en, secondsAfter: 16)
        XCTAssertFalse(stale.serveAlive)
        XCTAssertTrue(stale.serveState.hasPrefix("stopped or stuck"), stale.serveState)
    }

    /// Every key a page asks for names a sentence in both catalogues (no key shown raw).
    func testEveryTemplateKeyIsInTheCatalogue() throws {
        for language in WebLanguage.allCases {
            let labels = language.labels
            for key in ["title", "asOf", "serveHeartbeat", "completeness", "restatements", "lateRestatements", "state.behind", "board"] {
                XCTAssertNotEqual(language.text(key), key, "\(language) \(key)")
                XCTAssertEqual(labels[key], language.text(key))
            }
        }
        XCTAssertEqual(WebLanguage.zh.text("restates", "2026-12-01 08:00", "4"), "更正了 2026-12-01 08:00 发出的同月报表：4 个数字有变化")
        XCTAssertEqual(WebLanguage.en.text("state.behind"), Message.branchStateBehind.text(.en), "the CLI's word for the state")
    }
}
