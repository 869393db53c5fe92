import Foundation
import TaizhangTesting
import XCTest

/// The dashboard under TLS with a real certificate: a self-signed one made by openssl for
/// 127.0.0.1, a real `taizhang-hub-web` process, and curl trusting only that certificate.
final class TLSTests: XCTestCase {
    func testDashboardOverHTTPSWithASelfSignedCertificate() throws {
        let openssl = try RequiredPart.locate("openssl", at: ["openssl"], package: "openssl") { XCTSkip($0) }
        let curl = try RequiredPart.locate("curl", at: ["curl"], package: "curl") { XCTSkip($0) }
        let fixture = try WebFixture(testCase: self)
        let folder = scratchDirectory("taizhang-tls") { addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let cert = folder + "/cert.pem", key = folder + "/key.pem"
        let made = try Program(executable: openssl).run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert])
        XCTAssertEqual(made.status, 0, made.stderr)

        let web = try Program("taizhang-hub-web").start(["--bind", "127.0.0.1:0", "--data", fixture.directory.path,
                                                         "--tls-cert", cert, "--tls-key", key])
        addTeardownBlock { _ = try? web.stop() }
        let line = try web.waitForLine(startingWith: "taizhang-hub web: serving ")
        // The rest of the line after the prefix: "https://127.0.0.1:PORT/ (Ctrl-C stops)".
        let address = String(try XCTUnwrap(line.split(separator: " ").first, line))
        XCTAssertTrue(address.hasPrefix("https://127.0.0.1:"), line)
        let base = address.hasSuffix("/") ? String(address.dropLast()) : address

        let client = Program(executable: curl)
        let page = try client.run(["-sS", "--cacert", cert, "-o", "/dev/null", "-w", "%{http_code}", base + "/login"], timeout: 60)
        XCTAssertEqual(page.stdout, "200", page.stderr)
        // Not trusted without the certificate: curl refuses the handshake.
        let untrusted = try client.run(["-sS", "-o", "/dev/null", base + "/login"], timeout: 60)
        XCTAssertNotEqual(untrusted.status, 0)
        // Logging in over TLS gives a Secure cookie; with it, an API answers.
        let login = try client.run(["-sS", "--cacert", cert, "-D", "-", "-o", "/dev/null", "--data-urlencode", "login=wang",
                                    "--data-urlencode", "password=\(WebFixture.password)", base + "/login"], timeout: 60)
        let cookieLine = login.stdout.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }
        let cookie = try XCTUnwrap(cookieLine, login.stdout)
        XCTAssertTrue(cookie.contains("Secure"), String(cookie))
        XCTAssertTrue(cookie.contains("HttpOnly"), String(cookie))
        let value = String(cookie.dropFirst("set-cookie:".count).split(separator: ";")[0]).trimmingCharacters(in: .whitespaces)
        let api = try client.run(["-sS", "--cacert", cert, "-H", "Cookie: \(value)", "-w", "\n%{http_code}", base + "/api/totals"], timeout: 60)
        XCTAssertTrue(api.stdout.hasSuffix("\n200"), api.stdout + api.stderr)
        XCTAssertTrue(api.stdout.hasPrefix("{"), api.stdout)
    }
}
