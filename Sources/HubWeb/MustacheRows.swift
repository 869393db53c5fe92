import Mustache

// The rows a page repeats by the thousand answer the templates' lookups directly instead of
// through Mirror (which builds every field's box for each lookup).

extension BranchesPage.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "href": href
        case "name": self.name
        case "state": state
        case "stateLabel": stateLabel
        case "held": held
        case "pending": pending
        case "lastHeard": lastHeard
        case "lastHeardAt": lastHeardAt
        case "lastEntryAt": lastEntryAt
        case "flags": flags
        default: nil
        }
    }
}

extension TimelinessPage.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "mark": mark
        case "markLabel": markLabel
        case "completeAt": completeAt
        default: nil
        }
    }
}

extension BranchPage.EntryRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "seq": seq
        case "material": material
        case "action": action
        case "item": item
        case "quantity": quantity
        case "occurredOn": occurredOn
        case "recordedAt": recordedAt
        case "note": note
        default: nil
        }
    }
}

extension Change: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "branch": branch
        case "material": material
        case "figure": figure
        case "earlier": earlier
        case "now": now
        default: nil
        }
    }
}

extension ExportsPage.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "month": month
        case "asOf": asOf
        case "hash": hash
        case "issuedAt": issuedAt
        case "complete": complete
        case "completeLabel": completeLabel
        case "incomplete": incomplete
        case "incompleteHTML": incompleteHTML
        case "restated": restated
        case "restatedChanges": restatedChanges
        case "restatedChangesHTML": restatedChangesHTML
        case "hasRestated": hasRestated
        case "since": since
        case "sinceChanges": sinceChanges
        case "sinceChangesHTML": sinceChangesHTML
        case "hasSince": hasSince
        case "downloads": downloads
        case "monthHref": monthHref
        case "detailHref": detailHref
        default: nil
        }
    }
}

extension ExportsPage.Download: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

extension Restatement: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "month": month
        case "issuedAt": issuedAt
        case "summary": summary
        case "changes": changes
        case "changesHTML": changesHTML
        default: nil
        }
    }
}
