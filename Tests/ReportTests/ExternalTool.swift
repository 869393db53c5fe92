import Foundation
import TaizhangTesting
import XCTest

/// A program outside the package that a test needs (LibreOffice, poppler's pdftotext, Python
/// with openpyxl). Missing, it skips the test with the reason — except under `CI=true`,
/// where `.ci/run` installs it and a missing tool fails the test instead.
struct ExternalTool {
    let path: String

    /// The first of `names` found on the PATH (or an absolute path that exists), through
    /// TaizhangTesting's `RequiredPart`, so every test treats a missing part alike.
    static func find(_ names: [String], install: String) throws -> ExternalTool {
        ExternalTool(path: try RequiredPart.locate(names[0], at: names, package: install) { XCTSkip($0) })
    }

    /// Skips (or, under CI=true, fails) with `reason`: a part that is not a program (a Python
    /// module, root for mounting).
    static func unavailable(_ reason: String) throws {
        print("skipped: \(reason)")
        try RequiredPart.unavailable(reason) { XCTSkip($0) }
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
