import TaizhangCore

extension ReportLanguage {
    /// The completeness statement: complete only when every ledger is held through the
    /// month's end and no flag is open; it names the offices that are not, those with open
    /// flags, and those whose key was revoked.
    func status(_ report: MonthlyReport, _ context: ReportContext) -> String {
        let names = Dictionary(report.branches.map { ($0.id, $0.name) }) { first, _ in first }
        func office(_ id: String) -> String {
            let name = names[id].flatMap { $0.isEmpty ? nil : $0 } ?? id
            return self == .zh || name == id ? name : "\(name) (\(id))"
        }
        let all = report.branches.count
        let missing = report.incompleteBranches.map(\.id)
        let flagged = context.openFlags.keys.filter { names[$0] != nil }.sorted()
        let revoked = context.revoked.filter { names[$0] != nil }.sorted()
        var parts: [String] = []
        switch (self, report.scope) {
        case (.zh, .branch): parts.append("本分局自有台账报表：以本机台账为准，截至本机最后一笔记录")
        case (.en, .branch): parts.append("The office's own report: complete as far as this ledger goes")
        case (.zh, .bureau):
            if missing.isEmpty && flagged.isEmpty {
                parts.append("完整：全部 \(all) 个分局的台账截至月末均已送达，无待处理标记")
            } else {
                var why: [String] = []
                if !missing.isEmpty {
                    why.append("\(all) 个分局中有 \(missing.count) 个（\(missing.map(office).joined(separator: "、"))）的台账未确认截至月末送达，数字可能仍会变动")
                }
                if !flagged.isEmpty {
                    why.append(flagged.map { "\(office($0)) \(context.openFlags[$0] ?? 0) 项" }.joined(separator: "、") + "待处理标记，相关数字须经核对")
                }
                parts.append("不完整：" + why.joined(separator: "；"))
            }
        case (.en, .bureau):
            if missing.isEmpty && flagged.isEmpty {
                parts.append("Complete: the hub holds the ledgers of all \(all) branches through the end of the month, with no open flags")
            } else {
                var why: [String] = []
                if !missing.isEmpty {
                    let verb = missing.count == 1 ? "is" : "are"
                    why.append("\(missing.count) of \(all) branches (\(missing.map(office).joined(separator: ", "))) \(verb) not confirmed complete through the end of the month; figures may still change")
                }
                if !flagged.isEmpty {
                    why.append("open flags: " + flagged.map { "\(office($0)) \(context.openFlags[$0] ?? 0)" }.joined(separator: ", ")
                               + "; those figures need checking")
                }
                parts.append("INCOMPLETE: " + why.joined(separator: "; "))
            }
        }
        if !revoked.isEmpty {
            parts.append(self == .zh ? "已撤销授权：\(revoked.map(office).joined(separator: "、"))（此后不再接收其台账）"
                : "key revoked: \(revoked.map(office).joined(separator: ", ")) (its ledger is no longer received)")
        }
        return parts.joined(separator: self == .zh ? "；" : "; ")
    }

    func source(_ report: MonthlyReport) -> String {
        self == .zh ? "\(report.branches.count) 个分局共 \(report.entries) 条台账记录（各分局见下表）"
            : "\(report.entries) ledger \(report.entries == 1 ? "entry" : "entries") of \(report.branches.count) "
                + "\(report.branches.count == 1 ? "branch" : "branches") (per branch below)"
    }

    func restatement(_ earlier: EarlierExport, time: ReportTime) -> String {
        let short = String(earlier.hash.prefix(16))
        let issued = time.dateTime(earlier.issuedAt), asOf = time.dateTime(earlier.asOf)
        if earlier.changes.isEmpty {
            return self == .zh ? "与 \(issued) 发出的报表（数据截至 \(asOf)，哈希 \(short)…）数字相同"
                : "Same figures as the export issued \(issued) (as of \(asOf), hash \(short)…)"
        }
        return self == .zh
            ? "本表更正 \(issued) 发出的同月报表（数据截至 \(asOf)，哈希 \(short)…），\(earlier.changes.count) 项数字变动见“说明”表的“更正明细”"
            : "This export restates the export issued \(issued) (as of \(asOf), hash \(short)…): \(earlier.changes.count) figures changed, listed on the Notes sheet under \"Changes from the earlier export\""
    }
}
