/// Which of the hub's front-ends the office talks to (docs/PROTOCOL.md, "Front-ends"): one at
/// a time, starting at the one that last welcomed it; the next in the list, round robin, when
/// the current one is silent or cannot store. A pure value, unit-tested without a socket.
public struct HubRotation: Sendable, Equatable {
    public private(set) var endpoints: [String]
    public private(set) var index: Int
    /// Front-ends that failed one after another since the last one that answered.
    private var failedInARow = 0

    /// `answered`: the front-end that last welcomed the office; unknown or nil starts at the first.
    public init(endpoints: [String], answered: String?) {
        self.endpoints = endpoints
        index = answered.flatMap { endpoints.firstIndex(of: $0) } ?? 0
    }

    /// The front-end to talk to now.
    public var current: String { endpoints[index] }

    /// The one the office reports to, as `status` says it: where the next connection starts.
    public static func reportsTo(_ endpoints: [String], answered: String?) -> String {
        HubRotation(endpoints: endpoints, answered: answered).current
    }

    /// The current front-end was silent or could not store: move to the next. True when every
    /// front-end has now failed in a row (a whole round): back off before trying again.
    public mutating func failed() -> Bool {
        index = (index + 1) % endpoints.count
        failedInARow += 1
        if failedInARow >= endpoints.count {
            failedInARow = 0
            return true
        }
        return false
    }

    /// The current front-end welcomed the office.
    public mutating func answered() { failedInARow = 0 }

    /// `set-hub` changed the list: stay on the current front-end if it is still listed, else
    /// start at the first.
    public mutating func retarget(_ newEndpoints: [String]) {
        guard newEndpoints != endpoints, !newEndpoints.isEmpty else { return }
        index = newEndpoints.firstIndex(of: current) ?? 0
        endpoints = newEndpoints
        failedInARow = 0
    }
}
