import Foundation
import TaizhangTesting
import XCTest

/// The dashboard in a real headless Chromium: the real taizhang-hub-web process on a port
/// the system chose, logged into through the form, each page opened and photographed.
/// Skips (saying why) only outside CI when Chromium or chromedriver is missing; under
/// CI=true a missing browser fails.
final class BrowserTests: XCTestCase {
    func requireBrowser() throws {
        for (name, path) in [("chromedriver", WebDriver.chromedriver), ("Chromium", WebDriver.chromium)] {
            _ = try RequiredPart.locate(name, at: [path], package: "chromium chromium-driver") { XCTSkip($0) }
        }
    }

    /// Screenshots go to $TAIZHANG_SCREENSHOTS, else /tmp/taizhang-screenshots.
    static var screenshots: String {
        ProcessInfo.processInfo.environment["TAIZHANG_SCREENSHOTS"] ?? FileManager.default.temporaryDirectory.path + "/taizhang-screenshots"
    }

    func testOperatorSession() throws {
        try requireBrowser()
        let fixture = try WebFixture(testCase: self)
        let web = try Program("taizhang-hub-web").start(["--data", fixture.directory.path, "--bind", "127.0.0.1:0"])
        defer { _ = try? web.stop() }
        let address = try web.waitForLine(startingWith: "taizhang-hub web: serving ", timeout: 60).split(separator: " ")[0]
        XCTAssertTrue(address.hasPrefix("http://127.0.0.1:"), String(address))
        let base = String(address.dropLast())  // without the trailing "/"
        let profile = scratchDirectory("taizhang-chromium") { cleanup in addTeardownBlock(cleanup) }
        let browser = try WebDriver(profile: profile)
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)

        // Unauthenticated: sent to the login form; log in through it.
        try browser.navigate(base + "/")
        XCTAssertEqual(try browser.currentURL(), base + "/login")
        try browser.screenshot(to: Self.screenshots + "/login.png")
        try browser.type("#login", "wang")
        try browser.type("#password", WebFixture.password)
        try browser.click("#submit")
        XCTAssertEqual(try browser.currentURL(), base + "/")

        // The overview's figures are `taizhang-hub totals --json`'s, and the states add up.
        let totals = try Program("taizhang-hub").run(["totals", "--json", "--data", fixture.directory.path])
        XCTAssertEqual(totals.status, 0, totals.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(totals.stdout.utf8)) as? [String: Any])
        let bureau = try XCTUnwrap(json["bureau"] as? [String: [String: Int]])
        let figures = try XCTUnwrap(try browser.script("""
            return Array.from(document.querySelectorAll('#totals [data-figure]')).map(e => [e.dataset.figure, Number(e.textContent)]);
            """) as? [[Any]])
        XCTAssertEqual(figures.count, bureau.values.map(\.count).reduce(0, +), "every member of the JSON is on the page")
        for figure in figures {
            let path = (figure[0] as? String ?? "").split(separator: ".").map(String.init)
            XCTAssertEqual(figure[1] as? Int, bureau[path[0]]?[path[1]], path.joined(separator: "."))
        }
        let states = try XCTUnwrap(try browser.script("""
            return [Number(document.getElementById('enrolled').textContent),
                    Array.from(document.querySelectorAll('.cards [data-state]')).map(e => Number(e.textContent))];
            """) as? [Any])
        let counts = try XCTUnwrap(states[1] as? [Int])
        XCTAssertEqual(counts.reduce(0, +), states[0] as? Int)
        XCTAssertEqual(counts, [1, 1, 1, 1, 1], "current, behind, silent, flagged, revoked")
        try browser.screenshot(to: Self.screenshots + "/overview.png")

        // The filter works through the URL.
        try browser.navigate(base + "/branches?state=silent")
        let rows = try XCTUnwrap(try browser.script("""
            return Array.from(document.querySelectorAll('#branches tbody tr')).map(e => e.dataset.state);
            """) as? [String])
        XCTAssertEqual(rows, ["silent"])

        // Every page opens, in both languages, and is photographed.
        let pages = ["branches": "/branches", "branch": "/branches/sanchang", "timeliness": "/timeliness",
                     "exports": "/exports", "problems": "/problems", "health": "/health", "overview-en": "/?lang=en",
                     "branch-en": "/branches/dongcheng?lang=en"]
        for (name, path) in pages.sorted(by: { $0.key < $1.key }) {
            try browser.navigate(base + path)
            XCTAssertEqual(try browser.currentURL(), base + path, name)
            let heading = try browser.script("return document.querySelector('h1') ? document.querySelector('h1').textContent : ''") as? String
            XCTAssertFalse(heading?.isEmpty ?? true, name)
            // Nothing this page fetched came from anywhere but the hub.
            let fetched = try XCTUnwrap(try browser.script("return performance.getEntries().map(e => e.name)") as? [String])
            XCTAssertTrue(fetched.contains(base + "/style.css"), name)
            for url in fetched where url.contains("://") {
                XCTAssertTrue(url.hasPrefix(base + "/"), "a request left the hub on \(name): \(url)")
            }
            try browser.screenshot(to: Self.screenshots + "/\(name).png")
        }
        print("BrowserTests: screenshots in \(Self.screenshots)")
    }
}
