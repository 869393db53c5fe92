import Foundation
import HubJSON
import HubKit
import HubWeb
import Hummingbird
import HummingbirdTesting
import TaizhangCore
import TaizhangTesting
import XCTest

/// The hub's command line for the dashboard's parts, as real processes.
final class CLITests: XCTestCase {
    let hub = Program("taizhang-hub")

    func testBranchesMonthPrintsTheSameJSONAsTheAPIAndARateLine() throws {
        let fixture = try WebFixture(testCase: self)
        let data = ["--data", fixture.directory.path]
        let json = try hub.run(["branches", "--month", "2025-09", "--json"] + data)
        XCTAssertEqual(json.status, 0, json.stderr)
        let expected = try fixture.source().timeliness(YearMonth("2025-09")!)
        XCTAssertEqual(json.stdout, HubJSONOutput.timeliness(expected).rendered() + "\n")
        let text = try hub.run(["branches", "--month", "2025-09"] + data)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasSuffix("\(expected.reported) of \(expected.expected) offices reported, \(expected.onTime) on time\n"), text.stdout)
        let unknown = try hub.run(["branches", "--month", "2026-12"] + data)
        XCTAssertTrue(unknown.stdout.contains("deadline unknown"), unknown.stdout)
        let bad = try hub.run(["branches", "--month", "2025-13"] + data)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--month takes a month as YYYY-MM"), bad.stderr)
    }

    /// The exports page's downloads are `export --as-of`'s bytes.
    func testExportDownloadsAreTheExportCommandsBytes() async throws {
        let fixture = try WebFixture(testCase: self)
        let (month, asOf) = fixture.exported
        // `export --as-of` takes only an as-of whose second has passed: wait for the clock to show it.
        let deadline = Date().addingTimeInterval(10)
        while Timestamp.now().millisecondsSinceEpoch <= asOf.millisecondsSinceEpoch + 999, Date() < deadline { usleep(10_000) }
        let app = Application(router: try Dashboard(source: try fixture.source()).router())
        let folder = scratchDirectory("taizhang-export") { cleanup in addTeardownBlock(cleanup) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hub = self.hub
        try await app.test(.router) { client in
            let cookie = try await RouteTests.session(client, "wang")
            for format in ["csv", "json", "xlsx"] {
                let out = folder + "/export.\(format)"
                let cli = try hub.run(["export", "--month", month.description, "--as-of", asOf.description, "--format", format,
                                       "--out", out, "--data", fixture.directory.path])
                XCTAssertEqual(cli.status, 0, cli.stderr)
                let expected = try Data(contentsOf: URL(fileURLWithPath: out))
                try await client.execute(uri: "/exports/\(month)?asOf=\(asOf.millisecondsSinceEpoch)&format=\(format)&lang=zh", method: .get,
                                         headers: [.cookie: cookie]) { response in
                    XCTAssertEqual(response.status, .ok, format)
                    XCTAssertEqual(Data(response.body.readableBytesView), expected, format)
                }
            }
            try await client.execute(uri: "/exports", method: .get, headers: [.cookie: cookie]) { response in
                XCTAssertTrue(String(buffer: response.body).contains("/exports/\(month)?asOf=\(asOf.millisecondsSinceEpoch)&amp;format=xlsx"))
            }
        }
    }

    func testOperatorCommands() throws {
        let fixture = try WebFixture(testCase: self)
        let data = ["--data", fixture.directory.path]
        let list = try hub.run(["operator", "list", "--json"] + data)
        XCTAssertEqual(list.status, 0, list.stderr)
        let logins = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["login"] as? String }
        XCTAssertEqual(logins, ["li", "wang", "zhao"])
        let noPassword = try hub.run(["operator", "add", "--login", "sun", "--role", "viewer", "--password-stdin"] + data)
        XCTAssertEqual(noPassword.status, 1)
        XCTAssertTrue(noPassword.stderr.contains("no password on standard input"), noPassword.stderr)
        let duplicate = try hub.run(["operator", "add", "--login", "wang", "--role", "viewer", "--password-stdin"] + data)
        XCTAssertEqual(duplicate.status, 1)
        XCTAssertTrue(duplicate.stderr.contains("already exists"), duplicate.stderr)
        let removed = try hub.run(["operator", "remove", "--login", "li"] + data)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let again = try hub.run(["operator", "remove", "--login", "li"] + data)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("there is no operator 'li'"), again.stderr)
        XCTAssertEqual(try hub.run(["operator", "log"] + data).status, 0)
    }

    func testWebRefusesANonLoopbackAddressWithoutTLS() throws {
        let fixture = try WebFixture(testCase: self)
        let refused = try hub.run(["web", "--bind", "0.0.0.0:8447", "--data", fixture.directory.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "taizhang-hub web: refusing to serve the dashboard on 0.0.0.0:8447 without TLS: give --tls-cert and --tls-key, or bind to 127.0.0.1\n")
        let missing = try hub.run(["web", "--bind", "127.0.0.1:0", "--data", fixture.directory.path + "/nowhere"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("taizhang-hub init"), missing.stderr)
    }
}
