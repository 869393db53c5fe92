import GRDB
import TaizhangCore

/// One branch's ledger as the rules see it while one batch is ingested, inside its
/// transaction: tallies are loaded once, items on demand, and effects accumulate in memory
/// until `flush` writes each touched tally, item and month once. Entries themselves are
/// inserted as they come, so the view reads earlier entries of the same batch from SQLite.
final class BranchLedgerView: LedgerView {
    typealias ItemKey = LedgerFold.ItemKey

    struct MonthKey: Hashable {
        let material: Material
        let month: YearMonth
    }

    let db: Database
    let branch: String
    private var tallies = PerMaterial(Tally())
    private var touchedTallies = PerMaterial(false)
    /// A key mapped to nil is known to have no item.
    private var items: [ItemKey: ItemState?] = [:]
    private var touchedItems: Set<ItemKey> = []
    private var movements: [MonthKey: Movement] = [:]
    private var entries: [Int64: Entry] = [:]
    /// Latest stock day per material, read once per batch (nil: not read yet; nil inside: none).
    private var latestDays = PerMaterial<CivilDate??>(nil)
    /// Stock changes per day applied in this batch, not yet written.
    private var pendingDays = PerMaterial<[CivilDate: Int64]>([:])

    init(db: Database, branch: String) throws {
        self.db = db
        self.branch = branch
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT material, in_service, standard, received, distributed, adjusted FROM tally WHERE branch = ?
            """), arguments: [branch])
        while let row = try rows.next() {
            guard let material = Material(rawValue: row[0]) else { continue }
            tallies[material] = Tally(inService: row[1], standard: row[2], received: row[3],
                                      distributed: row[4], adjusted: row[5])
        }
    }

    // MARK: LedgerView

    func item(_ material: Material, _ item: String) throws -> ItemState? {
        let key = ItemKey(material, item)
        if let cached = items[key] { return cached }
        let state = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(HubItemRow.columns) FROM item WHERE branch = ? AND material = ? AND item_key = ?
            """), arguments: [branch, material.rawValue, key.item]).map(HubItemRow.decode)
        items.updateValue(state, forKey: key)
        return state
    }

    func tally(_ material: Material) -> Tally { tallies[material] }

    /// Entries in effect only: one the hub flagged was never applied, so the rules must
    /// not see it (a void of it would reverse an effect the totals never had).
    func entry(seq: Int64) throws -> Entry? {
        if let cached = entries[seq] { return cached }
        let entry = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(HubEntryRow.columns) FROM entry WHERE branch = ? AND seq = ? AND violation IS NULL
            """), arguments: [branch, seq]).map(HubEntryRow.decode)
        if let entry { entries[seq] = entry }
        return entry
    }

    func voidingSeq(of seq: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT seq FROM entry WHERE branch = ? AND voids = ? AND violation IS NULL
            """), arguments: [branch, seq])
    }

    func effectiveEntries(_ material: Material, _ item: String) throws -> [Entry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(HubEntryRow.columns) FROM entry e
            WHERE branch = ? AND material = ? AND item_key = ? AND action <> 'void' AND violation IS NULL
              AND NOT EXISTS (SELECT 1 FROM entry v WHERE v.branch = e.branch AND v.voids = e.seq AND v.violation IS NULL)
            ORDER BY seq
            """), arguments: [branch, material.rawValue, TextIdentity.key(item)]).map(HubEntryRow.decode)
    }

    func latestStockDay(_ material: Material) throws -> CivilDate? {
        if case .some(let cached) = latestDays[material] { return cached }
        let day = try String.fetchOne(db.cachedStatement(sql: """
            SELECT MAX(day) FROM stock_day WHERE branch = ? AND material = ?
            """), arguments: [branch, material.rawValue]).flatMap(CivilDate.init)
        latestDays[material] = .some(day)
        return day
    }

    func stockDeltas(_ material: Material, after date: CivilDate) throws -> [(day: CivilDate, delta: Int64)] {
        var days = pendingDays[material]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT day, delta FROM stock_day WHERE branch = ? AND material = ? AND day > ?
            """), arguments: [branch, material.rawValue, date.description])
        while let row = try rows.next() {
            guard let day = CivilDate(row[0] as String) else { continue }
            days[day, default: 0] += row[1] as Int64
        }
        return days.compactMap { $0.key > date ? ($0.key, $0.value) : nil }
    }

    /// The material and item of an entry the hub stored but flagged, if `seq` is one.
    func flaggedEntry(seq: Int64) throws -> (material: Material, item: String?)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT material, item FROM entry WHERE branch = ? AND seq = ? AND violation IS NOT NULL
            """), arguments: [branch, seq]), let material = Material(rawValue: row[0]) else { return nil }
        return (material, row[1])
    }

    // MARK: Effects

    /// Applies the effect of `entry`, which the rules accepted, to the in-memory state.
    func apply(_ effect: LedgerEffect, of entry: Entry) throws {
        switch effect.itemChange {
        case .set(let state):
            let key = ItemKey(state.material, state.item)
            items.updateValue(state, forKey: key)
            touchedItems.insert(key)
        case .remove(let material, let item):
            let key = ItemKey(material, item)
            items.updateValue(nil, forKey: key)
            touchedItems.insert(key)
        case nil:
            break
        }
        tallies[effect.material] = tally(effect.material) + effect.tallyDelta
        touchedTallies[effect.material] = true
        if let day = effect.stockDay {
            let latest = try latestStockDay(effect.material)
            if latest.map({ day > $0 }) ?? true { latestDays[effect.material] = .some(day) }
            pendingDays[effect.material][day, default: 0] += effect.tallyDelta.onHand
        }

        // A void reverses the voided entry's movement, in the voided entry's month.
        var origin = entry
        if entry.action == .void, let target = try entry.voids.flatMap(self.entry(seq:)) { origin = target }
        let key = MonthKey(material: effect.material, month: origin.occurredOn.yearMonth)
        movements[key, default: Movement()] += Movement(effect: effect, action: origin.action)
    }

    /// Writes every touched tally, item and month, once each, and logs them for exports as
    /// of `time`.
    func flush(at time: Timestamp) throws {
        let touched = Material.allCases.filter { touchedTallies[$0] }
        for material in touched {
            let t = tally(material)
            try db.cachedStatement(sql: """
                INSERT INTO tally (branch, material, in_service, standard, received, distributed, adjusted)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (branch, material) DO UPDATE SET in_service = excluded.in_service,
                    standard = excluded.standard, received = excluded.received,
                    distributed = excluded.distributed, adjusted = excluded.adjusted
                """).execute(arguments: [branch, material.rawValue, t.inService, t.standard, t.received,
                                         t.distributed, t.adjusted])
        }
        for key in touchedItems {
            if let state = items[key] ?? nil {
                // REPLACE also removes the row of the same identity typed another way.
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO item (branch, \(HubItemRow.columns), item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [branch, state.material.rawValue, state.item, state.inService,
                                             state.standard, state.location, state.staff,
                                             state.since.description, state.reason, state.lastSeq, key.item])
            } else {
                try db.cachedStatement(sql: "DELETE FROM item WHERE branch = ? AND material = ? AND item_key = ?")
                    .execute(arguments: [branch, key.material.rawValue, key.item])
            }
        }
        // A stock entry's day each: up to one row per entry, so bound directly.
        let stockDay = try DirectStatement(db, sql: """
            INSERT INTO stock_day (branch, material, day, delta) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (branch, material, day) DO UPDATE SET delta = delta + excluded.delta
            """)
        for material in Material.allCases {
            for (day, delta) in pendingDays[material] where delta != 0 {
                stockDay.bind(branch, 1)
                stockDay.bind(material.rawValue, 2)
                stockDay.bind(day.description, 3)
                stockDay.bind(delta, 4)
                try stockDay.run()
            }
        }
        pendingDays = PerMaterial([:])
        for (key, delta) in movements {
            try db.cachedStatement(sql: """
                INSERT INTO movement (branch, material, month, inflow, outflow, adjusted, standard)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (branch, material, month) DO UPDATE SET inflow = inflow + excluded.inflow,
                    outflow = outflow + excluded.outflow, adjusted = adjusted + excluded.adjusted,
                    standard = standard + excluded.standard
                """).execute(arguments: [branch, key.material.rawValue, key.month.description, delta.inflow,
                                         delta.outflow, delta.adjusted, delta.standard])
        }
        try ExportLog.record(branch: branch, balances: touched.map { ($0, tally($0)) },
                             months: movements.keys.map { ($0.material, $0.month) }, at: time, in: db)
        touchedTallies = PerMaterial(false)
        touchedItems = []
        movements = [:]
    }
}
