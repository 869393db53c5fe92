import Foundation
import HTTPTypes
import HubJSON
import HubKit
import HubWeb
import Hummingbird
import HummingbirdTesting
import TaizhangCore
import XCTest

/// Every page and API for each role, in process (HummingbirdTesting's router framework).
final class RouteTests: XCTestCase {
    static let pages = ["/", "/branches", "/branches?state=silent", "/branches?sort=pending&lang=en", "/branches/sanchang",
                        "/branches/dongcheng?lang=en", "/timeliness", "/timeliness?month=2025-09&lang=en", "/exports", "/problems",
                        "/health", "/?lang=en", "/branches.csv?state=current"]
    static let apis = ["/api/totals", "/api/branches", "/api/timeliness?month=2025-09"]

    func application(_ fixture: WebFixture) throws -> some ApplicationProtocol {
        Application(router: try Dashboard(source: try fixture.source()).router())
    }

    /// Logs in through the form; returns the session cookie ("name=value").
    static func login(_ client: some TestClientProtocol, _ login: String, password: String = WebFixture.password) async throws -> String? {
        try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: "login=\(login)&password=\(password.replacingOccurrences(of: " ", with: "+"))")) { response in
            guard response.status == .seeOther, let cookie = response.headers[.setCookie] else { return nil }
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("SameSite=Strict"), cookie)
            XCTAssertFalse(cookie.contains("Secure"), "no Secure flag without TLS")
            return cookie.split(separator: ";").first.map(String.init)
        }
    }

    struct NoSession: Error {}

    /// Logs in and insists on a session.
    static func session(_ client: some TestClientProtocol, _ login: String) async throws -> String {
        guard let cookie = try await Self.login(client, login) else { throw NoSession() }
        return cookie
    }

    func testEveryPageAndAPIForEachRole() async throws {
        let fixture = try WebFixture(testCase: self)
        try await application(fixture).test(.router) { client in
            for person in WebFixture.roles {
                let cookie = try await Self.session(client, person.login)
                for uri in Self.pages + Self.apis {
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                        XCTAssertEqual(response.status, .ok, "\(person.login) \(uri)")
                        XCTAssertEqual(response.headers[.contentSecurityPolicy], "default-src 'self'", uri)
                        let body = String(buffer: response.body)
                        if uri.hasPrefix("/api/") || uri.hasSuffix(".csv") || uri.contains(".csv?") { return }
                        XCTAssertTrue(body.contains("<!DOCTYPE html>"), uri)
                        XCTAssertTrue(body.contains(person.login), "the page names who is signed in: \(uri)")
                        XCTAssertFalse(body.contains("{{"), "an unrendered tag on \(uri)")
                        XCTAssertTrue(body.contains(uri.contains("lang=en") ? "As of" : "数据时间"), uri)
                    }
                }
                try await client.execute(uri: "/branches/nowhere", method: .get, headers: [.cookie: cookie]) { response in
                    XCTAssertEqual(response.status, .notFound)
                    XCTAssertEqual(response.headers[.contentSecurityPolicy], "default-src 'self'")
                }
                try await client.execute(uri: "/timeliness?month=2025-13", method: .get, headers: [.cookie: cookie]) { response in
                    XCTAssertEqual(response.status, .badRequest)
                }
                try await client.execute(uri: "/branches?state=asleep", method: .get, headers: [.cookie: cookie]) { response in
                    XCTAssertEqual(response.status, .badRequest)
                }
            }
        }
    }

    func testWithoutASessionPagesRedirectAndAPIsAnswer401() async throws {
        let fixture = try WebFixture(testCase: self)
        try await application(fixture).test(.router) { client in
            for uri in Self.pages {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "taizhang_session=forged"]) { response in
                    XCTAssertEqual(response.status, .seeOther, uri)
                    XCTAssertEqual(response.headers[.location], uri.contains("lang=en") ? "/login?lang=en" : "/login", uri)
                    XCTAssertEqual(response.headers[.contentSecurityPolicy], "default-src 'self'", uri)
                }
            }
            for uri in Self.apis {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .unauthorized, uri)
                    XCTAssertEqual(response.headers[.contentSecurityPolicy], "default-src 'self'", uri)
                }
            }
            for uri in ["/login", "/login?lang=en", "/style.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, uri)
                    XCTAssertEqual(response.headers[.contentSecurityPolicy], "default-src 'self'", uri)
                }
            }
            try await client.execute(uri: "/login", method: .get) { response in
                let body = String(buffer: response.body)
                XCTAssertTrue(body.contains("name=\"login\"") && body.contains("name=\"password\"") && body.contains("action=\"/login\""))
            }
        }
    }

    /// The JSON twins are byte for byte what the CLI's builder prints.
    func testAPIsAreTheCLIsJSON() async throws {
        let fixture = try WebFixture(testCase: self)
        let source = try fixture.source()
        try await application(fixture).test(.router) { client in
            let cookie = try await Self.session(client, "wang")
            let expected = [
                "/api/totals": HubJSONOutput.totals(try fixture.database.totals()).rendered() + "\n",
                "/api/branches": HubJSONOutput.branches(try fixture.database.branches(now: fixture.clock.now, silentAfterSeconds: 24 * 3600)).rendered() + "\n",
                "/api/timeliness?month=2025-09": HubJSONOutput.timeliness(try source.timeliness(YearMonth("2025-09")!)).rendered() + "\n",
            ]
            for (uri, text) in expected {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    XCTAssertEqual(String(buffer: response.body), text, uri)
                    XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                }
            }
        }
    }

    func testFiveFailuresLockTheAccount() async throws {
        let fixture = try WebFixture(testCase: self)
        try await application(fixture).test(.router) { client in
            for _ in 0..<5 { let refused0 = try await Self.login(client, "wang", password: "wrong password"); XCTAssertNil(refused0) }
            let refused0 = try await Self.login(client, "wang"); XCTAssertNil(refused0, "locked even with the right password")
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "login=wang&password=x")) { response in
                XCTAssertEqual(response.status, .tooManyRequests)
                XCTAssertTrue(String(buffer: response.body).contains("锁定"))
            }
            _ = try await Self.session(client, "li")
            fixture.clock.advance(minutes: 16)
            _ = try await Self.session(client, "wang")
        }
        let outcomes = try fixture.database.operatorLog().filter { $0.login == "wang" }.map(\.outcome)
        XCTAssertEqual(outcomes.filter { $0 == .failure }.count, 5)
        XCTAssertEqual(outcomes.filter { $0 == .locked }.count, 2)
        XCTAssertEqual(outcomes.first, .success)
    }

    func testIdleSessionExpiresAndLogoutEndsIt() async throws {
        let fixture = try WebFixture(testCase: self)
        try await application(fixture).test(.router) { client in
            let cookie = try await Self.session(client, "wang")
            fixture.clock.advance(minutes: 29)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { XCTAssertEqual($0.status, .ok) }
            fixture.clock.advance(minutes: 31)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                XCTAssertEqual(response.status, .seeOther, "idle for 31 minutes")
                XCTAssertEqual(response.headers[.location], "/login")
            }
            let second = try await Self.session(client, "wang")
            try await client.execute(uri: "/logout", method: .post, headers: [.cookie: second]) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertTrue(response.headers[.setCookie]?.contains("Max-Age=0") ?? false)
            }
            try await client.execute(uri: "/api/totals", method: .get, headers: [.cookie: second]) { XCTAssertEqual($0.status, .unauthorized) }
        }
        XCTAssertEqual(try fixture.database.operatorLog().map(\.outcome).prefix(3), [.logout, .success, .success])
    }

    func testFilterAndCSV() async throws {
        let fixture = try WebFixture(testCase: self)
        try await application(fixture).test(.router) { client in
            let cookie = try await Self.session(client, "wang")
            try await client.execute(uri: "/branches?state=silent", method: .get, headers: [.cookie: cookie]) { response in
                let body = String(buffer: response.body)
                XCTAssertTrue(body.contains("data-branch=\"xicun\""))
                XCTAssertFalse(body.contains("data-branch=\"sanchang\""))
            }
            try await client.execute(uri: "/branches.csv", method: .get, headers: [.cookie: cookie]) { response in
                let lines = String(buffer: response.body).split(separator: "\r\n")
                XCTAssertEqual(lines.count, 6)
                XCTAssertTrue(lines[1].hasPrefix("beiguan,北关分局,revoked,"), String(lines[1]))
            }
        }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
