import TaizhangText

/// One benchmark: a name for `--only`, what it measures, its goal, and how to run it.
struct BenchCase: Sendable {
    let name: String
    let description: String
    let goal: String
    let run: @Sendable (BenchContext) throws -> Measurement
}

/// What a case measured: metrics in report order, the headline ratio (nil when the goal is
/// an absolute bound), and the verdict.
struct Measurement {
    var metrics: [(String, ReportValue)]
    var ratio: Double?
    var goalMet: Bool
}

/// A case's line in the report; `error` is set when the case could not run.
struct CaseResult {
    let name: String
    let description: String
    let goal: String
    var metrics: [(String, ReportValue)] = []
    var ratio: Double?
    var goalMet = false
    var error: String?
}

/// What every case gets: the run's settings, the executables, and a scratch folder.
struct BenchContext: Sendable {
    /// `--quick`: smaller sizes for a smoke run.
    let quick: Bool
    /// The folder holding `taizhang-agent` and `taizhang-hub`, next to this program.
    let binDirectory: String
    /// A fresh folder for this case, removed with the run's temporary folder.
    let scratch: String
    /// Built fixtures kept between runs, by content key (`--cache`; default `.build/bench-cache`).
    var cache: String = ""

    var agentPath: String { binDirectory + "/taizhang-agent" }
    var hubPath: String { binDirectory + "/taizhang-hub" }

    /// Progress on stderr, so stdout carries only the report.
    func progress(_ line: String) {
        StandardStream.printError("taizhang-bench: " + line)
    }
}

/// Every case, in report order. New groups (hub, ZeroMQ) append their list here.
enum Registry {
    static var all: [BenchCase] { AgentCases.all + HubCases.all + ExportCases.all + WebCases.all + PostgresCases.all }
}
