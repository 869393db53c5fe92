import Hummingbird
import HubKit

/// A request's context: who is signed in (set by `SessionMiddleware`) and from where.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: OperatorSession?
    /// The SHA-256 (hex) of the session cookie, when a session was found.
    public var sessionTokenHash: String?
    public var address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
