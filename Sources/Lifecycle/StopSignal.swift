import Synchronization

/// A flag one thread raises (a signal handler, a test) to stop another's loop.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)
    public init() {}
    public func raise() { raised.store(true, ordering: .releasing) }
    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
