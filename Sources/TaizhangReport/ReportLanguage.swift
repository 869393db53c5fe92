import TaizhangCore

/// The language of an export's headers, material names and sentences. The JSON keys and
/// codes stay English whatever the language.
public enum ReportLanguage: String, CaseIterable, Sendable {
    /// Chinese: what the city bureau reads; the default.
    case zh
    case en

    public func materialName(_ material: Material) -> String {
        self == .zh ? material.chineseName : material.englishName
    }

    /// Worksheet name of a material's sheet (at most 31 characters, none of []:*?/\).
    public func sheetName(_ material: Material) -> String {
        switch self {
        case .zh: material.chineseName
        case .en:
            switch material {
            case .board: "Notice boards"
            case .sign: "Whereabouts signs"
            case .badge: "Staff badges"
            case .card: "Service cards"
            case .guide: "Service guides"
            }
        }
    }

    var summarySheet: String { self == .zh ? "汇总" : "Summary" }
    var title: String { self == .zh ? "政务公开台账月度汇总" : "Public-disclosure materials: monthly consolidated report" }
    var statusLabel: String { self == .zh ? "完整性" : "Completeness" }
    var asOfLabel: String { self == .zh ? "数据截至" : "As of" }
    var timeZoneLabel: String { self == .zh ? "时区" : "Time zone" }
    var sourceLabel: String { self == .zh ? "计算依据" : "Computed from" }
    var hashLabel: String { self == .zh ? "内容哈希（SHA-256）" : "Content hash (SHA-256)" }
    var restatementLabel: String { self == .zh ? "更正" : "Restatement" }
    var totalLabel: String { self == .zh ? "合计" : "Total" }
    var yes: String { self == .zh ? "是" : "yes" }
    var no: String { self == .zh ? "否" : "no" }
    var never: String { self == .zh ? "无" : "none" }

    var branchHeader: String { self == .zh ? "分局" : "Branch" }
    var nameHeader: String { self == .zh ? "分局名称" : "Name" }
    var materialHeader: String { self == .zh ? "物资" : "Material" }

    func header(_ figure: ReportFigure) -> String {
        switch (self, figure) {
        case (.zh, .opening): "期初结存"
        case (.zh, .inflow): "本月增加（安装/发放/接收）"
        case (.zh, .outflow): "本月减少（撤除/收回/分发）"
        case (.zh, .adjusted): "盘点调整"
        case (.zh, .closing): "期末结存"
        case (.zh, .standard): "其中符合统一标准"
        case (.en, .opening): "Opening"
        case (.en, .inflow): "In (installed/issued/received)"
        case (.en, .outflow): "Out (retired/revoked/distributed)"
        case (.en, .adjusted): "Adjusted"
        case (.en, .closing): "Closing"
        case (.en, .standard): "Standard boards at close"
        }
    }

    var completenessHeaders: [String] {
        self == .zh ? ["分局", "分局名称", "截至月末完整", "最后一笔记录时间", "台账记录数", "台账链哈希"]
            : ["Branch", "Name", "Complete through month end", "Last entry recorded", "Ledger entries", "Ledger chain"]
    }

    var changesTitle: String { self == .zh ? "更正明细" : "Changes from the earlier export" }
    var changesHeaders: [String] {
        self == .zh ? ["分局", "分局名称", "物资", "项目", "原数", "现数"]
            : ["Branch", "Name", "Material", "Figure", "Earlier", "Now"]
    }

    /// The sentence at the top that says whether the month is complete.
    func status(_ report: MonthlyReport) -> String {
        let all = report.branches.count
        let missing = report.incompleteBranches.map(\.id)
        switch (self, report.scope, missing.isEmpty) {
        case (.zh, .branch, _): return "本分局自有台账报表：以本机台账为准，截至本机最后一笔记录"
        case (.en, .branch, _): return "The office's own report: complete as far as this ledger goes"
        case (.zh, .bureau, true): return "完整：全部 \(all) 个分局的台账截至月末均已送达"
        case (.en, .bureau, true): return "Complete: the hub holds the ledgers of all \(all) branches through the end of the month"
        case (.zh, .bureau, false):
            return "不完整：\(all) 个分局中有 \(missing.count) 个（\(missing.joined(separator: "、"))）的台账未确认截至月末送达，数字可能仍会变动"
        case (.en, .bureau, false):
            let verb = missing.count == 1 ? "is" : "are"
            return "INCOMPLETE: \(missing.count) of \(all) branches (\(missing.joined(separator: ", "))) \(verb) not confirmed complete through the end of the month; figures may still change"
        }
    }

    func source(_ report: MonthlyReport) -> String {
        self == .zh ? "\(report.branches.count) 个分局共 \(report.entries) 条台账记录（各分局见下表）"
            : "\(report.entries) ledger \(report.entries == 1 ? "entry" : "entries") of \(report.branches.count) "
                + "\(report.branches.count == 1 ? "branch" : "branches") (per branch below)"
    }

    func restatement(_ earlier: EarlierExport) -> String {
        let short = String(earlier.hash.prefix(16))
        if earlier.changes.isEmpty {
            return self == .zh ? "与 \(earlier.issuedAt) 发出的报表（数据截至 \(earlier.asOf)，哈希 \(short)…）数字相同"
                : "Same figures as the export issued \(earlier.issuedAt) (as of \(earlier.asOf), hash \(short)…)"
        }
        return self == .zh
            ? "本表更正 \(earlier.issuedAt) 发出的同月报表（数据截至 \(earlier.asOf)，哈希 \(short)…），\(earlier.changes.count) 项数字变动见“更正明细”"
            : "This export restates the export issued \(earlier.issuedAt) (as of \(earlier.asOf), hash \(short)…): \(earlier.changes.count) figures changed, listed under \"Changes from the earlier export\""
    }
}
