import Foundation
import TaizhangTesting
import XCTest

/// `make demo` end to end: scripts/demo.sh with the programs this test run built (debug;
/// `make demo` uses the release build), in a scratch folder. The seed year must fold to
/// the source document's figures, the export must be written, and no process may survive
/// the demo — neither when it finishes nor when it is interrupted.
final class DemoTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func testTheDemoRecordsTheSeedYearThroughAHubOutageAndLeavesNothingRunning() throws {
        let demo = try Demo(self)
        let status = try demo.waitForExit(timeout: 900)
        let output = demo.output
        XCTAssertEqual(status, 0, "the demo failed:\n\(output)\n\(demo.errors)")

        XCTAssertTrue(output.contains("the hub goes down"), output)
        XCTAssertTrue(output.contains("the hub is back on tcp://127.0.0.1:"), output)
        XCTAssertTrue(output.contains("All 8 offices are complete: the hub holds all 578 entries."), output)

        // The printed bureau totals against the seed's figures (seeds/README.md) and the
        // document's bounds: "nearly 10,000" guides, "7,000 and more" cards.
        let figures = try XCTUnwrap(Self.bureauTotals(in: output), "no 'Bureau totals:' line:\n\(output)")
        XCTAssertEqual(figures.boards, 36)
        XCTAssertEqual(figures.badges, 216)
        XCTAssertEqual(figures.signs, 14)
        XCTAssertTrue((9_000...9_999).contains(figures.guidesReceived), "\(figures.guidesReceived) guides")
        XCTAssertTrue((7_001...7_999).contains(figures.cardsDistributed), "\(figures.cardsDistributed) cards")
        XCTAssertEqual(figures.guidesReceived, 9_600)
        XCTAssertEqual(figures.cardsDistributed, 7_380)

        // `taizhang-hub totals --by-branch` ends with the bureau row.
        let bureauRow = try XCTUnwrap(output.split(separator: "\n").first { $0.hasPrefix("bureau (8 branches)") })
        XCTAssertEqual(bureauRow.split(separator: " ").dropFirst(3).map(String.init),
                       ["36", "36", "14", "216", "2880", "7380", "1750", "9600"])

        // The December export, CSV (UTF-8 with a byte-order mark) and XLSX (a zip).
        let csv = try XCTUnwrap(FileManager.default.contents(atPath: demo.folder + "/demo-output/taizhang-2008-12.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("海门工商局政务公开台账月度汇总表（2008年12月）"), "the bureau from hub/hub.toml")
        let xlsx = try XCTUnwrap(FileManager.default.contents(atPath: demo.folder + "/demo-output/taizhang-2008-12.xlsx"))
        XCTAssertEqual(Array(xlsx.prefix(4)), [0x50, 0x4B, 0x03, 0x04])

        XCTAssertEqual(Demo.processes(mentioning: demo.folder), [], "processes outlived the demo")
    }

    func testAnInterruptedDemoLeavesNothingRunning() throws {
        let demo = try Demo(self)
        try demo.waitForOutput("entries recorded", timeout: 300)
        XCTAssertFalse(Demo.processes(mentioning: demo.folder).isEmpty, "the hub and agents should be running by now")
        kill(demo.pid, SIGINT)
        let status = try demo.waitForExit(timeout: 60)
        XCTAssertEqual(status, 130, demo.output + demo.errors)
        XCTAssertTrue(demo.errors.contains("interrupted; stopping everything it started"), demo.errors)
        XCTAssertEqual(Demo.processes(mentioning: demo.folder), [], "processes outlived the interrupted demo")
    }

    struct Figures: Equatable {
        var boards, badges, signs, guidesReceived, cardsDistributed: Int
    }

    /// "Bureau totals: 36 boards, 216 badges, 14 signs, 9600 guides received, 7380 cards distributed."
    static func bureauTotals(in output: String) -> Figures? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Bureau totals: ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        return Figures(boards: numbers[0], badges: numbers[1], signs: numbers[2],
                       guidesReceived: numbers[3], cardsDistributed: numbers[4])
    }
}

/// scripts/demo.sh running in a scratch folder, its output collected in files there.
private final class Demo {
    let folder: String
    private let process = Process()
    private let outPath: String
    private let errPath: String

    init(_ test: XCTestCase) throws {
        folder = scratchDirectory("taizhang-demo") { test.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        outPath = folder + "/demo.out"
        errPath = folder + "/demo.err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let binaries = (Program("taizhang-hub").path as NSString).deletingLastPathComponent
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [DemoTests.repository + "/scripts/demo.sh"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["TAIZHANG_BIN_DIR": binaries, "TAIZHANG_DEMO_DIR": folder]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        // A failed assertion must not leave the demo running: SIGTERM runs its clean-up.
        test.addTeardownBlock { [process] in
            guard process.isRunning else { return }
            process.terminate()
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    var pid: Int32 { process.processIdentifier }
    var output: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    func waitForExit(timeout: TimeInterval) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                throw RunningProgram.Failure(message: "the demo did not finish within \(Int(timeout)) s:\n\(output)\n\(errors)")
            }
            usleep(100_000)
        }
        return process.terminationStatus
    }

    func waitForOutput(_ text: String, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !output.contains(text) {
            guard process.isRunning, Date() < deadline else {
                throw RunningProgram.Failure(message: "the demo never printed '\(text)':\n\(output)\n\(errors)")
            }
            usleep(100_000)
        }
    }

    /// The command lines of every process on this machine that mentions `folder` (the demo
    /// passes its configuration files, which live there, to every program it starts).
    static func processes(mentioning folder: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int32($0) != nil } ?? []
        return ids.compactMap { id in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(id)/cmdline"), !raw.isEmpty else { return nil }
            let command = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return command.contains(folder) ? "\(id): \(command)" : nil
        }
    }
}
