import TaizhangCore
import TaizhangReport

/// Text a spreadsheet would run as a formula, in every text field a report shows: office
/// names and the hub's settings.
enum FormulaLikeText {
    static let samples = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(1)", "-2+3", "\t=1+1", "=1+1"]

    /// The golden report with hostile office names, bureau name and signatories.
    static var report: (MonthlyReport, ReportContext) {
        var report = GoldenLedger.restated
        report.branches = report.branches.enumerated().map { index, branch in
            var branch = branch
            branch.name = samples[index % samples.count]
            return branch
        }
        let context = ReportContext(issuer: samples[3], preparer: samples[2], reviewer: samples[4], head: samples[5],
                                    openFlags: ["haimen": 1])
        return (report, context)
    }

    /// `text` as a CSV field (quoted when it holds a quote or a comma).
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "\"" || $0 == "," }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
