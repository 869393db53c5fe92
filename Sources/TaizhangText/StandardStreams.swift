#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to stdout or stderr through the file descriptor, so long listings stream
/// without holding everything in memory.
public final class StandardStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public static func output() -> StandardStream { StandardStream(descriptor: 1) }
    public static func error() -> StandardStream { StandardStream(descriptor: 2) }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) {
        write(bytes: text.utf8)
    }

    public func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered; a closed pipe (the reader went away) ends quietly.
    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    /// Writes one line to stderr at once; on a terminal, wrapped to its width at word
    /// boundaries or between CJK characters (a pipe gets the line whole).
    public static func printError(_ line: String) {
        let stream = StandardStream.error()
        if let width = Terminal.errorWidth(), DisplayWidth.of(line) > width {
            stream.write(TextWrap.lines(line, width: width).joined(separator: "\n") + "\n")
        } else {
            stream.write(line + "\n")
        }
        stream.flush()
    }
}
