import Hummingbird
import HummingbirdBcrypt
import HubKit
import Mustache
import TaizhangCore

/// The login form, its submission (bcrypt, lockout, the login log) and logout.
struct LoginHandler: Sendable {
    let source: DashboardSource
    let library: MustacheLibrary

    /// What the login template shows.
    struct LoginPage {
        var t: [String: String]
        var lang: String
        var langQuery: String
        var message: String?
        var otherLanguageHref: String
        var otherLanguageLabel: String
    }

    /// Verified against when the login is unknown, so both cases cost one bcrypt.
    static let decoyHash = Bcrypt.hash(SessionToken.make())

    func form(_ request: Request, message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let language = WebLanguage(query: request.uri.queryParameters["lang"].map(String.init))
        let page = LoginPage(t: language.labels, lang: language.rawValue, langQuery: language == .en ? "?lang=en" : "",
                             message: message.map { language.text($0) },
                             otherLanguageHref: language == .en ? "/login" : "/login?lang=en",
                             otherLanguageLabel: language == .en ? "中文" : "English")
        let html = library.render(page, withTemplate: "login") ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func submit(_ request: Request, context: WebContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16_384)
        let fields = FormFields(String(buffer: body))
        let login = fields["login"] ?? "", password = fields["password"] ?? ""
        let now = source.now()
        let lang = request.uri.queryParameters["lang"] == "en" ? "?lang=en" : ""
        if try source.database.lockedUntil(login: login, at: now) != nil {
            try source.database.recordLogin(OperatorLogin(login: login, at: now, address: context.address, outcome: .locked))
            return form(request, message: "loginLocked", status: .tooManyRequests)
        }
        let credentials = try source.database.operatorCredentials(login: login)
        let verified = Bcrypt.verify(password, hash: credentials?.hash ?? Self.decoyHash) && credentials != nil
        guard verified else {
            try source.database.recordLogin(OperatorLogin(login: login, at: now, address: context.address, outcome: .failure))
            let locked = try source.database.lockedUntil(login: login, at: now) != nil
            return form(request, message: locked ? "loginLocked" : "loginFailed", status: .unauthorized)
        }
        let token = SessionToken.make()
        try source.database.startSession(tokenHash: SessionToken.hash(token), login: login, address: context.address, at: now)
        var response = Response(status: .seeOther, headers: [.location: "/" + lang])
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: source.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func logout(_ request: Request, context: WebContext) throws -> Response {
        if let hash = context.sessionTokenHash {
            try source.database.endSession(tokenHash: hash, address: context.address, at: source.now())
        }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: source.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }
}

/// An `application/x-www-form-urlencoded` body.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.map({ Self.decode($0) }) else { continue }
            values[key] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(key: String) -> String? { values[key] }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { continue }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
