import CSHA256

/// SHA-256 (FIPS 180-4), for entry content hashes; small, dependency-free, and on the hub's
/// ingest path, so it works on the bytes in place without allocating per block. Where the
/// processor has the SHA instructions the blocks go through them (CSHA256, about a tenth of
/// the hub's ingest CPU otherwise); elsewhere through the portable compression below.
public enum SHA256 {
    enum Engine { case hardware, portable }
    static let engine: Engine = taizhang_sha256_hardware() == 1 ? .hardware : .portable

    public typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    static let initial: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    static func hash(_ message: UnsafeRawBufferPointer, engine: Engine = engine) -> [UInt8] {
        var state = initial
        let fullBlocks = message.count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for block in 0..<fullBlocks {
                step(UnsafeRawBufferPointer(rebasing: message[block * 64..<block * 64 + 64]), &state, w, engine)
            }
            // The tail: the remaining bytes, 0x80, zeros, and the length in bits (one or two blocks).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = message.count - fullBlocks * 64
                for index in 0..<rest { tail[index] = message[fullBlocks * 64 + index] }
                tail[rest] = 0x80
                let length = rest < 56 ? 64 : 128
                for index in (rest + 1)..<(length - 8) { tail[index] = 0 }
                let bits = UInt64(message.count) &* 8
                for index in 0..<8 { tail[length - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * index)) }
                let raw = UnsafeRawBufferPointer(tail)
                for block in 0..<(length / 64) {
                    step(UnsafeRawBufferPointer(rebasing: raw[block * 64..<block * 64 + 64]), &state, w, engine)
                }
            }
        }
        return digest(state)
    }

    /// SHA-256 of `first ‖ second`, two 32-byte values (one chain step): one data block and a
    /// constant padding block on the stack, no intermediate arrays — once per entry on both sides.
    public static func hash(pair first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        hash(pair: first, second, engine: engine)
    }

    static func hash(pair first: [UInt8], _ second: [UInt8], engine: Engine) -> [UInt8] {
        guard first.count == 32, second.count == 32 else { return (first + second).withUnsafeBytes { hash($0, engine: engine) } }
        var state = initial
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { block in
                first.withUnsafeBufferPointer { for index in 0..<32 { block[index] = $0[index] } }
                second.withUnsafeBufferPointer { for index in 0..<32 { block[32 + index] = $0[index] } }
                step(UnsafeRawBufferPointer(block), &state, w, engine)
                // The padding of a 64-byte message: 0x80, zeros, the length 512 in bits.
                for index in 0..<64 { block[index] = 0 }
                block[0] = 0x80
                block[62] = 0x02
                step(UnsafeRawBufferPointer(block), &state, w, engine)
            }
        }
        return digest(state)
    }

    /// The state's eight words, big-endian.
    private static func digest(_ state: State) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { bytes, count in
            func put(_ word: UInt32, _ index: Int) {
                bytes[4 * index] = UInt8(word >> 24)
                bytes[4 * index + 1] = UInt8(truncatingIfNeeded: word >> 16)
                bytes[4 * index + 2] = UInt8(truncatingIfNeeded: word >> 8)
                bytes[4 * index + 3] = UInt8(truncatingIfNeeded: word)
            }
            put(state.0, 0); put(state.1, 1); put(state.2, 2); put(state.3, 3)
            put(state.4, 4); put(state.5, 5); put(state.6, 6); put(state.7, 7)
            count = 32
        }
    }

    /// One round; the caller rotates the variables' roles instead of moving eight values.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ s1 &+ choice &+ kw
        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) | (c & (a | b))
        d = d &+ temp1
        h = temp1 &+ s0 &+ majority
    }

    /// One block, through `engine`; `w` is the portable compression's schedule.
    @inline(__always)
    private static func step(_ block: UnsafeRawBufferPointer, _ state: inout State,
                             _ w: UnsafeMutableBufferPointer<UInt32>, _ engine: Engine) {
        guard engine == .hardware else { return compress(block, &state, w) }
        withUnsafeMutableBytes(of: &state) { words in
            taizhang_sha256_blocks(words.baseAddress?.assumingMemoryBound(to: UInt32.self),
                                   block.baseAddress?.assumingMemoryBound(to: UInt8.self), 1)
        }
    }

    private static func compress(_ block: UnsafeRawBufferPointer, _ state: inout State, _ w: UnsafeMutableBufferPointer<UInt32>) {
        for t in 0..<16 {
            w[t] = UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16 | UInt32(block[4 * t + 2]) << 8 | UInt32(block[4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
            let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        let k = taizhang_sha256_round_constants()
        for t in stride(from: 0, to: 64, by: 8) {
            round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }
}

extension UInt32 {
    /// Masking shifts: the plain ones check for an over-wide count on every call.
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self &>> count) | (self &<< (32 &- count)) }
}

extension Collection<UInt8> {
    /// Lowercase hexadecimal.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
