import Foundation
import HubKit
import TaizhangCore

/// The 1,000-branch, 5,000,000-entry hub of the totals and dashboard cases: fifteen months of a
/// bureau (BureauHistory) played through HubKit's own calls in time order — enrolments, HELLOs,
/// each office's deliveries as `ingest` batches on its own cadence, PINGs on days with nothing
/// to send, rule breaks and conflicts (flags, some settled), revocations, pending keys, and
/// each month's export issued a week after it ends and again when late entries restated it.
/// The connection that builds it skips fsync (deferDurabilityForBulkLoad); every transaction is
/// otherwise what `serve` would commit. Built once per content key under the bench cache and
/// copied for each case; then today's PINGs (some offices behind, some silent) are played on
/// the copy at the wall clock, so the dashboard's states are today's.
struct BigHub {
    let fixture: HubFixture
    let names: [String]
    /// Entries stored (the mix's, plus the entries the rules refused).
    let total: Int64
    let cardsReceived: Int64
    let openFlags: Int64
    let exportsIssued: Int64
    /// How long the build took when it was made (it may have been made by an earlier run).
    let buildNanoseconds: Int64
    let ingestNanoseconds: Int64
    let reusedFromCache: Bool

    /// Bumped whenever the history below changes, so a stale cached hub is never reused.
    static let generation = "h1"

    static func build(_ context: BenchContext, path: String, branches: Int, perBranch: Int64, label: String) throws -> BigHub {
        let history = BureauHistory(branches: branches, perBranch: perBranch, today: BureauTimeZone.default.date(at: .now()))
        let key = "hub-\(generation)-\(branches)x\(perBranch)-\(history.until)"
        let cached = context.cache + "/" + key
        var reused = true
        if !FileManager.default.fileExists(atPath: cached + "/manifest.json") {
            reused = false
            try FixtureCache.make(cached, prefix: "hub-\(generation)-\(branches)x\(perBranch)-", context: context) { building in
                let made = try HistoryPlayer(history: history, context: context, label: label).play(into: building)
                return made.manifest
            }
        } else {
            context.progress("\(label): reusing the cached hub \(cached)")
        }
        let manifest = try FixtureCache.manifest(cached)
        try FixtureCache.copy(cached, to: path, skipping: "manifest.json")
        let directory = HubDirectory(path: path)
        let fixture = HubFixture(directory: directory, publicKey: directory.publicKey() ?? "", database: try directory.open())
        try HistoryPlayer.today(history, on: fixture.database)
        let stored = try fixture.storedEntries()
        let flags = try fixture.openFlags()
        guard stored.count == manifest["entries"], flags == manifest["openFlags"] else {
            throw ProcessFailure(description: "the big hub holds \(stored.count) entries and \(flags) open flags; its manifest says \(manifest)")
        }
        return BigHub(fixture: fixture, names: history.offices.map(\.id), total: stored.count,
                      cardsReceived: manifest["cardsReceived"] ?? 0, openFlags: flags, exportsIssued: manifest["exports"] ?? 0,
                      buildNanoseconds: manifest["buildNanoseconds"] ?? 0, ingestNanoseconds: manifest["ingestNanoseconds"] ?? 0,
                      reusedFromCache: reused)
    }

    /// What the report says about the fixture.
    var metrics: [(String, ReportValue)] {
        [("branches", .int(Int64(names.count))), ("entries", .int(total)), ("openFlags", .int(openFlags)),
         ("exportsIssued", .int(exportsIssued)), ("hubReusedFromCache", .string(reusedFromCache ? "yes" : "no")),
         ("buildSeconds", .decimal(Double(buildNanoseconds) / 1e9, places: 1)),
         ("buildEntriesPerSecond", .int(rate(total, buildNanoseconds))),
         ("ingestCallsEntriesPerSecond", .int(rate(total, ingestNanoseconds))),
         ("hubDatabaseBytes", .int(fixture.bytes))]
    }
}

/// The bench's cache of built fixtures: `<cache>/<key>/` holds one, with `manifest.json`.
enum FixtureCache {
    /// Builds into `<target>.building` and renames it into place; removes older keys with `prefix`.
    static func make(_ target: String, prefix: String, context: BenchContext,
                     build: (String) throws -> [String: Int64]) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: context.cache, withIntermediateDirectories: true)
        let building = target + ".building"
        if files.fileExists(atPath: building) { try FileSystem.removeTree(building) }
        let manifest = try build(building)
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: building + "/manifest.json"))
        for name in try files.contentsOfDirectory(atPath: context.cache)
        where name.hasPrefix(prefix) && context.cache + "/" + name != building {
            try FileSystem.removeTree(context.cache + "/" + name)
        }
        try files.moveItem(atPath: building, toPath: target)
    }

    static func manifest(_ folder: String) throws -> [String: Int64] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ProcessFailure(description: "\(folder)/manifest.json is not a JSON object")
        }
        return object.compactMapValues { ($0 as? NSNumber)?.int64Value }
    }

    /// Copies the files of `folder` (not sub-folders) into a new folder `target`, keeping modes.
    static func copy(_ folder: String, to target: String, skipping: String) throws {
        let files = FileManager.default
        try FileSystem.makeDirectory(target)
        for name in try files.contentsOfDirectory(atPath: folder) where name != skipping {
            try files.copyItem(atPath: folder + "/" + name, toPath: target + "/" + name)
        }
    }
}
