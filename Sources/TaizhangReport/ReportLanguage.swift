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

    /// The unit a material is counted in, as the source document counts it (公示栏36块,
    /// 胸卡216张, 人员去向牌14只, 《办事指南》近1万册, 联系卡7000多份).
    public func unit(_ material: Material) -> String {
        switch (self, material) {
        case (.zh, .board): "块"
        case (.zh, .sign): "只"
        case (.zh, .badge): "张"
        case (.zh, .card): "份"
        case (.zh, .guide): "册"
        case (.en, .board): "boards"
        case (.en, .sign): "signs"
        case (.en, .badge): "badges"
        case (.en, .card): "cards"
        case (.en, .guide): "copies"
        }
    }

    var summarySheet: String { self == .zh ? "汇总" : "Summary" }
    var notesSheet: String { self == .zh ? "说明" : "Notes" }
    var flatSheet: String { self == .zh ? "数据" : "Figures" }

    /// `海门工商局政务公开台账月度汇总表（2026年11月）`; an office's own report is a 报表.
    func title(_ report: MonthlyReport, issuer: String?) -> String {
        let month = ReportTime(zoneIdentifier: report.timeZone, language: self).month(report.month)
        let bureau = report.scope == .bureau
        if self == .zh { return (issuer ?? "") + (bureau ? "政务公开台账月度汇总表" : "政务公开台账月度报表") + "（\(month)）" }
        return (issuer.map { $0 + ": " } ?? "") + (bureau ? "public-disclosure materials, monthly consolidated report"
            : "public-disclosure materials, the office's monthly report").capitalisedFirst + " (\(month))"
    }

    /// `海门工商局公示栏台账月度汇总表（2026年11月）`.
    func title(_ report: MonthlyReport, material: Material, issuer: String?) -> String {
        let month = ReportTime(zoneIdentifier: report.timeZone, language: self).month(report.month)
        if self == .zh { return (issuer ?? "") + material.chineseName + "台账月度汇总表（\(month)）" }
        return (issuer.map { $0 + ": " } ?? "") + sheetName(material) + ", monthly report (\(month))"
    }

    var notesTitle: String { self == .zh ? "说明" : "Notes" }
    var issuerLabel: String { self == .zh ? "填报单位" : "Issued by" }
    var unitLabel: String { self == .zh ? "计量单位" : "Unit" }
    var asOfLabel: String { self == .zh ? "数据截至" : "As of" }
    var monthLabel: String { self == .zh ? "报表月份" : "Month" }
    var reportLabel: String { self == .zh ? "报表" : "Report" }
    var timeZoneLabel: String { self == .zh ? "时区" : "Time zone" }
    var sourceLabel: String { self == .zh ? "计算依据" : "Computed from" }
    var hashLabel: String { self == .zh ? "内容哈希（SHA-256）" : "Content hash (SHA-256)" }
    var rulesLabel: String { self == .zh ? "统计口径" : "How figures count" }
    var statusLabel: String { self == .zh ? "完整性" : "Completeness" }
    var restatementLabel: String { self == .zh ? "更正" : "Restatement" }
    var totalLabel: String { self == .zh ? "合计" : "Total" }
    var yes: String { self == .zh ? "是" : "yes" }
    var no: String { self == .zh ? "否" : "no" }
    var never: String { self == .zh ? "无" : "none" }
    var enrolled: String { self == .zh ? "有效" : "enrolled" }
    var revokedKey: String { self == .zh ? "已撤销" : "revoked" }
    /// Separates the parts of a caption line.
    var gap: String { self == .zh ? "　　" : "    " }

    /// `填报单位：海门工商局`.
    func labelled(_ label: String, _ value: String) -> String { self == .zh ? label + "：" + value : label + ": " + value }

    var serialHeader: String { self == .zh ? "序号" : "No." }
    var nameHeader: String { self == .zh ? "分局名称" : "Office" }
    var branchHeader: String { self == .zh ? "分局代码" : "Branch ID" }
    var materialHeader: String { self == .zh ? "物资" : "Material" }
    var unitHeader: String { self == .zh ? "单位" : "Unit" }

    public func header(_ figure: ReportFigure) -> String {
        switch (self, figure) {
        case (.zh, .opening): "期初结存"
        case (.zh, .inflow): "本月增加（安装/发放/接收）"
        case (.zh, .outflow): "本月减少（撤除/收回/分发）"
        case (.zh, .adjusted): "盘点调整"
        case (.zh, .closing): "期末结存"
        case (.zh, .standard): "其中符合统一标准"
        case (.en, .opening): "Opening"
        case (.en, .inflow): "In (installed, issued, received)"
        case (.en, .outflow): "Out (retired, revoked, distributed)"
        case (.en, .adjusted): "Adjusted"
        case (.en, .closing): "Closing"
        case (.en, .standard): "Standard boards at close"
        }
    }

    /// The `--flat` CSV's header: the same columns on every row.
    var flatHeaders: [String] {
        self == .zh ? ["月份", "分局代码", "分局名称", "物资", "单位", "期初结存", "本月增加", "本月减少", "盘点调整", "期末结存", "其中符合统一标准"]
            : ["month", "branch", "office", "material", "unit", "opening", "in", "out", "adjusted", "closing", "conforming"]
    }

    /// The signature block's labels: 填报人, 审核人, 单位负责人, 填报日期.
    var signatureLabels: [String] {
        self == .zh ? ["填报人：", "审核人：", "单位负责人：", "填报日期："]
            : ["Prepared by:", "Reviewed by:", "Head of unit:", "Date:"]
    }

    var changesTitle: String { self == .zh ? "更正明细" : "Changes from the earlier export" }
    var changesHeaders: [String] {
        self == .zh ? ["分局名称", "分局代码", "物资", "原数", "现数", "项目"]
            : ["Office", "Branch ID", "Material", "Earlier", "Now", "Figure"]
    }

    var provenanceTitle: String { self == .zh ? "各分局数据来源" : "Where each office's figures come from" }

    var rules: String {
        self == .zh
            ? "月份按业务发生日期计；作废记录的影响计入被作废记录所在月份；本月期初结存等于上月期末结存；期末结存 = 期初结存 + 本月增加 − 本月减少 + 盘点调整。"
            : "Months go by the date an entry happened on; a void counts in the month of the entry it cancels; a month's opening balance is the previous month's closing balance; closing = opening + in − out + adjusted."
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
