import Foundation
import GRDB
import TaizhangCore

extension HubSchema {
    /// Flags in the reader's language: each flag keeps which sentence it is (`FlagWording`'s
    /// code) and that sentence's arguments (a JSON array of strings) beside the English
    /// `detail`. Flags raised before this have both NULL and show their detail as stored.
    static func flagWording(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE flag ADD COLUMN wording TEXT;
            ALTER TABLE flag ADD COLUMN wording_arguments TEXT;
            """)
    }

    /// The stored form of a flag's wording: its code and its arguments as a JSON array.
    static func storedWording(_ wording: FlagWording?) -> (code: String?, arguments: String?) {
        guard let wording, let data = try? JSONSerialization.data(withJSONObject: wording.arguments),
              let text = String(data: data, encoding: .utf8) else { return (nil, nil) }
        return (wording.code.rawValue, text)
    }

    /// The wording read back; nil for a flag without one, or one this build cannot read.
    static func wording(code: String?, arguments: String?) -> FlagWording? {
        guard let code, let known = FlagWording.Code(rawValue: code), let arguments,
              let list = try? JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [String] else { return nil }
        return FlagWording(known, list)
    }
}
