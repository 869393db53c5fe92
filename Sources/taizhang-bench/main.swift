#if canImport(Glibc)
import Glibc
#endif
import TaizhangText

/// taizhang-bench [--quick] [--only NAME] [--keep] [--cache DIR] [--list]: runs the benchmark
/// cases and prints one JSON report on stdout; progress goes to stderr. `--keep` leaves the
/// temporary ledgers behind for inspection; `--cache` is where large fixtures built once are
/// kept for later runs (default: `bench-cache` beside the build folder). Exits 1 if a case could not run.

let usage = "usage: taizhang-bench [--quick] [--only NAME] [--keep] [--cache DIR] [--list]"
var quick = false
var keep = false
var only: String?
var cache: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--quick": quick = true
    case "--keep": keep = true
    case "--only":
        guard let name = arguments.popFirst() else {
            StandardStream.printError("taizhang-bench: --only needs a case name\n\(usage)")
            exit(2)
        }
        only = name
    case "--cache":
        guard let folder = arguments.popFirst() else {
            StandardStream.printError("taizhang-bench: --cache needs a folder\n\(usage)")
            exit(2)
        }
        cache = folder
    case "--list":
        for benchCase in Registry.all { print(benchCase.name) }
        exit(0)
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        StandardStream.printError("taizhang-bench: unknown argument '\(argument)'\n\(usage)")
        exit(2)
    }
}

let selected = Registry.all.filter { only == nil || $0.name == only }
if selected.isEmpty {
    let names = Registry.all.map(\.name).joined(separator: ", ")
    StandardStream.printError("taizhang-bench: no case named '\(only ?? "")'; the cases are: \(names)")
    exit(2)
}

/// Runs every selected case in its own scratch folder under one temporary folder.
func runCases(_ selected: [BenchCase], quick: Bool, keep: Bool, binDirectory: String, root: String, cache: String) -> [CaseResult] {
    var results: [CaseResult] = []
    for (index, benchCase) in selected.enumerated() {
        var result = CaseResult(name: benchCase.name, description: benchCase.description, goal: benchCase.goal)
        StandardStream.printError("taizhang-bench: [\(index + 1)/\(selected.count)] \(benchCase.name)")
        do {
            let scratch = root + "/case-\(index + 1)"
            try FileSystem.makeDirectory(scratch)
            let context = BenchContext(quick: quick, binDirectory: binDirectory, scratch: scratch, cache: cache)
            let measured = try benchCase.run(context)
            result.metrics = measured.metrics
            result.ratio = measured.ratio
            result.goalMet = measured.goalMet
            if !keep { try FileSystem.removeTree(scratch) }
        } catch {
            result.error = "\(error)"
            StandardStream.printError("taizhang-bench: \(benchCase.name) failed: \(error)")
        }
        results.append(result)
    }
    return results
}

let results: [CaseResult]
do {
    let binDirectory = try FileSystem.executableDirectory()
    guard FileSystem.isExecutable(binDirectory + "/taizhang-agent") else {
        throw FileSystem.Failure(description: "no taizhang-agent next to taizhang-bench in \(binDirectory); build both (make release)")
    }
    let root = try FileSystem.makeTemporaryDirectory(prefix: "taizhang-bench-")
    defer {
        if keep {
            StandardStream.printError("taizhang-bench: kept the temporary ledgers in \(root)")
        } else {
            do { try FileSystem.removeTree(root) } catch { StandardStream.printError("taizhang-bench: \(error)") }
        }
    }
    // .build/<triple>/release → .build/bench-cache, beside the build products and as git-ignored.
    let cacheFolder = cache ?? binDirectory + "/../../bench-cache"
    results = runCases(selected, quick: quick, keep: keep, binDirectory: binDirectory, root: root, cache: cacheFolder)
} catch {
    StandardStream.printError("taizhang-bench: \(error)")
    exit(1)
}

print(Report.document(results).rendered())
exit(results.contains { $0.error != nil } ? 1 : 0)
