import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest

final class WireCodecTests: XCTestCase {
    func bytes(_ hex: String) -> [UInt8] {
        hex.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// The example entry of docs/PROTOCOL.md.
    let exampleEntry = Entry(branch: "sanchang", seq: 7, material: .card, action: .receive, quantity: 200,
                             details: EntryDetails(batch: "A1"), occurredOn: CivilDate("2008-03-01")!,
                             recordedAt: Timestamp(millisecondsSinceEpoch: 1_204_329_600_000), clerk: "王")

    func testProtocolDocumentExamples() throws {
        let entryBytes = bytes("00 00 00 00 00 00 00 07 03 04 00 42 00 00 36 73 00 00 01 18 67 a3 54 00 00 03 e7 8e 8b 00 00 00 00 00 00 00 c8 00 02 41 31")
        XCTAssertEqual(EntryCodec.encode(exampleEntry), entryBytes)
        XCTAssertEqual(try EntryCodec.decode(entryBytes, branch: "sanchang"), exampleEntry)
        XCTAssertEqual(EntryCodec.contentHash(exampleEntry).hexString,
                       "f993c0aec3824fcafcbaf035ad969018c254b3a851d1a5156926f2d6c9457207")
        let incarnation = bytes("00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff")
        let genesis = LedgerChain.genesis(branch: "sanchang", incarnation: incarnation)
        XCTAssertEqual(genesis, SHA256.hash(bytes("54 5a 2d 43 48 41 49 4e 00 08 73 61 6e 63 68 61 6e 67 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff")))
        XCTAssertEqual(genesis.hexString, "db2c7d6eabc04210f7120f492e1f801a10ee3665e492d4f9ced55512ace44331")
        XCTAssertEqual(LedgerChain.genesis(branch: "sanchang", incarnation: "00112233-4455-6677-8899-aabbccddeeff"), genesis)
        XCTAssertEqual(LedgerChain.next(genesis, contentHash: EntryCodec.contentHash(exampleEntry)).hexString,
                       "15019b823ccc7f8390ffb39652d4148e537ff27e49f2e752e572695b697a5c8a")
        XCTAssertEqual(WireMessage.hello(incarnation: incarnation, lastSeq: 0, chain: genesis, branch: "sanchang").encoded(),
                       bytes("54 5a 04 01 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00 00 00 00 00 00 00 00 "
                             + "db 2c 7d 6e ab c0 42 10 f7 12 0f 49 2e 1f 80 1a 10 ee 36 65 e4 92 d4 f9 ce d5 55 12 ac e4 43 31 "
                             + "00 08 73 61 6e 63 68 61 6e 67"))
        let chain = (0..<32).map { UInt8($0) + 0xc0 }
        XCTAssertEqual(WireMessage.ack(heldSeq: 50, chain: chain).encoded(),
                       bytes("54 5a 04 04 00 00 00 00 00 00 00 32") + chain + bytes("00 00 00 00 00"))
        let flagged = WireMessage.ack(heldSeq: 50, chain: chain,
                                      flags: FlagNotice(entries: [.init(seq: 12, kind: .date)], others: 1))
        XCTAssertEqual(flagged.encoded(), bytes("54 5a 04 04 00 00 00 00 00 00 00 32") + chain
                       + bytes("00 02 00 01 01 00 00 00 00 00 00 00 0c 01"), "two open flags, one on entry #12 (date)")
        XCTAssertEqual(try WireMessage.decode(flagged.encoded()), flagged)
        let refusal = WireMessage.error(.unsupportedVersion, heldSeq: 0, seq: 0, message: "upgrade").encoded(version: 1)
        XCTAssertEqual(Array(refusal.prefix(6)), bytes("54 5a 01 07 01 f9"))
        XCTAssertEqual(try WireMessage.decode(refusal), .error(.unsupportedVersion, heldSeq: 0, seq: 0, message: "upgrade"),
                       "an ERROR of an older version is still read")
        XCTAssertThrowsError(try WireMessage.decode(bytes("54 5a 01 04 00 00 00 00 00 00 00 32")), "a version-1 ACK is not")
    }

    /// The flag notice of WELCOME, ACK and PONG: counts that contradict the list, a list cut
    /// at other than 16, a seq of 0 and an unknown kind are malformed; 16 of 40 are listed.
    func testFlagNoticeIsExact() throws {
        let chain = [UInt8](repeating: 7, count: 32)
        let head = bytes("54 5a 04 06 00 00 00 00 00 00 00 05") + chain
        func refused(_ notice: String, _ why: String, line: UInt = #line) {
            XCTAssertThrowsError(try WireMessage.decode(head + bytes(notice)), why, line: line)
        }
        XCTAssertEqual(try WireMessage.decode(head + bytes("00 03 00 01 01 00 00 00 00 00 00 00 02 06")),
                       .pong(heldSeq: 5, chain: chain, flags: FlagNotice(openFlags: 3, entryFlags: 1, entries: [.init(seq: 2, kind: .conflict)])))
        refused("00 01 00 02 01 00 00 00 00 00 00 00 02 01", "more entry flags than open ones")
        refused("00 02 00 02 01 00 00 00 00 00 00 00 02 01", "two entry flags, one listed")
        refused("00 01 00 01 01 00 00 00 00 00 00 00 00 01", "seq 0")
        refused("00 01 00 01 01 80 00 00 00 00 00 00 01 01", "seq ≥ 2^63")
        refused("00 01 00 01 01 00 00 00 00 00 00 00 02 07", "an unknown kind")
        refused("00 01 00 01", "no list length")
        XCTAssertThrowsError(try WireMessage.decode(bytes("54 5a 04 04 00 00 00 00 00 00 00 05") + chain), "an ACK without its notice")
        let many = (1...40).map { FlagNotice.Entry(seq: Int64(41 - $0), kind: .stock) }
        let notice = FlagNotice(entries: many, others: 2)
        XCTAssertEqual([notice.openFlags, notice.entryFlags, notice.entries.count, notice.otherFlags], [42, 40, 16, 2])
        XCTAssertEqual(notice.entries.map(\.seq), Array(1...16), "the lowest seqs, in order")
        XCTAssertFalse(notice.isComplete)
        let welcome = WireMessage.welcome(heldSeq: 40, chain: chain, maxEntries: 500, maxBytes: 1 << 20, flags: notice)
        XCTAssertEqual(try WireMessage.decode(welcome.encoded()), welcome)
        XCTAssertEqual(FlagNotice.Kind(rule: .dateBeyondSkew), .date)
        XCTAssertEqual(FlagNotice.Kind(rule: .laterDayBelowZero), .stock)
        XCTAssertEqual(FlagNotice.Kind(rule: .alreadyInService), .item)
        XCTAssertEqual(FlagNotice.Kind(rule: .voidNotLatest), .void)
        XCTAssertEqual(FlagNotice.Kind(rule: .fieldNotAllowed), .details)
    }

    func testTheChainStepIsTheSHA256OfBothHashes() {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let a = (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let b = (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            XCTAssertEqual(SHA256.hash(pair: a, b), SHA256.hash(a + b))
        }
    }

    func testChainVerifierFindsTheFirstBadRow() {
        let genesis = LedgerChain.genesis(branch: "b", incarnation: [UInt8](repeating: 3, count: 16))
        let bodies: [[UInt8]] = [[1], [2, 2], [3, 3, 3]]
        var chains: [[UInt8]] = []
        var chain = genesis
        for body in bodies {
            chain = LedgerChain.next(chain, contentHash: SHA256.hash(body))
            chains.append(chain)
        }
        var good = ChainVerifier(genesis: genesis)
        for (index, body) in bodies.enumerated() {
            XCTAssertTrue(good.accept(seq: Int64(index + 1), body: body, hash: SHA256.hash(body), chain: chains[index]))
        }
        XCTAssertEqual(good.chain, chains[2])
        var flipped = ChainVerifier(genesis: genesis)
        XCTAssertTrue(flipped.accept(seq: 1, body: bodies[0], hash: SHA256.hash(bodies[0]), chain: chains[0]))
        XCTAssertFalse(flipped.accept(seq: 2, body: [2, 3], hash: SHA256.hash(bodies[1]), chain: chains[1]), "a flipped byte")
        var gap = ChainVerifier(genesis: genesis)
        XCTAssertFalse(gap.accept(seq: 2, body: bodies[1], hash: SHA256.hash(bodies[1]), chain: chains[1]), "a missing row")
        var edited = ChainVerifier(genesis: genesis)
        XCTAssertFalse(edited.accept(seq: 1, body: [9], hash: SHA256.hash([9]), chain: chains[0]), "a row rewritten with its hash")
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hash([UInt8]()).hexString, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)).hexString, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hexString,
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString,
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testEveryMessageRoundTrips() throws {
        let messages: [WireMessage] = [
            .hello(incarnation: Array(0..<16), lastSeq: 0, chain: Array(100..<132), branch: "三厂"),
            .welcome(heldSeq: 12, chain: Array(0..<32), maxEntries: 500, maxBytes: 1 << 20),
            .batch(previousChain: Array(1..<33), entries: [EntryCodec.encode(exampleEntry), [1, 2, 3]]),
            .ack(heldSeq: .max, chain: Array(2..<34)), .ping(lastSeq: 3), .pong(heldSeq: 4, chain: Array(3..<35)),
            .error(.conflict, heldSeq: 9, seq: 7, message: "条目 #7 冲突"),
        ]
        for message in messages {
            XCTAssertEqual(try WireMessage.decode(message.encoded()), message)
        }
    }

    func testEntriesWithEveryFieldRoundTrip() throws {
        let entry = Entry(branch: "b", seq: .max, material: .board, action: .void, item: "GS-01", quantity: -5,
                          details: EntryDetails(location: "大厅", staff: "王芳", channel: "c", reason: "r", batch: "b", standard: false),
                          occurredOn: CivilDate("2000-01-01")!, recordedAt: Timestamp(millisecondsSinceEpoch: -1), clerk: "", voids: 1)
        XCTAssertEqual(try EntryCodec.decode(EntryCodec.encode(entry), branch: "b"), entry)
    }

    func testRefusesWhatIsOdd() {
        let good = EntryCodec.encode(exampleEntry)
        func refused(_ bytes: [UInt8], _ line: UInt = #line) {
            XCTAssertThrowsError(try EntryCodec.decode(bytes, branch: "b"), line: line)
        }
        refused(good + [0])                                   // trailing byte
        refused(Array(good.dropLast()))                       // truncated
        var zeroSeq = good; zeroSeq[7] = 0; refused(zeroSeq)  // seq 0
        var bigSeq = good; bigSeq[0] = 0x80; refused(bigSeq)  // seq ≥ 2^63
        var material = good; material[8] = 5; refused(material)
        var action = good; action[9] = 8; refused(action)
        var fields = good; fields[10] = 0x02; refused(fields) // unknown field bit
        var utf8 = good; utf8[26] = 0xFF; refused(utf8)       // invalid UTF-8 in the clerk's name
        XCTAssertThrowsError(try WireMessage.decode([0x54, 0x5A, 5, 1])) { error in
            XCTAssertEqual(error as? WireError, .unsupportedVersion(5))
        }
        XCTAssertThrowsError(try WireMessage.decode([0x54, 0x5A, 3, 1])) { error in
            XCTAssertEqual(error as? WireError, .unsupportedVersion(3), "a version-3 HELLO")
        }
        XCTAssertThrowsError(try WireMessage.decode([0x54, 0x5A, 2, 1])) { error in
            XCTAssertEqual(error as? WireError, .unsupportedVersion(2), "a version-2 HELLO (no branch)")
        }
        XCTAssertThrowsError(try WireMessage.decode([0x54, 0x5A, 1, 1])) { error in
            XCTAssertEqual(error as? WireError, .unsupportedVersion(1), "a version-1 HELLO")
        }
        XCTAssertThrowsError(try WireMessage.decode([0x54, 0x5A, 2, 0x7F]))
        XCTAssertThrowsError(try WireMessage.decode([0x47, 0x45, 0x54, 0x20]))
        XCTAssertThrowsError(try WireMessage.decode(WireMessage.batch(previousChain: Array(repeating: 0, count: 32), entries: Array(repeating: [1], count: 501)).encoded()))
        XCTAssertThrowsError(try WireMessage.decode(WireMessage.batch(previousChain: Array(repeating: 0, count: 32), entries: []).encoded()))
    }

    /// Random valid messages of every type, with entries of every material and action, and
    /// free text in Chinese, NFD, full width and emoji: each decodes to itself.
    func testEveryMessageTypeRoundTrips() throws {
        var generator = SplitMix64(seed: 7)
        var types: Set<UInt8> = []
        for _ in 0..<3_000 {
            for message in WireProperties.randomMessages(&generator) {
                XCTAssertEqual(try WireMessage.decode(message.encoded()), message)
                XCTAssertEqual(WireProperties.violations(message.encoded()), [])
                types.insert(message.typeCode)
                if case .batch(_, let entries) = message {
                    for bytes in entries { XCTAssertEqual(EntryCodec.encode(try EntryCodec.decode(bytes, branch: "b")), bytes) }
                }
            }
        }
        XCTAssertEqual(types, Set(1...7))
    }

    /// 400,000 mutations (flipped, inserted and deleted bytes, truncations, splices of two
    /// messages) of valid messages of every type: the decoder never crashes, whatever it
    /// accepts is canonical, and it refuses trailing bytes, truncations and other versions
    /// (WireProperties). Both outcomes must occur often, or the run proves nothing.
    func testMutatedMessagesKeepTheCodecsProperties() {
        var generator = SplitMix64(seed: 42)
        var seeds: [[UInt8]] = []
        for _ in 0..<64 { seeds += WireProperties.randomMessages(&generator).map { $0.encoded() } }
        var accepted = 0, refused = 0, entriesAccepted = 0
        var failures: [String] = []
        for round in 0..<400_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0...(generator.next() % 4) {
                let index = generator.below(bytes.count)
                switch generator.next() % 5 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes = Array(bytes.prefix(index))
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                case 3: bytes.remove(at: index)
                default: bytes = Array(bytes.prefix(index)) + seeds[generator.below(seeds.count)].dropFirst(index)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            guard let message = try? WireMessage.decode(bytes) else { refused += 1; continue }
            accepted += 1
            if case .batch(_, let entries) = message {
                entriesAccepted += entries.count { (try? EntryCodec.decode($0, branch: "b")) != nil }
            }
            let problems = WireProperties.violations(bytes)
            if !problems.isEmpty, failures.count < 5 { failures += problems }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(accepted, 20_000, "mutations the decoder accepts")
        XCTAssertGreaterThan(refused, 20_000, "mutations the decoder refuses")
        XCTAssertGreaterThan(entriesAccepted, 4_000, "entries inside accepted batches")
    }

    /// The corpus the coverage-guided fuzzer grew (`make fuzz`, Tests/FuzzCorpus/wire) keeps
    /// every property: a regression on any input it found fails here.
    func testTheFuzzCorpusKeepsTheCodecsProperties() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("FuzzCorpus/wire").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertGreaterThan(names.count, 100, "the corpus is committed")
        for name in names {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + name))
            XCTAssertEqual(WireProperties.violations([UInt8](bytes)), [], name)
        }
    }
}
