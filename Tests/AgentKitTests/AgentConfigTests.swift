import AgentKit
import Foundation
import XCTest

/// `taizhang-agent --config FILE`: the keys it reads, relative folders, and one clear
/// sentence naming the file and key for everything it refuses.
final class AgentConfigTests: XCTestCase {
    private func write(_ text: String, name: String = "office.toml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func refusal(_ text: String) throws -> String {
        let path = try write(text)
        do {
            _ = try AgentConfig.load(path: path)
        } catch {
            let message = "\(error)"
            XCTAssertTrue(message.contains(path), "the message names the file: \(message)")
            return message.replacingOccurrences(of: path, with: "FILE")
        }
        XCTFail("accepted: \(text)")
        return ""
    }

    func testEveryKeyIsReadAndDataIsRelativeToTheFile() throws {
        let path = try write("""
            # 三厂分局
            branch = "sanchang"
            name = "三厂分局"
            hub = "tcp://127.0.0.1:7447"
            hub_key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
            data = "state/sanchang"
            time_zone = "Asia/Shanghai"
            """)
        let folder = (path as NSString).deletingLastPathComponent
        XCTAssertEqual(try AgentConfig.load(path: path), AgentConfig(
            path: path, branch: "sanchang", name: "三厂分局", hub: "tcp://127.0.0.1:7447",
            hubKey: "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7", data: folder + "/state/sanchang", timeZone: "Asia/Shanghai"))
    }

    func testEveryKeyIsOptionalAndAbsoluteDataStays() throws {
        XCTAssertEqual(try AgentConfig.load(path: try write("")).branch, nil)
        XCTAssertEqual(try AgentConfig.load(path: try write("data = \"/var/lib/taizhang/agents/sanchang\"")).data,
                       "/var/lib/taizhang/agents/sanchang")
    }

    func testUnknownKeysWrongTypesAndBadValuesAreRefusedNamingFileAndKey() throws {
        XCTAssertEqual(try refusal("hbu = \"tcp://x:1\""),
                       "FILE: unknown key 'hbu'; the keys this program reads are branch, name, hub, hub_key, data, time_zone, lang")
        XCTAssertEqual(try refusal("branch = 7"), "FILE: 'branch' must be a string in quotes, not a whole number")
        XCTAssertEqual(try refusal("[office]\nbranch = \"x\""), "FILE: unknown key 'office'; the keys this program reads are branch, name, hub, hub_key, data, time_zone, lang")
        XCTAssertEqual(try refusal("data = \"\""), "FILE: 'data' must not be empty")
        XCTAssertEqual(try refusal("time_zone = \"Mars/Olympus\""),
                       "FILE: 'time_zone' names no known time zone ('Mars/Olympus'); use a name such as Asia/Shanghai")
        XCTAssertTrue(try refusal("branch = \"x").hasPrefix("FILE, line 1, column "))
    }

    func testAMissingFileIsOneSentence() {
        XCTAssertThrowsError(try AgentConfig.load(path: "/nonexistent/office.toml")) { error in
            XCTAssertEqual("\(error)", "cannot read the configuration file /nonexistent/office.toml (No such file or directory); check the path given to --config")
        }
    }
}
