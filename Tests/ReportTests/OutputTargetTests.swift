import Foundation
import HubKit
import TaizhangCore
import TaizhangReport
import XCTest

/// `--out` can never harm data: databases, data folders, devices and foreign files are
/// refused with one sentence; earlier exports are replaced; `--force` replaces an ordinary
/// file but never a database. And a delivery that cannot be recorded leaves no file.
final class OutputTargetTests: XCTestCase {
    func testWhatOutRefusesAndWhatItAccepts() throws {
        let scratch = try ScratchFolder("out")
        let folder = scratch.url.path
        func refusal(_ path: String, force: Bool = false, data: String? = nil) -> ReportError? {
            do {
                _ = try OutputTarget.check(path, force: force, dataFolder: data)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertNil(refusal(folder + "/new.csv"))

        // Any SQLite database, whatever its name, --force or not.
        let database = folder + "/report.csv"
        _ = try HubDatabase(creatingAt: database)
        for force in [false, true] {
            XCTAssertEqual(refusal(database, force: force), .outIsDatabase(path: database))
        }
        try? FileManager.default.removeItem(atPath: database + "-wal")
        try? FileManager.default.removeItem(atPath: database + "-shm")

        // Inside a hub's or an office's data folder, at any depth, or the program's own.
        let hub = try ExportHub()
        try FileManager.default.createDirectory(atPath: hub.directory + "/exports", withIntermediateDirectories: true)
        for path in [hub.directory + "/x.csv", hub.directory + "/exports/x.csv"] {
            guard case .outInDataFolder? = refusal(path, force: true) else { XCTFail("\(path) was not refused"); continue }
        }
        XCTAssertEqual(refusal(hub.directory + "/hub.sqlite", force: true), .outIsDatabase(path: hub.directory + "/hub.sqlite"))
        let own = folder + "/own"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        XCTAssertEqual(refusal(own + "/x.csv", data: own), .outInDataFolder(path: own + "/x.csv", folder: own))
        let ledgerFolder = folder + "/ledger"
        try FileManager.default.createDirectory(atPath: ledgerFolder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: ledgerFolder + "/ledger.sqlite", contents: Data())
        XCTAssertEqual(refusal(ledgerFolder + "/x.csv", force: true), .outInDataFolder(path: ledgerFolder + "/x.csv", folder: ledgerFolder))

        // An existing file that is not an earlier export: only with --force.
        let notes = folder + "/notes.txt"
        try Data("minutes of the meeting\n".utf8).write(to: URL(fileURLWithPath: notes))
        XCTAssertEqual(refusal(notes), .outExists(path: notes))
        XCTAssertNil(refusal(notes, force: true))
        let empty = folder + "/empty.csv"
        FileManager.default.createFile(atPath: empty, contents: Data())
        XCTAssertEqual(refusal(empty), .outExists(path: empty))

        // Earlier exports in every format (and the layout of before this one) are replaced.
        let report = GoldenLedger.restated
        var earlier: [(String, [UInt8])] = ReportFormat.allCases.map { ("earlier.\($0.rawValue)", try! $0.render(report, language: .en)) }
        earlier.append(("flat.csv", try ReportFormat.csv.renderFlat([report], language: .zh)))
        earlier.append(("old.csv", Array("\u{FEFF}政务公开台账月度汇总 2026-11\r\n完整性,完整\r\n".utf8)))
        for (name, bytes) in earlier {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
            XCTAssertNil(refusal(folder + "/" + name), name)
        }

        // Folders, devices, dangling links; a link to an export resolves to its target.
        XCTAssertEqual(refusal(own), .unwritable(path: own, detail: "it is a folder"))
        for force in [false, true] {
            XCTAssertEqual(refusal("/dev/null", force: force), .outNotRegularFile(path: "/dev/null", kind: "not a regular file"))
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: folder + "/earlier.csv")
        XCTAssertEqual(try OutputTarget.check(folder + "/link.csv", force: false, dataFolder: nil), folder + "/earlier.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/db-link.csv", withDestinationPath: hub.directory + "/hub.sqlite")
        XCTAssertEqual(refusal(folder + "/db-link.csv", force: true), .outIsDatabase(path: folder + "/db-link.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.csv", withDestinationPath: folder + "/nowhere")
        XCTAssertNotNil(refusal(folder + "/dangling.csv", force: true))
        XCTAssertEqual(refusal(folder + "/missing/x.csv"), .unwritable(path: folder + "/missing/x.csv", detail: "there is no folder \(folder)/missing"))
        for error in [ReportError.outIsDatabase(path: "/x"), .outInDataFolder(path: "/x", folder: "/d"), .outExists(path: "/x"),
                      .outNotRegularFile(path: "/x", kind: "a device"), .notRecorded(path: "/x", reason: "disk full")] {
            XCTAssertFalse(error.description.contains("\n"), "one sentence: \(error)")
        }
    }

    func testAnExportThatCannotBeRecordedLeavesNoFile() throws {
        let scratch = try ScratchFolder("deliver")
        struct Refused: Error {}
        let path = scratch.path("report.csv")
        let destination = try ReportDestination.open(out: path, format: .csv, defaultName: "x")
        XCTAssertThrowsError(try destination.deliver(Array("a\r\n".utf8), record: { throw Refused() })) {
            guard case .notRecorded(path, _)? = $0 as? ReportError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), [], "no file, no temporary file")

        // Recorded, but the rename fails: the record is taken back.
        let blocked = scratch.path("blocked.csv")
        let second = try ReportDestination.open(out: blocked, format: .csv, defaultName: "x")
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        var recorded = 0
        XCTAssertThrowsError(try second.deliver(Array("a\r\n".utf8), record: { recorded += 1 }, unrecord: { recorded -= 1 }))
        XCTAssertEqual(recorded, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["blocked.csv"], "only the folder in the way")

        let third = try ReportDestination.open(out: path, format: .csv, defaultName: "x")
        try third.deliver(Array("a\r\n".utf8), record: { recorded += 1 })
        XCTAssertEqual(recorded, 1)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("a\r\n".utf8))
    }
}
