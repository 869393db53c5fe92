import TaizhangCore

extension ReportLayout {
    /// One column of the per-branch provenance table on the notes sheet: its header in each
    /// language and its cell. A new fact about where a branch's figures came from (its chain
    /// head, say) is one more line in `provenanceColumns`.
    struct ProvenanceColumn: Sendable {
        let zh: String
        let en: String
        let width: Int
        let cell: @Sendable (BranchStanding, ReportLayout) -> ReportSheet.Cell
    }

    static let provenanceColumns: [ProvenanceColumn] = [
        ProvenanceColumn(zh: "分局名称", en: "Office", width: 22) { branch, layout in .text(layout.name(branch.id)) },
        ProvenanceColumn(zh: "分局代码", en: "Branch ID", width: 14) { branch, _ in .text(branch.id) },
        ProvenanceColumn(zh: "截至月末完整", en: "Complete through month end", width: 16) { branch, layout in
            .text(branch.complete ? layout.language.yes : layout.language.no)
        },
        ProvenanceColumn(zh: "待处理标记", en: "Open flags", width: 10) { branch, layout in
            .number(Int64(layout.context.openFlags[branch.id] ?? 0))
        },
        ProvenanceColumn(zh: "授权状态", en: "Key", width: 10) { branch, layout in
            .text(layout.context.revoked.contains(branch.id) ? layout.language.revokedKey : layout.language.enrolled)
        },
        ProvenanceColumn(zh: "最后一笔记录时间", en: "Last entry recorded", width: 28) { branch, layout in
            .text(branch.lastEntryAt.map(layout.time.dateTime) ?? layout.language.never)
        },
        ProvenanceColumn(zh: "计入记录数", en: "Entries counted", width: 10) { branch, _ in .number(branch.entries) },
        // The figures include every entry #1 … #n.
        ProvenanceColumn(zh: "最后序号", en: "Last seq", width: 10) { branch, _ in .number(branch.entries) },
        ProvenanceColumn(zh: "台账链哈希", en: "Ledger chain", width: 68) { branch, _ in .text(branch.chain?.hexString ?? "") },
    ]

    /// What the report is and what it was computed from: month, as-of and time zone,
    /// completeness, entry counts, the content hash, the counting rules, each branch's
    /// provenance, and the changes from the export it restates.
    public var notes: ReportSheet {
        let l = language
        var sheet = ReportSheet(name: l.notesSheet)
        sheet.append([.text(l.notesTitle)], role: .title)
        var facts: [(String, String)] = [(l.reportLabel, l.title(report, issuer: context.issuer))]
        if let issuer = context.issuer { facts.append((l.issuerLabel, issuer)) }
        facts += [(l.monthLabel, time.month(report.month)), (l.asOfLabel, time.dateTimeWithZone(report.asOf)),
                  (l.timeZoneLabel, report.timeZone), (l.statusLabel, l.status(report, context)),
                  (l.sourceLabel, l.source(report)), (l.hashLabel, report.hash)]
        if let earlier = report.earlier { facts.append((l.restatementLabel, l.restatement(earlier, time: time))) }
        facts.append((l.rulesLabel, l.rules))
        for (label, value) in facts { sheet.append([.text(label), .text(value)], role: .statement) }

        sheet.appendBlank()
        sheet.append([.text(l.provenanceTitle)], role: .heading)
        let columns = Self.provenanceColumns
        sheet.append(.texts(columns.map { l == .zh ? $0.zh : $0.en }), role: .header)
        for branch in report.branches { sheet.append(columns.map { $0.cell(branch, self) }) }

        if let changes = report.earlier?.changes, !changes.isEmpty {
            sheet.appendBlank()
            sheet.append([.text(l.changesTitle)], role: .heading)
            sheet.append(.texts(l.changesHeaders), role: .header)
            // Under the provenance table's columns: the figure's name in the wide sixth.
            for change in changes {
                sheet.append([.text(name(change.branch)), .text(change.branch ?? ""), .text(l.materialName(change.material)),
                              .number(change.earlier), .number(change.now), .text(l.header(change.figure))])
            }
        }
        sheet.columnWidths = columns.map(\.width)
        sheet.columnWidths[0] = max(sheet.columnWidths[0], labelWidth(facts.map(\.0)))
        return sheet
    }
}
