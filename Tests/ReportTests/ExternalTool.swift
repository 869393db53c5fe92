import Foundation
import XCTest

/// A program outside the package that a test needs (LibreOffice, poppler's pdftotext, Python
/// with openpyxl). Missing, it skips the test with the reason — except under `CI=true`,
/// where `.ci/run` installs it and a missing tool fails the test instead.
struct ExternalTool {
    let path: String

    static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The first of `names` found on the PATH (or an absolute path that exists).
    static func find(_ names: [String], install: String) throws -> ExternalTool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            let candidates = name.hasPrefix("/") ? [name] : folders.map { $0 + "/" + name }
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return ExternalTool(path: found)
            }
        }
        try unavailable("\(names[0]) is not installed (\(install))")
        throw XCTSkip("unreachable")
    }

    /// Skips (or, on CI, fails) with `reason`.
    static func unavailable(_ reason: String) throws {
        if onCI { throw Unavailable(reason: reason + "; CI=true, so this fails instead of skipping") }
        print("skipped: \(reason)")
        throw XCTSkip(reason)
    }

    struct Unavailable: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs to completion, `stdin` fed in; a hang past `timeout` seconds kills it and fails.
    @discardableResult
    func run(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 180) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Unavailable(reason: "\(path) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A scratch folder for one test, removed afterwards unless $TAIZHANG_KEEP_RENDERS names a
/// folder to copy it to (to look at the PDF pages by eye).
final class ScratchFolder {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        if let keep = ProcessInfo.processInfo.environment["TAIZHANG_KEEP_RENDERS"], !keep.isEmpty {
            let target = URL(fileURLWithPath: keep).appendingPathComponent(url.lastPathComponent)
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? FileManager.default.copyItem(at: url, to: target)
        }
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
