/// Z85 (ZeroMQ RFC 32) text encoding of binary data, as used for CURVE keys; pure functions, thread-safe.
public enum Z85 {
    private static let alphabet = Array(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    /// Maps an ASCII byte to its digit value, or -1 for bytes outside the alphabet.
    private static let digitValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    /// Encodes `bytes`; nil unless the length is a multiple of 4 (Z85 has no padding).
    public static func encode(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count / 4 * 5)
        var index = 0
        while index < bytes.count {
            var value = UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16
                | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
            var chunk = [UInt8](repeating: 0, count: 5)
            for position in stride(from: 4, through: 0, by: -1) {
                chunk[position] = alphabet[Int(value % 85)]
                value /= 85
            }
            output += chunk
            index += 4
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes Z85 text; nil if the length is not a multiple of 5, a character is outside the
    /// alphabet, or a 5-character group exceeds 32 bits.
    public static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 5 == 0 else { return nil }
        var output = [UInt8]()
        output.reserveCapacity(input.count / 5 * 4)
        var index = 0
        while index < input.count {
            var value: UInt64 = 0
            for byte in input[index..<index + 5] {
                let digit = digitValues[Int(byte)]
                guard digit >= 0 else { return nil }
                value = value * 85 + UInt64(digit)
            }
            guard value <= UInt64(UInt32.max) else { return nil }
            output += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            index += 5
        }
        return output
    }

    /// Whether `text` is a Z85-encoded 32-byte CURVE key (40 valid characters).
    public static func isValidCurveKey(_ text: String) -> Bool {
        text.utf8.count == 40 && decode(text)?.count == 32
    }
}
