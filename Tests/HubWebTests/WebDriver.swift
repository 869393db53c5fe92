import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TaizhangTesting

/// A headless Chromium driven over chromedriver's W3C WebDriver HTTP interface, on a port
/// chromedriver chooses itself.
final class WebDriver {
    let driver: RunningProgram
    let base: URL
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
        driver = try Program(path: Self.chromedriver).start(["--port=0"])
        let rest = try driver.waitForLine(startingWith: "ChromeDriver was started successfully on port ", timeout: 60)
        guard let port = Int(rest.prefix { $0.isNumber }) else { throw Failure(description: "chromedriver printed no port: \(rest)") }
        base = URL(string: "http://127.0.0.1:\(port)")!
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Self.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                         "--user-data-dir=\(profile)", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
            ],
        ]]]
        var created: [String: Any] = [:]
        // Chromium's first start on a loaded machine can take a while: a generous deadline.
        created = try Self.call(base, "POST", "/session", capabilities, timeout: 120)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver made no session: \(created)")
        }
        session = id
    }

    deinit {
        _ = try? Self.call(base, "DELETE", "/session/\(session)", nil, timeout: 30)
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
        try Self.call(base, method, "/session/\(session)/\(path)", body, timeout: 60)
    }

    static func call(_ base: URL, _ method: String, _ path: String, _ body: [String: Any]?, timeout: TimeInterval) throws -> [String: Any] {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Data, Error> = .failure(Failure(description: "\(method) \(path) timed out"))
        URLSession.shared.dataTask(with: request) { data, _, error in
            result = error.map { .failure($0) } ?? .success(data ?? Data())
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + timeout + 5) == .success else { throw Failure(description: "\(method) \(path) timed out") }
        let data = try result.get()
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}
