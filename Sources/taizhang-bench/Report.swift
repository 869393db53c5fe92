import TaizhangText

/// A report value: JSONValue plus decimal numbers, which JSONValue cannot express yet.
indirect enum ReportValue {
    case json(JSONValue)
    /// A decimal number written with `places` digits after the point.
    case decimal(Double, places: Int)
    case object([(String, ReportValue)])
    case array([ReportValue])

    static func string(_ text: String) -> ReportValue { .json(.string(text)) }
    static func int(_ number: Int64) -> ReportValue { .json(.int(number)) }
    static func bool(_ flag: Bool) -> ReportValue { .json(.bool(flag)) }
    /// Nanoseconds shown as milliseconds to the microsecond.
    static func milliseconds(_ nanoseconds: Int64) -> ReportValue { .decimal(Double(nanoseconds) / 1e6, places: 3) }

    /// Serialises with two-space indentation, like `JSONValue.rendered()`.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let close = String(repeating: " ", count: indent)
        switch self {
        case .json(let value):
            return value.rendered(pretty: false)
        case .decimal(let number, let places):
            return Self.format(number, places: places)
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { pad + JSONValue.string($0.0).rendered() + ": " + $0.1.rendered(indent: indent + 2) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + close + "}"
        case .array(let values):
            guard !values.isEmpty else { return "[]" }
            let lines = values.map { pad + $0.rendered(indent: indent + 2) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + close + "]"
        }
    }

    /// Fixed-point text for a finite number; JSON has no NaN or infinity, so those are null.
    static func format(_ number: Double, places: Int) -> String {
        guard number.isFinite else { return "null" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(number) * Double(scale)).rounded())
        let sign = number < 0 && scaled != 0 ? "-" : ""
        let whole = String(scaled / scale)
        guard places > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

/// Order statistics of timing samples, in nanoseconds.
struct Samples {
    let sorted: [Int64]

    init(_ values: [Int64]) { sorted = values.sorted() }

    var median: Int64 {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Nearest-rank percentile, `fraction` in 0...1.
    func percentile(_ fraction: Double) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var p90: Int64 { percentile(0.9) }
}

/// The report of a whole run: `{"benchmark": "taizhang", "cases": [...]}`.
enum Report {
    static func document(_ results: [CaseResult]) -> ReportValue {
        .object([("benchmark", .string("taizhang")), ("cases", .array(results.map(\.value)))])
    }
}

extension CaseResult {
    /// One case: name, description and goal, its metrics, then ratio and whether the goal was met.
    var value: ReportValue {
        var members: [(String, ReportValue)] = [
            ("name", .string(name)), ("description", .string(description)), ("goal", .string(goal)),
        ]
        members += metrics
        if let error { members.append(("error", .string(error))) }
        members.append(("ratio", ratio.map { .decimal($0, places: 3) } ?? .json(.null)))
        members.append(("goalMet", .bool(goalMet)))
        return .object(members)
    }
}
