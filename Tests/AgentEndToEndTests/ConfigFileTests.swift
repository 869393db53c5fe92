import Foundation
import TaizhangTesting
import XCTest

/// `--config FILE` on the real program: `init` takes the office's settings from it, every
/// command finds the ledger through it, flags win over it, and a bad file is refused with
/// exit status 1 and one sentence.
final class ConfigFileTests: XCTestCase {
    func testInitAndRecordingReadTheFileAndFlagsOverrideIt() throws {
        let folder = AgentCLI.scratch(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/sanchang.toml"
        try """
            branch = "sanchang"
            name = "三厂分局"
            hub = "tcp://127.0.0.1:7447"
            data = "state/sanchang"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let agent = Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": folder + "/from-environment"])

        let created = try agent.run(["init", "--config", config, "--hub", "tcp://10.0.0.9:7447", "--hub-key", AgentCLI.hubKey])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.hasPrefix("Created the ledger of 三厂分局 (sanchang) in \(folder)/state/sanchang."), created.stdout)

        let recorded = try agent.run(["card", "receive", "--quantity", "500", "--on", "2008-03-02", "--config", config])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let status = try agent.run(["status", "--json", "--config", config])
        XCTAssertTrue(status.stdout.contains("\"hub\": \"tcp://10.0.0.9:7447\""), "--hub wins over the file: \(status.stdout)")
        XCTAssertTrue(status.stdout.contains("\"lastSeq\": 1"), status.stdout)

        // --data wins over the file's data: that folder has no ledger.
        let elsewhere = try agent.run(["status", "--config", config, "--data", folder + "/elsewhere"])
        XCTAssertEqual(elsewhere.status, 3, elsewhere.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/from-environment"))
    }

    func testInitNamesWhatIsMissingFromFlagsAndFile() throws {
        let folder = AgentCLI.scratch(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "branch = \"sanchang\"\n".write(toFile: folder + "/office.toml", atomically: true, encoding: .utf8)
        let result = try Program("taizhang-agent").run(["init", "--config", folder + "/office.toml", "--name", "三厂分局", "--data", folder + "/ledger"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("taizhang-agent: init needs --hub, --hub-key (or 'hub', 'hub_key' in the --config file)"), result.stderr)
    }

    func testABadFileIsRefusedWithOneSentenceAndNothingIsWritten() throws {
        let folder = AgentCLI.scratch(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/office.toml"
        try "data = \"ledger\"\nhub_adress = \"tcp://h:1\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try Program("taizhang-agent").run(["board", "install", "--tag", "GS-01", "--location", "大厅", "--config", config])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "taizhang-agent: \(config): unknown key 'hub_adress'; the keys this program reads are branch, name, hub, hub_key, data, time_zone, lang\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/ledger"))
    }
}
