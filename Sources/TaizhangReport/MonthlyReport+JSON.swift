import TaizhangCore
import TaizhangText

extension MonthlyReport {
    /// The same figures as JSON, keys in a fixed order; names in `language`, codes and keys
    /// in English. `complete` is the ledgers' completeness; `status` also names open flags
    /// and revoked offices, which each branch's object carries too.
    public func json(language: ReportLanguage, context: ReportContext = ReportContext()) -> JSONValue {
        func time(_ instant: Timestamp?) -> JSONValue { instant.map { .string($0.description) } ?? .null }
        func row(_ row: ReportRow) -> JSONValue {
            .object([("branch", .optional(row.branch)), ("material", .string(row.material.rawValue)),
                     ("materialName", .string(language.materialName(row.material)))]
                    + ReportFigure.allCases.map { ($0.rawValue, .optional(row[$0])) })
        }
        let scopeValue: JSONValue
        switch scope {
        case .bureau: scopeValue = .string("bureau")
        case .branch(let id): scopeValue = .object([("branch", .string(id))])
        }
        return .object([
            ("report", .string("taizhang-monthly")),
            ("version", .int(1)),
            ("month", .string(month.description)),
            ("language", .string(language.rawValue)),
            ("scope", scopeValue),
            ("complete", .bool(isComplete)),
            ("status", .string(language.status(self, context))),
            ("issuer", .optional(context.issuer)),
            ("asOf", .string(asOf.description)),
            ("timeZone", .string(timeZone)),
            ("hash", .string(hash)),
            ("entries", .int(entries)),
            ("branches", .array(branches.map { branch in
                .object([("branch", .string(branch.id)), ("name", .string(branch.name)),
                         ("complete", .bool(branch.complete)), ("lastEntryAt", time(branch.lastEntryAt)),
                         ("entries", .int(branch.entries)),
                         ("openFlags", .int(Int64(context.openFlags[branch.id] ?? 0))),
                         ("revoked", .bool(context.revoked.contains(branch.id))),
                         ("chain", branch.chain.map { .string($0.hexString) } ?? .null)])
            })),
            ("rows", .array(rows.map(row))),
            ("totals", .array(totals.map(row))),
            ("earlierExport", earlier.map { earlier in
                .object([("asOf", .string(earlier.asOf.description)), ("hash", .string(earlier.hash)),
                         ("issuedAt", .string(earlier.issuedAt.description)),
                         ("restated", .bool(!earlier.changes.isEmpty)),
                         ("changes", .array(earlier.changes.map { change in
                             .object([("branch", .optional(change.branch)), ("material", .string(change.material.rawValue)),
                                      ("figure", .string(change.figure.rawValue)),
                                      ("earlier", .int(change.earlier)), ("now", .int(change.now))])
                         }))])
            } ?? .null),
        ])
    }
}
