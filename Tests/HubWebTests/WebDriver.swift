import Foundation
import TaizhangTesting

/// A headless Chromium driven over chromedriver's W3C WebDriver HTTP interface, on a port
/// chromedriver chooses itself.
final class WebDriver {
    let driver: RunningProgram
    let client: LoopbackHTTP
    let session: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Where Debian puts them (`apt-get install chromium chromium-driver fonts-noto-cjk`).
    static let chromedriver = "/usr/bin/chromedriver"
    static let chromium = "/usr/bin/chromium"

    /// Why the browser tests cannot run here, or nil when they can.
    static var missing: String? {
        for path in [chromedriver, chromium] where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is not installed (Debian: apt-get install chromium chromium-driver fonts-noto-cjk)"
        }
        return nil
    }

    init(profile: String) throws {
        driver = try Program(executable: Self.chromedriver).start(["--port=0"])
        let rest = try driver.waitForLine(startingWith: "ChromeDriver was started successfully on port ", timeout: 60)
        guard let port = Int(rest.prefix { $0.isNumber }) else { throw Failure(description: "chromedriver printed no port: \(rest)") }
        // Chromium's first start on a loaded machine can take a while: a generous deadline.
        client = LoopbackHTTP(port: port, timeout: 120)
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Self.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                         "--user-data-dir=\(profile)", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
            ],
        ]]]
        let created = try Self.call(client, "POST", "/session", capabilities)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver made no session: \(created)")
        }
        session = id
    }

    deinit {
        _ = try? Self.call(client, "DELETE", "/session/\(session)", nil)
        _ = try? driver.stop()
    }

    func navigate(_ url: String) throws { _ = try command("POST", "url", ["url": url]) }

    func currentURL() throws -> String { try command("GET", "url", nil)["value"] as? String ?? "" }

    func element(_ css: String) throws -> String {
        let found = try command("POST", "element", ["using": "css selector", "value": css])
        guard let value = found["value"] as? [String: Any], let id = value.values.first as? String else {
            throw Failure(description: "no element \(css): \(found)")
        }
        return id
    }

    func type(_ css: String, _ text: String) throws { _ = try command("POST", "element/\(try element(css))/value", ["text": text]) }

    func click(_ css: String) throws { _ = try command("POST", "element/\(try element(css))/click", [:]) }

    /// Runs a script in the page and returns its result.
    func script(_ source: String) throws -> Any? { try command("POST", "execute/sync", ["script": source, "args": []])["value"] }

    func screenshot(to path: String) throws {
        guard let text = try command("GET", "screenshot", nil)["value"] as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    func command(_ method: String, _ path: String, _ body: [String: Any]?) throws -> [String: Any] {
        try Self.call(client, method, "/session/\(session)/\(path)", body)
    }

    static func call(_ client: LoopbackHTTP, _ method: String, _ path: String, _ body: [String: Any]?) throws -> [String: Any] {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try client.request(method, path, headers: data == nil ? [] : [("Content-Type", "application/json")], body: data)
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}
