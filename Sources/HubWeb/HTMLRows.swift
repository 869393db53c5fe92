/// The long row sets (branches, offices' marks, entries, changed figures) written straight to
/// HTML: through the templates each cell costs a lookup down the context stack and a handful
/// of dynamic casts, which at a thousand rows was most of a page's time. The markup is what
/// the templates wrote; every value is escaped as Mustache escapes `{{value}}`.
enum HTMLRows {
    /// `&`, `<`, `>`, `"` and `'` escaped (Mustache's `htmlEscape`).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func branches(_ rows: [BranchesPage.Row]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 400)
        for row in rows {
            let id = escape(row.id), state = escape(row.state)
            out += "<tr data-branch=\"\(id)\" data-state=\"\(state)\"><td><a href=\"\(escape(row.href))\">\(id)</a></td><td>\(escape(row.name))</td>"
            out += "<td><span class=\"tag s-\(state)\">\(escape(row.stateLabel))</span></td>\n<td class=\"n\">\(row.held)</td><td class=\"n\">\(row.pending)</td>"
            out += "<td>\(escape(row.lastHeard))<br><small>\(escape(row.lastHeardAt))</small></td><td><small>\(escape(row.lastEntryAt))</small></td>"
            out += "<td>\(escape(row.flags))</td></tr>\n"
        }
        return out
    }

    static func marks(_ rows: [TimelinessPage.Row]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 200)
        for row in rows {
            let id = escape(row.id), mark = escape(row.mark)
            out += "<tr data-branch=\"\(id)\" data-mark=\"\(mark)\"><td>\(id)</td><td>\(escape(row.name))</td>"
            out += "<td><span class=\"tag m-\(mark)\">\(escape(row.markLabel))</span></td><td>\(escape(row.completeAt))</td></tr>\n"
        }
        return out
    }

    static func entries(_ rows: [BranchPage.EntryRow]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 250)
        for row in rows {
            out += "<tr><td class=\"n\">\(row.seq)</td><td>\(escape(row.material))</td><td>\(escape(row.action))</td><td>\(escape(row.item))</td>"
            out += "<td class=\"n\">\(escape(row.quantity))</td><td>\(escape(row.occurredOn))</td><td>\(escape(row.recordedAt))</td>"
            out += "<td class=\"detail\">\(escape(row.note))</td></tr>\n"
        }
        return out
    }

    /// A table of changed figures (an export month's page): where, which, from what to what.
    static func changeTable(_ changes: [Change], _ language: WebLanguage) -> String {
        guard !changes.isEmpty else { return "" }
        var out = "<table class=\"list changes\"><thead><tr><th>\(escape(language.text("branches")))</th><th>\(escape(language.text("material")))</th>"
        out += "<th>\(escape(language.text("figure")))</th><th class=\"n\">\(escape(language.text("earlierValue")))</th>"
        out += "<th class=\"n\">\(escape(language.text("nowValue")))</th></tr></thead><tbody>\n"
        out.reserveCapacity(changes.count * 150)
        for change in changes {
            out += "<tr><td>\(escape(change.branch))</td><td>\(escape(change.material))</td><td>\(escape(change.figure))</td>"
            out += "<td class=\"n\">\(change.earlier)</td><td class=\"n\">\(change.now)</td></tr>\n"
        }
        return out + "</tbody></table>"
    }

    /// `<li>` items of changed figures, for a `<ul class="changes">`.
    static func changes(_ changes: [Change]) -> String {
        var out = ""
        out.reserveCapacity(changes.count * 120)
        for change in changes {
            out += "<li>\(escape(change.branch)) · \(escape(change.material)) · \(escape(change.figure)): \(change.earlier) → \(change.now)</li>\n"
        }
        return out
    }
}
