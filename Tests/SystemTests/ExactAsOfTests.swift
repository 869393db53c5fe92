import Foundation
import TaizhangTesting
import XCTest

/// The export's as-of is exact and independent of the hub's clock: an entry acknowledged just
/// before `export` is in it, and after the hub's clock steps back the same `--as-of` still
/// gives the same bytes.
final class ExactAsOfTests: XCTestCase {
    /// Record, `sync` (acknowledged), `export` at once: the entry is in the export, and the
    /// same as-of given explicitly gives the same bytes.
    func testAnEntryAcknowledgedJustBeforeTheExportIsInIt() throws {
        let (month, day) = ExportTests.lastMonth
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.ok(["card", "receive", "--quantity", "100", "--on", day(10)])
        try agent.ok(["sync"])
        let export = ["export", "--month", month, "--format", "json", "--lang", "en"]
        let first = try bureau.ok(export)
        let json = try Self.object(first)
        XCTAssertEqual(json["entries"] as? Int, 1, first)
        let asOf = try XCTUnwrap(json["asOf"] as? String)
        XCTAssertEqual(try bureau.ok(export + ["--as-of", asOf]), first, "the same as-of, the same bytes")
        try agent.ok(["card", "receive", "--quantity", "5", "--on", day(11)])
        try agent.ok(["sync"])
        XCTAssertEqual(try Self.object(try bureau.ok(export))["entries"] as? Int, 2, "the next export at once has the next entry")
        XCTAssertEqual(try bureau.ok(export + ["--as-of", asOf]), first, "and the first as-of still reads as it did")
    }

    /// The hub's clock steps back an hour (every hub process under libfaketime, `serve`
    /// restarted): an entry acknowledged then is not in the export of an as-of answered before
    /// it, which gives the same bytes as before — not refused as "in the future", not one entry
    /// more under the same hash — while an export without --as-of has both entries.
    func testTheSameAsOfGivesTheSameBytesAfterTheClockStepsBack() throws {
        let library = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
        guard FileManager.default.fileExists(atPath: library) else {
            try RequiredPart.unavailable("libfaketime is not installed (apt-get install faketime)") { XCTSkip($0) }
        }
        let (month, day) = ExportTests.lastMonth
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.ok(["card", "receive", "--quantity", "100", "--on", day(10)])
        try agent.ok(["sync"])
        let export = ["export", "--month", month, "--format", "json", "--lang", "en"]
        let first = try bureau.ok(export)
        let asOf = try XCTUnwrap(try Self.object(first)["asOf"] as? String)

        // Through `sh -c exec`: spawned directly with libfaketime preloaded, the program loses its arguments.
        let environment = ["TAIZHANG_HUB_DATA": bureau.hubData, "LD_PRELOAD": library, "FAKETIME": "-1h",
                           "FAKETIME_DONT_FAKE_MONOTONIC": "1"]
        let stepped = Program(executable: "/bin/sh", environment: environment)
        func hub(_ arguments: [String]) throws -> Program.Result {
            try stepped.run(["-c", "exec \"$0\" \"$@\"", bureau.hub.path] + arguments)
        }
        let endpoint = try XCTUnwrap(bureau.endpoint)
        XCTAssertEqual(try bureau.stopHub(), 0)
        let server = try stepped.start(["-c", "exec \"$0\" \"$@\"", bureau.hub.path, "serve", "--bind", endpoint])
        _ = try server.waitForLine(startingWith: "serving on ")
        try agent.ok(["card", "receive", "--quantity", "5", "--on", day(11)])
        try agent.ok(["sync"])

        let again = try hub(export + ["--as-of", asOf])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, first, "the same as-of after the clock stepped back")
        let now = try hub(export)
        XCTAssertEqual(now.status, 0, now.stderr)
        XCTAssertEqual(try Self.object(now.stdout)["entries"] as? Int, 2, now.stdout)
        XCTAssertEqual(try hub(export + ["--as-of", asOf]).stdout, first, "and still after a later export")
        XCTAssertEqual(try server.stop(SIGTERM), 0, server.stderr)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }
}
