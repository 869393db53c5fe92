import AgentKit
import TaizhangCommandLine
import TaizhangCore

/// The recording commands a clerk types all day, read without the parser when their
/// arguments are plain (`PlainArguments`) and recorded by the same `Recording.record` with the
/// same `RecordingDraft` as the commands' `run()`. It saves the parser's reflection over the
/// command tree and the runtime's instantiation of every option's property wrapper, a fifth of
/// a recording command's time. Anything not plain (help, a typo, a bad number, `--config`, an
/// alias) goes to the parser. The option names below mirror the commands' declarations;
/// `PlainRecordingTests` checks each command both ways on the same arguments.
enum PlainRecording {
    typealias Run = () throws -> Void

    static let recordOptions: Set<String> = ["data", "on", "clerk"]

    static func command(_ arguments: [String]) -> Run? {
        guard arguments.count >= 2 else { return nil }
        let rest = arguments.dropFirst(2)
        switch (arguments[0], arguments[1]) {
        case ("board", "install"):
            guard let given = read(rest, ["tag", "location"], flags: ["nonstandard"]),
                  let tag = given["tag"], let location = given["location"] else { return nil }
            return record(given, RecordingDraft.boardInstall(tag: tag, location: location,
                                                             nonstandard: given.has("nonstandard")))
        case ("sign", "install"):
            guard let given = read(rest, ["tag", "location"]), let tag = given["tag"],
                  let location = given["location"] else { return nil }
            return record(given, RecordingDraft.signInstall(tag: tag, location: location))
        case ("board", "retire"), ("sign", "retire"):
            guard let given = read(rest, ["tag", "reason"]), let tag = given["tag"],
                  let reason = given["reason"] else { return nil }
            return record(given, RecordingDraft.retire(arguments[0] == "board" ? .board : .sign, tag: tag, reason: reason))
        case ("badge", "issue"):
            guard let given = read(rest, ["number", "staff"]), let number = given["number"],
                  let staff = given["staff"] else { return nil }
            return record(given, RecordingDraft.badgeIssue(number: number, staff: staff))
        case ("badge", "revoke"):
            guard let given = read(rest, ["number", "reason"]), let number = given["number"],
                  let reason = given["reason"] else { return nil }
            return record(given, RecordingDraft.badgeRevoke(number: number, reason: reason))
        case ("card", let action), ("guide", let action):
            return stock(arguments[0] == "card" ? .card : .guide, action, rest)
        case ("void", _):
            guard let given = PlainArguments(arguments.dropFirst(), options: ["seq", "reason", "data", "clerk"],
                                             required: ["seq", "reason"]),
                  let seq = given["seq"].flatMap({ Int64($0) }), let reason = given["reason"] else { return nil }
            return record(given, RecordingDraft.void(seq: seq, reason: reason))  // no --on: dated today
        default:
            return nil
        }
    }

    /// `receive`, `distribute` and `adjust` of service cards and guides.
    private static func stock(_ material: Material, _ action: String, _ rest: ArraySlice<String>) -> Run? {
        switch action {
        case "receive":
            guard let given = read(rest, ["quantity"], optional: ["batch"]),
                  let quantity = given["quantity"].flatMap({ Int64($0) }) else { return nil }
            return record(given, RecordingDraft.receive(material, quantity: quantity, batch: given["batch"]))
        case "distribute":
            guard let given = read(rest, ["quantity", "channel"]),
                  let quantity = given["quantity"].flatMap({ Int64($0) }), let channel = given["channel"] else { return nil }
            return record(given, RecordingDraft.distribute(material, quantity: quantity, channel: channel))
        case "adjust":
            // A negative quantity may follow --quantity (the parser's `.unconditional`).
            guard let given = read(rest, ["quantity", "reason"], unconditional: ["quantity"]),
                  let quantity = given["quantity"].flatMap({ Int64($0) }), let reason = given["reason"] else { return nil }
            return record(given, RecordingDraft.adjust(material, quantity: quantity, reason: reason))
        default:
            return nil
        }
    }

    /// A recording command's `required` options, its `optional` ones and the options every
    /// recording command takes (`RecordOptions`, but `--config`, which the parser reads).
    private static func read(_ rest: ArraySlice<String>, _ required: Set<String>, optional: Set<String> = [],
                             flags: Set<String> = [], unconditional: Set<String> = []) -> PlainArguments? {
        PlainArguments(rest, options: required.union(optional).union(recordOptions), unconditional: unconditional,
                       flags: flags, required: required)
    }

    private static func record(_ given: PlainArguments, _ draft: @escaping RecordingDraft.Make) -> Run {
        { try Recording.record(in: AgentDirectory.resolve(given["data"]), date: given["on"], clerk: given["clerk"], draft) }
    }
}
