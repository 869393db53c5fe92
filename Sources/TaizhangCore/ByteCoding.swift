/// Appends big-endian integers and length-prefixed strings, for the wire protocol.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }
    public mutating func u16(_ value: UInt16) { integer(value) }
    public mutating func u32(_ value: UInt32) { integer(value) }
    public mutating func u64(_ value: UInt64) { integer(value) }
    public mutating func i32(_ value: Int32) { integer(UInt32(bitPattern: value)) }
    public mutating func i64(_ value: Int64) { integer(UInt64(bitPattern: value)) }
    public mutating func raw(_ data: some Sequence<UInt8>) { bytes.append(contentsOf: data) }

    /// A UTF-8 string with a u16 byte length; longer strings are cut at a character boundary.
    public mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        var count = min(utf8.count, Int(UInt16.max))
        if count < utf8.count {
            while count > 0, utf8[count] & 0xC0 == 0x80 { count -= 1 }
        }
        u16(UInt16(count))
        bytes.append(contentsOf: utf8[..<count])
    }

    private mutating func integer<T: FixedWidthInteger>(_ value: T) {
        var bigEndian = value.bigEndian
        withUnsafeBytes(of: &bigEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` writes, refusing truncation, overlong lengths and invalid UTF-8.
public struct ByteReader {
    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var remaining: Int { bytes.count - offset }

    public mutating func u8() throws(WireError) -> UInt8 { try integer() }
    public mutating func u16() throws(WireError) -> UInt16 { try integer() }
    public mutating func u32() throws(WireError) -> UInt32 { try integer() }
    public mutating func u64() throws(WireError) -> UInt64 { try integer() }
    public mutating func i32() throws(WireError) -> Int32 { Int32(bitPattern: try integer()) }
    public mutating func i64() throws(WireError) -> Int64 { Int64(bitPattern: try integer()) }

    public mutating func raw(_ count: Int) throws(WireError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw WireError.malformed("truncated: \(count) bytes expected, \(remaining) left") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    public mutating func string() throws(WireError) -> String {
        let length = Int(try u16())
        let slice = try raw(length)
        guard let text = String(validating: slice, as: UTF8.self) else { throw WireError.malformed("invalid UTF-8 text") }
        return text
    }

    /// Requires that nothing is left over.
    public func end() throws(WireError) {
        guard remaining == 0 else { throw WireError.malformed("\(remaining) unexpected trailing bytes") }
    }

    private mutating func integer<T: FixedWidthInteger>() throws(WireError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw WireError.malformed("truncated: \(size)-byte integer expected, \(remaining) left") }
        var value: T = 0
        for byte in bytes[offset..<offset + size] { value = value << 8 | T(byte) }
        offset += size
        return value
    }
}

/// Why bytes from the network could not be decoded.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unsupportedVersion(UInt8)
    /// A BATCH with more entries than WELCOME allows (ERROR 413, not 400).
    case tooManyEntries(Int, limit: Int)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed message: \(reason)"
        case .unsupportedVersion(let version): "protocol version \(version) is not supported (this side speaks \(WireMessage.version))"
        case .tooManyEntries(let count, let limit): "a batch holds at most \(limit) entries, not \(count); resend it in smaller batches"
        }
    }
}
