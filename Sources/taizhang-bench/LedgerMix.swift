import AgentKit
import TaizhangCore
import ZeroMQ

/// A deterministic pseudo-random source (SplitMix64), so every run builds the same ledger.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }
}

/// Drafts a realistic office history that the ledger rules accept: mostly card and guide
/// stock movements that never go below zero, plus about one percent installs, retirements,
/// issues and revocations of boards, signs and badges with unique tags. Dates run forward
/// evenly from `first` to `last`.
struct LedgerMix {
    let total: Int64
    let first: CivilDate
    let last: CivilDate
    private var made: Int64 = 0
    private var random: SplitMix64
    private var onHand: [Material: Int64] = [.card: 0, .guide: 0]
    private var inService: [Material: [String]] = [.board: [], .sign: [], .badge: []]
    private var nextTag: Int64 = 0

    static let locations = ["大厅东墙", "二楼办公室门口", "户籍窗口", "接待室", "院门口"]
    static let channels = ["登记窗口", "农贸市场宣传", "社区走访", "校园宣传", "便民服务站"]
    static let staff = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆"]

    init(total: Int64, first: CivilDate = CivilDate(year: 2008, month: 1, day: 1) ?? .earliest,
         last: CivilDate = CivilDate(year: 2025, month: 12, day: 31) ?? .earliest, seed: UInt64 = 0x7A1_2408) {
        self.total = total
        random = SplitMix64(state: seed)
        self.first = first
        self.last = last
    }

    var isFinished: Bool { made >= total }

    /// The date of the next draft (nil when finished).
    var nextDate: CivilDate? { isFinished ? nil : date(of: made) }

    private func date(of index: Int64) -> CivilDate {
        let span = Int64(last.daysSinceEpoch - first.daysSinceEpoch)
        return CivilDate(daysSinceEpoch: first.daysSinceEpoch + Int(index * span / max(total, 1)))
    }

    /// The next `count` drafts (fewer at the end of the history).
    mutating func nextBatch(_ count: Int64) -> [EntryDraft] {
        var drafts: [EntryDraft] = []
        drafts.reserveCapacity(Int(min(count, total - made)))
        while drafts.count < count, !isFinished { drafts.append(next()) }
        return drafts
    }

    mutating func next() -> EntryDraft {
        let date = date(of: made)
        made += 1
        if random.below(1000) < 10 { return unitDraft(on: date) }
        return stockDraft(random.below(2) == 0 ? .card : .guide, on: date)
    }

    private mutating func stockDraft(_ material: Material, on date: CivilDate) -> EntryDraft {
        let stock = onHand[material] ?? 0
        let roll = random.below(100)
        if stock < 200 || roll < 4 {
            let quantity = Int64(500 + random.below(1500))
            onHand[material] = stock + quantity
            return EntryDraft(material: material, action: .receive, quantity: quantity,
                              details: EntryDetails(batch: "\(date.year)-\(material.rawValue)-\(made)"),
                              occurredOn: date, clerk: "bench")
        }
        if roll < 95 {
            let quantity = Int64(1 + random.below(200))
            onHand[material] = stock - quantity
            return EntryDraft(material: material, action: .distribute, quantity: quantity,
                              details: EntryDetails(channel: pick(Self.channels)), occurredOn: date, clerk: "bench")
        }
        let quantity = Int64(random.below(10)) - 5
        let correction = quantity == 0 ? 1 : quantity
        onHand[material] = stock + correction
        return EntryDraft(material: material, action: .adjust, quantity: correction,
                          details: EntryDetails(reason: correction < 0 ? "盘点短少" : "盘点多出"),
                          occurredOn: date, clerk: "bench")
    }

    private mutating func unitDraft(on date: CivilDate) -> EntryDraft {
        let material: Material = [.board, .sign, .badge][random.below(3)]
        var items = inService[material] ?? []
        defer { inService[material] = items }
        if items.count > 20, random.below(100) < 48 {
            let item = items.remove(at: random.below(items.count))
            let reason = material == .badge ? pick(RevokeReason.allCases.map(\.rawValue)) : "更换为统一标准公示栏"
            return EntryDraft(material: material, action: material.outAction, item: item,
                              details: EntryDetails(reason: reason), occurredOn: date, clerk: "bench")
        }
        nextTag += 1
        let item = (material == .badge ? "" : material == .board ? "GS-" : "QX-") + String(nextTag)
        items.append(item)
        let details = material == .badge
            ? EntryDetails(staff: pick(Self.staff))
            : EntryDetails(location: pick(Self.locations), standard: material == .board ? random.below(10) > 0 : nil)
        return EntryDraft(material: material, action: material.inAction, item: item, details: details,
                          occurredOn: date, clerk: "bench")
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[random.below(choices.count)]
    }
}

/// Ledgers made for a benchmark, through the real AgentKit API.
enum Fixture {
    /// Initialises an office's ledger in `path`, as `taizhang-agent init` would.
    static func initialise(_ path: String) throws -> AgentDatabase {
        let hubKey = try CurveKeyPair.generate().publicKey
        let setup = AgentSetup(branch: "bench", name: "基准分局", hubEndpoint: "tcp://127.0.0.1:7447", hubKey: hubKey)
        return try setup.create(in: AgentDirectory(path: path)).database
    }

    /// Records `count` entries of the mix in batches; returns the nanoseconds spent recording.
    static func fill(_ database: AgentDatabase, count: Int64, batch: Int64 = 10_000,
                     progress: (Int64) -> Void = { _ in }) throws -> Int64 {
        var mix = LedgerMix(total: count)
        var spent: Int64 = 0
        var recorded: Int64 = 0
        while !mix.isFinished {
            let drafts = mix.nextBatch(batch)
            spent += try Clock.measure { try database.record(drafts) }
            recorded += Int64(drafts.count)
            progress(recorded)
        }
        return spent
    }
}
