import TaizhangCore
import TaizhangText

/// An inventory as the pages show it: one row per material with the very members (and
/// values) of the CLI's JSON, so a figure on a page is the figure `--json` prints.
public struct MaterialFigures: Sendable {
    public struct Figure: Sendable {
        public var label: String
        public var value: Int64
        /// The member's path in the inventory JSON, e.g. `board.inService`.
        public var path: String
    }

    public var material: String
    public var label: String
    public var figures: [Figure]

    public static func rows(_ inventory: Inventory, language: WebLanguage) -> [MaterialFigures] {
        guard case .object(let materials) = inventory.json else { return [] }
        return materials.map { material, value in
            guard case .object(let members) = value else { return MaterialFigures(material: material, label: material, figures: []) }
            return MaterialFigures(material: material, label: language.text(material), figures: members.compactMap { key, member in
                guard case .int(let number) = member else { return nil }
                return Figure(label: language.text(key), value: number, path: "\(material).\(key)")
            })
        }
    }
}

/// Rates in per mille as the pages print them.
enum RateText {
    static func percent(_ perMille: Int?) -> String {
        guard let perMille else { return "—" }
        return "\(perMille / 10).\(perMille % 10)%"
    }
}
