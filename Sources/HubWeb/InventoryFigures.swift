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

    /// One table cell per column of `columns`; empty where the material has no such figure.
    public struct Cell: Sendable {
        public var figure: Figure?
    }

    public var material: String
    public var label: String
    public var figures: [Figure]
    public var cells: [Cell]

    /// The columns of the pages' inventory tables, as JSON member names: the balance (in
    /// service, active or on hand), standard boards, received, distributed, adjusted.
    public static let columns: [[String]] = [["inService", "active", "onHand"], ["standard"], ["received"], ["distributed"], ["adjusted"]]
    public static func header(_ language: WebLanguage) -> [String] {
        ["balance", "colStandard", "colReceived", "colDistributed", "colAdjusted"].map { language.text($0) }
    }

    public static func rows(_ inventory: Inventory, language: WebLanguage) -> [MaterialFigures] {
        guard case .object(let materials) = inventory.json else { return [] }
        return materials.map { material, value in
            guard case .object(let members) = value else { return MaterialFigures(material: material, label: material, figures: [], cells: []) }
            let figures = members.compactMap { key, member -> Figure? in
                guard case .int(let number) = member else { return nil }
                return Figure(label: language.text(key), value: number, path: "\(material).\(key)")
            }
            let cells = columns.map { keys in
                Cell(figure: figures.first { figure in keys.contains { figure.path == "\(material).\($0)" } })
            }
            return MaterialFigures(material: material, label: language.text(material), figures: figures, cells: cells)
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
