import Foundation
import TaizhangTesting
import XCTest

/// `make install`'s script into a temporary prefix: the programs, man pages that render,
/// completion scripts that load in bash and complete the fixed values.
final class InstallTests: XCTestCase {
    func testInstallIntoATemporaryPrefix() throws {
        _ = try RequiredPart.locate("man", at: ["man"], package: "man-db") { XCTSkip($0) }
        _ = try RequiredPart.locate("python3", at: ["python3"], package: "python3") { XCTSkip($0) }
        let prefix = scratchDirectory("taizhang-prefix") { addTeardownBlock($0) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let binaries = URL(fileURLWithPath: Program("taizhang-agent").path).deletingLastPathComponent().path
        let installed = try shell("sh \(repository)/scripts/install.sh '\(binaries)' '\(prefix)'")
        XCTAssertEqual(installed.status, 0, installed.stderr)
        for program in ["taizhang-agent", "taizhang-hub"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "\(prefix)/bin/\(program)"))
            let version = try shell("'\(prefix)/bin/\(program)' --version")
            XCTAssertEqual(version.status, 0)
            for page in ["share/man/man1", "share/man/zh_CN/man1"] {
                let man = try shell("MANWIDTH=80 man -l '\(prefix)/\(page)/\(program).1'")
                XCTAssertEqual(man.status, 0, man.stderr)
                XCTAssertTrue(man.stdout.contains(program) && man.stdout.contains("init"), man.stdout)
                // Typesetting notes about long unbreakable runs (CJK, keys) are not errors.
                let problems = man.stderr.split(separator: "\n").filter { !$0.contains("break line") && !$0.contains("adjust line") }
                XCTAssertEqual(problems, [], man.stderr)
            }
            let completion = try shell("bash -c \"source '\(prefix)/share/bash-completion/completions/\(program)' && complete -p \(program)\"")
            XCTAssertEqual(completion.status, 0, completion.stderr)
            XCTAssertTrue(completion.stdout.contains("-F _\(program)"), completion.stdout)
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(prefix)/share/zsh/site-functions/_\(program)"))
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(prefix)/share/fish/vendor_completions.d/\(program).fish"))
        }
        let reasons = try shell("""
            bash -c 'source "\(prefix)/share/bash-completion/completions/taizhang-agent"
            COMP_WORDS=(taizhang-agent badge revoke --reason ""); COMP_CWORD=4
            _taizhang-agent taizhang-agent "" --reason; echo "${COMPREPLY[@]}"'
            """)
        XCTAssertTrue(reasons.stdout.contains("lost") && reasons.stdout.contains("丢失"), reasons.stdout + reasons.stderr)
    }

    struct Output { let status: Int32; let stdout: String; let stderr: String }

    func shell(_ command: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
    }
}
