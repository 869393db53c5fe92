import Foundation
import GRDB
import HubKit
import TaizhangCore
import TaizhangReport
import TaizhangTesting
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A full disk, on a small tmpfs: an export whose file cannot be written, or whose record
/// cannot be stored, leaves no file and no record, and says what happened. Mounting needs
/// root (as here and in CI); elsewhere the test skips, but never under CI=true.
final class ExportFullDiskTests: XCTestCase {
    /// A 2 MB tmpfs, unmounted after the test.
    func smallDisk() throws -> String {
        guard getuid() == 0 else {
            try ExternalTool.unavailable("mounting a small tmpfs needs root")
            return ""
        }
        let mount = try ExternalTool.find(["mount", "/bin/mount", "/usr/bin/mount"], install: "mount")
        let umount = try ExternalTool.find(["umount", "/bin/umount", "/usr/bin/umount"], install: "mount")
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let mounted = try mount.run(["-t", "tmpfs", "-o", "size=2m", "tmpfs", point])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(atPath: point)
            throw ExternalTool.Unavailable(reason: "root could not mount a tmpfs on \(point): \(mounted.stderr)")
        }
        addTeardownBlock {
            _ = try? umount.run([point])
            try? FileManager.default.removeItem(atPath: point)
        }
        return point
    }

    /// Writes `path` until the disk is full; returns how many bytes it took.
    @discardableResult
    func fill(_ path: String) -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var total = 0
        for size in [65_536, 4096, 512, 1] {
            let chunk = [UInt8](repeating: 0x5A, count: size)
            while true {
                let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                guard written > 0 else { break }
                total += written
            }
        }
        return total
    }

    static func exportsRecorded(_ databasePath: String) throws -> Int {
        let queue = try DatabaseQueue(path: databasePath)
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM export_issue") ?? -1 }
    }

    func testAFullDiskForTheFileLeavesNoFileAndNoRecord() throws {
        let disk = try smallDisk()
        let scratch = try ScratchFolder("full-file")
        let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": scratch.path("hub")])
        XCTAssertEqual(try hub.run(["init", "--bureau-name", "海门工商局"]).status, 0)
        XCTAssertGreaterThan(fill(disk + "/filler"), 1_000_000)
        let month = BureauTimeZone.default.date().yearMonth.description
        for format in ["csv", "xlsx"] {
            let result = try hub.run(["export", "--month", month, "--format", format, "--out", disk + "/report." + format])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("No space left on device"), result.stderr)
            XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one sentence: \(result.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk), ["filler"], "no file, not even a temporary one")
        XCTAssertEqual(try Self.exportsRecorded(scratch.path("hub") + "/hub.sqlite"), 0)
    }

    func testAFullDiskForTheRecordLeavesNoFileAndNoRecord() throws {
        let disk = try smallDisk()
        let scratch = try ScratchFolder("full-record")
        let path = disk + "/hub.sqlite"
        let database = try HubDatabase(creatingAt: path)
        let now = Timestamp(millisecondsSinceEpoch: try database.createdAt().millisecondsSinceEpoch + 60_000)
        let month = BureauTimeZone.default.date(at: now).yearMonth
        let report = try database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: now)
        let bytes = try ReportFormat.xlsx.render(report, language: .zh)
        let out = scratch.path("report.xlsx")
        let destination = try ReportDestination.open(out: out, format: .xlsx, defaultName: "x")
        fill(disk + "/filler")
        XCTAssertThrowsError(try destination.deliver(bytes, record: { try database.recordExport(report, issuedAt: now) })) { error in
            guard case .notRecorded(out, let reason)? = error as? ReportError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("full"), reason)
            XCTAssertTrue(error.localizedDescription.isEmpty == false)
            XCTAssertTrue("\(error)".hasPrefix("\(out) was not written, because the export could not be recorded"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), [], "no file, not even a temporary one")
        try FileManager.default.removeItem(atPath: disk + "/filler")
        XCTAssertEqual(try Self.exportsRecorded(path), 0)
        // With room again, the same export is written and recorded.
        try ReportDestination.open(out: out, format: .xlsx, defaultName: "x")
            .deliver(bytes, record: { try database.recordExport(report, issuedAt: now) })
        XCTAssertEqual(try Self.exportsRecorded(path), 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out))
    }
}
