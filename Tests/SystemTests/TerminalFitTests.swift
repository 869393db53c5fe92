import Foundation
import TaizhangTesting
import XCTest

/// At 80 columns no line of a listing is wider than the terminal, in either language, with
/// long Chinese names.
final class TerminalFitTests: XCTestCase {
    static let longName = "某某市某某区某某街道办事处第一便民服务中心分局"
    static let longPlace = "区政务服务中心一楼大厅东侧入口处左手边第三根柱子旁"

    func testEveryListingFitsEightyColumns() throws {
        let bureau = try TestBureau(self)
        var agents: [TestAgent] = []
        for (index, branch) in ["sanchang", "dongcheng-jiedao-banshichu", "xinqiao"].enumerated() {
            let agent = try bureau.addAgent(branch, name: Self.longName + "\(index)")
            try agent.ok(["board", "install", "--tag", "GS-\(index)-0001", "--location", Self.longPlace])
            try agent.ok(["board", "install", "--tag", "GS-\(index)-0002", "--location", "大厅😀", "--nonstandard"])
            try agent.ok(["sign", "install", "--tag", "QX-01", "--location", Self.longPlace])
            try agent.ok(["badge", "issue", "--number", "0001", "--staff", "欧阳某某某"])
            try agent.ok(["badge", "revoke", "--number", "0001", "--reason", "离职"])
            try agent.ok(["card", "receive", "--quantity", "1000000", "--batch", "2026年第十二批次印刷品送货单号" + String(index)])
            try agent.ok(["card", "distribute", "--quantity", "123456", "--channel", Self.longPlace])
            try agent.ok(["guide", "receive", "--quantity", "99999"])
            try agent.ok(["board", "retire", "--tag", "GS-\(index)-0002", "--reason", "更换为统一标准公示栏，原栏破损严重无法修复"])
            try agent.ok(["sync", "--timeout", "60"])
            agents.append(agent)
        }
        for language in ["zh_CN.UTF-8", "C.UTF-8"] {
            let environment = ["COLUMNS": "80", "LANG": language, "LC_ALL": "", "TAIZHANG_LANG": ""]
            for arguments in [["totals"], ["totals", "--by-branch"], ["branches"], ["keys"]] {
                let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData].merging(environment) { $1 })
                try assertFits(hub.run(arguments), "\(language) taizhang-hub \(arguments)")
            }
            for arguments in [["status"], ["log"], ["board", "list", "--all"], ["sign", "list"], ["badge", "list", "--all"],
                              ["report", "--month", Self.thisMonth, "--format", "table"]] {
                let agent = Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": agents[1].data].merging(environment) { $1 })
                try assertFits(agent.run(arguments), "\(language) taizhang-agent \(arguments)")
            }
        }
    }

    func assertFits(_ result: Program.Result, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 0, "\(what): \(result.stderr)", file: file, line: line)
        XCTAssertFalse(result.stdout.isEmpty, what, file: file, line: line)
        for text in result.stdout.split(separator: "\n") {
            XCTAssertLessThanOrEqual(Self.width(String(text)), 80, "\(what):\n\(result.stdout)", file: file, line: line)
        }
    }

    static var thisMonth: String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM"
        return formatter.string(from: Date())
    }

    /// Terminal columns, counted independently of the product's own DisplayWidth.
    static func width(_ text: String) -> Int {
        text.reduce(0) { total, character in
            let scalars = character.unicodeScalars
            let value = scalars.first!.value
            if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return total + 2 }
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            return total + (wide ? 2 : 1)
        }
    }
}
