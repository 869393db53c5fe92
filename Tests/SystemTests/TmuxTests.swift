import Foundation
import TaizhangTesting
import XCTest

/// The clerk's program as a clerk sees it: inside tmux at 80 columns under
/// `LANG=zh_CN.UTF-8`, read back with `tmux capture-pane`. Nothing wraps (the pane's lines
/// are the same joined or not) and the words are Chinese.
final class TmuxTests: XCTestCase {
    static let longName = "某某市某某区某某街道办事处第一便民服务中心分局"
    static let longPlace = "区政务服务中心一楼大厅东侧入口处左手边第三根柱子旁"

    func testClerkCommandsInTmuxAtEightyColumns() throws {
        let tmux = try RequiredPart.locate("tmux", at: ["tmux"], package: "tmux") { XCTSkip($0) }
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang", name: Self.longName)
        try agent.ok(["board", "install", "--tag", "GS-0001", "--location", Self.longPlace])
        try agent.ok(["card", "receive", "--quantity", "1000000", "--batch", "2026年第十二批次印刷品送货单号"])
        try agent.ok(["card", "distribute", "--quantity", "123456", "--channel", Self.longPlace])
        try agent.ok(["badge", "issue", "--number", "0001", "--staff", "欧阳某某某"])
        let folder = scratchDirectory("taizhang-tmux") { addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let socket = folder + "/tmux.sock"
        let program = agent.program.path
        let month = String(ISO8601DateFormatter().string(from: Date()).prefix(7))
        let commands: [(name: String, arguments: [String], chinese: String)] = [
            ("help", ["--help"], "用法"),
            ("refusal", ["badge", "revoke", "--number", "9999", "--reason", "丢失"], "9999"),
            ("log", ["log"], "公示栏"),
            ("report", ["report", "--month", month], "公示栏"),
        ]
        func run(_ arguments: [String]) throws -> Program.Result {
            try Program(executable: tmux).run(["-S", socket, "-f", "/dev/null"] + arguments, timeout: 60)
        }
        // The server in the foreground (-D), as a process of this test: a tmux client started
        // from here would otherwise fork a daemon and wait on it.
        let server = try Program(executable: tmux).start(["-S", socket, "-f", "/dev/null", "-u", "-D"])
        addTeardownBlock { _ = try? server.stop(SIGTERM, timeout: 30) }
        let ready = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: socket), Date() < ready { usleep(20_000) }
        for (index, command) in commands.enumerated() {
            let marker = "__done_\(index)__"
            let line = ([program] + command.arguments).map { "'\($0)'" }.joined(separator: " ") + "; echo \(marker); exec cat"
            let started = try run(["-u", "new-session", "-d", "-s", command.name, "-x", "80", "-y", "200",
                                   "-e", "LANG=zh_CN.UTF-8", "-e", "LC_ALL=", "-e", "TAIZHANG_LANG=", "-e", "COLUMNS=",
                                   "-e", "TAIZHANG_AGENT_DATA=\(agent.data)", "sh", "-c", line])
            XCTAssertEqual(started.status, 0, started.stderr)
            let deadline = Date().addingTimeInterval(60)
            var screen = "", problem = ""
            while Date() < deadline {
                let captured = try run(["capture-pane", "-p", "-t", command.name, "-S", "-", "-E", "-"])
                screen = captured.stdout
                problem = captured.stderr
                if screen.contains(marker) { break }
                usleep(50_000)
            }
            XCTAssertTrue(screen.contains(marker), "\(command.name) did not finish in tmux (\(problem)):\n\(screen)")
            let joined = try run(["capture-pane", "-p", "-J", "-t", command.name, "-S", "-", "-E", "-"]).stdout
            let lines = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.reversed().drop { $0 == " " }.reversed() }.map { String($0) } }
            XCTAssertEqual(lines(joined).filter { !$0.isEmpty }, lines(screen).filter { !$0.isEmpty },
                           "\(command.name): a line wrapped past 80 columns:\n\(screen)")
            XCTAssertTrue(screen.contains(command.chinese), "\(command.name):\n\(screen)")
            let han = screen.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
            XCTAssertGreaterThan(han, 4, "\(command.name) speaks Chinese:\n\(screen)")
            XCTAssertFalse(screen.contains("Usage:") || screen.contains("Error:"), "\(command.name): English on the screen:\n\(screen)")
        }
    }
}
