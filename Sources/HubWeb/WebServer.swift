import Hummingbird
import HummingbirdTLS
import HubKit
import Logging
import TaizhangText

/// Where and how the dashboard listens. A non-loopback address needs TLS: the same
/// fail-closed stance as `serve` refusing a readable secret key.
public struct WebBinding: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var tlsCertificate: String?
    public var tlsKey: String?

    public static let defaultBind = "127.0.0.1:8447"

    /// Parses `HOST:PORT` (`[::1]:PORT` for IPv6) and checks the TLS rule.
    public static func parse(_ text: String, tlsCertificate: String?, tlsKey: String?) throws(WebBindingError) -> WebBinding {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw .malformed(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .malformed(text) }
        if (tlsCertificate == nil) != (tlsKey == nil) { throw .halfTLS }
        let binding = WebBinding(host: host, port: port, tlsCertificate: tlsCertificate, tlsKey: tlsKey)
        if !binding.isLoopback, tlsCertificate == nil { throw .needsTLS(text) }
        return binding
    }

    public var isLoopback: Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }
    public var usesTLS: Bool { tlsCertificate != nil }
}

public enum WebBindingError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case needsTLS(String)
    case halfTLS

    public var description: String {
        switch self {
        case .malformed(let text): Message.errWebBindMalformed(text)
        case .needsTLS(let text): Message.errWebNeedsTLS(text)
        case .halfTLS: Message.errWebHalfTLS()
        }
    }
}

/// Runs the dashboard until SIGINT/SIGTERM; `ready` gets the address it listens on.
public enum WebServer {
    public static func run(source: DashboardSource, binding: WebBinding, ready: @escaping @Sendable (String) -> Void) async throws {
        let router = try Dashboard(source: source).router()
        var logger = Logger(label: "taizhang-hub-web")
        logger.logLevel = .warning
        let configuration = ApplicationConfiguration(address: .hostname(binding.host, port: binding.port), serverName: "taizhang-hub-web")
        let scheme = binding.usesTLS ? "https" : "http"
        let host = binding.host.contains(":") ? "[\(binding.host)]" : binding.host
        if let certificate = binding.tlsCertificate, let key = binding.tlsKey {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate)
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
            let app = Application(router: router, server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration,
                                  onServerRunning: { ready("\(scheme)://\(host):\($0.localAddress?.port ?? binding.port)/") }, logger: logger)
            try await app.runService()
        } else {
            let app = Application(router: router, configuration: configuration,
                                  onServerRunning: { ready("\(scheme)://\(host):\($0.localAddress?.port ?? binding.port)/") }, logger: logger)
            try await app.runService()
        }
    }
}
