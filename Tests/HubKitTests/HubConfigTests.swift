import Foundation
import HubKit
import XCTest

/// `taizhang-hub --config FILE`: the keys it reads and what it refuses.
final class HubConfigTests: XCTestCase {
    private func write(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/hub.toml", atomically: true, encoding: .utf8)
        return folder + "/hub.toml"
    }

    func testEveryKeyIsReadAndDataIsRelativeToTheFile() throws {
        let path = try write("data = \"state\"\nbind = \"tcp://*:7447\"\nsilent_after_hours = 48\ntime_zone = \"UTC\"\n")
        XCTAssertEqual(try HubConfig.load(path: path), HubConfig(
            path: path, data: (path as NSString).deletingLastPathComponent + "/state", bind: "tcp://*:7447",
            silentAfterHours: 48, timeZone: "UTC"))
    }

    func testTheSeedBureausHubConfigurationLoads() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let config = try HubConfig.load(path: repository + "/hub/hub.toml")
        XCTAssertEqual(config.data, repository + "/hub/state")
        XCTAssertEqual(config.bind, "tcp://*:7447")
    }

    func testRefusalsNameTheFileAndKey() throws {
        let cases = [
            ("silent_after_hours = \"24\"", "'silent_after_hours' must be a whole number, not a string"),
            ("silent_after_hours = 1.5", "'silent_after_hours' must be a whole number, not a decimal number"),
            ("silent_after_hours = 0", "'silent_after_hours' takes a number of hours from 1 to 8784, not 0"),
            ("bind = \"7447\"", "'bind' must be a ZeroMQ endpoint such as tcp://*:7447, not '7447'"),
            ("port = 7447", "unknown key 'port'; the keys this program reads are data, bind, silent_after_hours, time_zone, bureau_name, preparer, reviewer, head, report_deadline_workdays, lang"),
            ("data = true", "'data' must be a string in quotes, not true or false"),
            ("report_deadline_workdays = 0", "'report_deadline_workdays' takes a number of working days from 1 to 30, not '0'"),
        ]
        for (text, message) in cases {
            let path = try write(text)
            XCTAssertThrowsError(try HubConfig.load(path: path), text) { error in
                XCTAssertEqual("\(error)", "\(path): \(message)")
            }
        }
    }
}
