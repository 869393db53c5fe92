import HTTPTypes
import Hummingbird

/// Outermost: every response — pages, API, errors — carries the security headers, and an
/// error becomes a short page instead of a stack trace.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = Response(status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "\(error.status.code) \(error.status.reasonPhrase)\n")))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            response = Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "500: the hub database could not be read: \(error)\n")))
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// Finds the session behind the cookie; pages without one redirect to /login, `/api/`
/// answers 401. /login and the stylesheet are open.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let source: DashboardSource

    static let cookieName = "taizhang_session"
    static let openPaths: Set<String> = ["/login", "/style.css"]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            let hash = SessionToken.hash(token)
            if let session = try source.database.session(tokenHash: hash, at: source.now()) {
                context.session = session
                context.sessionTokenHash = hash
            }
        }
        let path = request.uri.path
        if context.session == nil, !Self.openPaths.contains(path) {
            if path.hasPrefix("/api/") {
                return Response(status: .unauthorized, headers: [.contentType: "application/json", .wwwAuthenticate: "Cookie realm=\"taizhang\""],
                                body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"sign in at /login first\"}\n")))
            }
            let lang = request.uri.queryParameters["lang"] == "en" ? "?lang=en" : ""
            return Response(status: .seeOther, headers: [.location: "/login" + lang])
        }
        return try await next(request, context)
    }
}
