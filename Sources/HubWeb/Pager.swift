/// One page of a long list (`?page=N`, from 1): which rows it shows and the links to every
/// page, each keeping the rest of the page's query (filter, sort, month, language).
public struct Pager: Sendable {
    public struct Link: Sendable {
        public var label: String
        public var href: String
        public var current: Bool
    }

    public static let defaultSize = 100

    /// The page shown, from 1 (a page past the last shows the last).
    public var page: Int
    public var pageCount: Int
    public var total: Int
    /// The rows of `page`, as indices into the whole list.
    public var range: Range<Int>
    public var links: [Link]
    public var previousHref: String?
    public var nextHref: String?
    /// More than one page: the links are worth showing.
    public var paged: Bool
    /// "Page 2 of 10" and "101–200 of 1,000", in the page's language.
    public var pageOf: String
    public var showing: String
    public var previousLabel: String
    public var nextLabel: String

    /// `href(n)` is the address of page n (n = 1 may leave `page` out).
    public init(total: Int, page requested: Int, size: Int, language: WebLanguage, href: (Int) -> String) {
        let size = max(1, size)
        self.total = total
        pageCount = max(1, (total + size - 1) / size)
        page = min(max(1, requested), pageCount)
        range = min(total, (page - 1) * size)..<min(total, page * size)
        let page = page
        links = (1...pageCount).map { Link(label: "\($0)", href: href($0), current: $0 == page) }
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pageCount ? href(page + 1) : nil
        paged = pageCount > 1
        pageOf = language.text("pageOf", "\(page)", "\(pageCount)")
        showing = language.text("showing", "\(range.isEmpty ? 0 : range.lowerBound + 1)", "\(range.upperBound)", "\(total)")
        previousLabel = language.text("previous")
        nextLabel = language.text("next")
    }

    /// A query's `page`: absent is 1; anything but a whole number from 1 is refused.
    public static func page(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return 1 }
        guard let page = Int(text), page >= 1 else { return nil }
        return page
    }

    /// `base` with `page=n` added to its query (left out for page 1).
    public static func href(_ base: String, page: Int) -> String {
        page == 1 ? base : base + (base.contains("?") ? "&" : "?") + "page=\(page)"
    }
}
