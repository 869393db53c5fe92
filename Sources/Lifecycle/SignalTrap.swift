import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a raised `StopSignal`, so a daemon's loop can finish its
/// current step and close its sockets cleanly instead of dying mid-write.
public final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    public init(_ signals: [Int32] = [SIGINT, SIGTERM], raising stop: StopSignal) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.raise() }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
