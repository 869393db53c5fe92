import Foundation
import HubKit
import HummingbirdBcrypt
import TaizhangCore
import TaizhangTesting

/// The dashboard's speed: every page and API of a real `taizhang-hub-web` process over
/// loopback, on the 5M-entry hub, against that hub's `totals --json` process time.
enum WebCases {
    static var all: [BenchCase] { [pages] }

    static let paths = ["/", "/branches", "/branches?state=current", "/branches?sort=held&page=7", "/branches/branch-1", "/timeliness",
                        "/timeliness?month=2026-06&page=4", "/exports", "/exports/2026-10", "/problems", "/health", "/api/totals",
                        "/api/branches", "/api/timeliness?month=2026-10"]

    static let pages = BenchCase(
        name: "web.pages-5m",
        description: "A real 'taizhang-hub-web --bind 127.0.0.1:0' over the hub of hub.totals-5m (1,000 branches, 5,000,000 entries over fifteen months of deliveries, flags, revocations and issued exports; BigHub, cached), after logging in through POST /login, with a heartbeat written beside it once a second (serve writes one every 5 s): each page and API (\(paths.joined(separator: ", "))) fetched over one keep-alive loopback connection (a raw socket), 2 warm-ups then 30 timed requests each, the paths taken in turn so that no page is timed only right after itself (quick: 100 branches x 500 entries, 10 requests); the same run times 'taizhang-hub totals --json' as a whole process on the same hub, and each page's p99 is given over that time",
        goal: "the slowest page's p99 < 50 ms"
    ) { context in
        let branches = context.quick ? 100 : 1_000
        let perBranch: Int64 = context.quick ? 500 : 5_000
        let built = try BigHub.build(context, path: context.scratch + "/big", branches: branches, perBranch: perBranch, label: "web")
        let hub = built.fixture
        try hub.database.addOperator(login: "bench", role: .viewer, passwordHash: Bcrypt.hash("bench password", cost: 4), at: .now())
        let webPath = context.binDirectory + "/taizhang-hub-web"
        guard FileSystem.isExecutable(webPath) else { throw ProcessFailure(description: "no taizhang-hub-web in \(context.binDirectory)") }
        let children = Children(directory: context.scratch)
        defer { children.stopAll() }
        let web = try children.spawn("web", [webPath, "--bind", "127.0.0.1:0", "--data", hub.directory.path])
        let address = try web.waitForLine(startingWith: "taizhang-hub web: serving ").split(separator: " ")[0]
        guard let port = address.split(separator: ":").last.flatMap({ Int($0.filter(\.isNumber)) }) else {
            throw ProcessFailure(description: "taizhang-hub-web printed no port: \(address)")
        }
        let client = BenchHTTP(port: port)
        let cookie = try client.login(form: "login=bench&password=bench+password")

        let runs = context.quick ? 10 : 30
        let heartbeat = try HeartbeatWriter(databasePath: hub.database.path)
        var times: [String: [Int64]] = [:]
        do {
            for path in paths { for _ in 0..<2 { _ = try client.get(path, cookie: cookie) } }
            for _ in 0..<runs {
                for path in paths { times[path, default: []].append(try client.get(path, cookie: cookie)) }
            }
        } catch {
            _ = try? heartbeat.stop()
            throw error
        }
        let beats = try heartbeat.stop()
        let timer = ProcessTimer(scratch: context.scratch)
        var totals: [Int64] = []
        for _ in 0..<(context.quick ? 5 : 11) { totals.append(try timer.run([context.hubPath, "totals", "--json", "--data", hub.directory.path])) }
        let totalsMedian = max(Samples(totals).median, 1)

        var metrics = built.metrics + [("requestsPerPath", .int(Int64(runs))), ("heartbeatsWritten", .int(Int64(beats))), ("totalsJsonProcessMedianMs", .milliseconds(totalsMedian))]
        var worst: Int64 = 0, worstPath = ""
        for path in paths {
            let stats = Samples(times[path] ?? [])
            let p99 = stats.percentile(0.99)
            if p99 > worst { (worst, worstPath) = (p99, path) }
            metrics.append(("\(path) p50Ms", .milliseconds(stats.median)))
            metrics.append(("\(path) p99Ms", .milliseconds(p99)))
            metrics.append(("\(path) p99OverTotalsProcess", .decimal(Double(p99) / Double(totalsMedian), places: 2)))
        }
        metrics.append(("slowestPage", .string(worstPath)))
        metrics.append(("slowestPageP99Ms", .milliseconds(worst)))
        metrics.append(("slowestPageP99OverTotalsProcess", .decimal(Double(worst) / Double(totalsMedian), places: 2)))
        return Measurement(metrics: metrics, ratio: Double(worst) / Double(totalsMedian), goalMet: worst < 50_000_000)
    }
}

/// The bench's HTTP client: one keep-alive loopback connection (TaizhangTesting.LoopbackHTTP).
final class BenchHTTP {
    let client: LoopbackHTTP

    init(port: Int) { client = LoopbackHTTP(port: port, timeout: 60) }

    func login(form: String) throws -> String {
        let response = try client.request("POST", "/login", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Data(form.utf8))
        guard response.status == 303, let cookie = response.header("Set-Cookie")?.split(separator: ";").first else {
            throw ProcessFailure(description: "login answered \(response.status) without a session cookie")
        }
        return String(cookie)
    }

    /// GET `path`; returns the wall time in nanoseconds, failing on anything but 200.
    func get(_ path: String, cookie: String) throws -> Int64 {
        let start = Clock.nanoseconds()
        let response = try client.request("GET", path, headers: [("Cookie", cookie)])
        let elapsed = Clock.nanoseconds() - start
        guard response.status == 200 else { throw ProcessFailure(description: "\(path) answered \(response.status)") }
        return elapsed
    }
}
