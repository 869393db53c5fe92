/// The ZeroMQ endpoints a person types: `tcp://HOST:PORT` for a hub, and for `serve --bind`
/// also `*` as the host or the port. Checked before anything uses them, so a typo gets one
/// sentence instead of a crash deep inside libzmq.
public enum Endpoint {
    /// What is wrong with an endpoint.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        /// Not `tcp://…`.
        case scheme
        /// Nothing between `tcp://` and the port.
        case host
        /// No `:PORT` at the end.
        case port
        /// A port that is not a whole number from 1 to 65535.
        case portRange
    }

    /// nil when `text` is a usable endpoint; `binding` also accepts `*` for host or port.
    public static func problem(in text: String, binding: Bool = false) -> Problem? {
        let prefix = "tcp://"
        guard text.hasPrefix(prefix) else { return .scheme }
        let rest = text.dropFirst(prefix.count)
        guard let colon = rest.lastIndex(of: ":") else { return .port }
        let host = rest[rest.startIndex..<colon]
        let port = rest[rest.index(after: colon)...]
        // "tcp://[::1]" has its last colon inside the brackets: no port.
        if host.hasPrefix("["), !host.hasSuffix("]") { return .port }
        guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == " " || $0 == "@" }) else { return .host }
        guard !port.isEmpty else { return .port }
        if binding, port == "*" { return nil }
        guard port.allSatisfy({ $0.isASCII && $0.isNumber }), port.count <= 5, let number = Int(port),
              (1...65535).contains(number) else { return .portRange }
        return nil
    }
}
