import Hummingbird
import HubJSON
import HubKit
import Mustache
import TaizhangCore
import TaizhangReport
import TaizhangText

/// The dashboard's routes over one `DashboardSource`: pages rendered from view models,
/// JSON twins built by the CLI's own `HubJSONOutput`.
public struct Dashboard: Sendable {
    let source: DashboardSource
    let library: MustacheLibrary
    let started: Timestamp
    let login: LoginHandler
    let cache = DashboardCache()
    /// Rows per page of the branch list and the timeliness list and grid.
    let pageSize: Int

    public init(source: DashboardSource, pageSize: Int = Pager.defaultSize) throws {
        self.source = source
        self.pageSize = pageSize
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        self.library = library
        started = source.now()
        login = LoginHandler(source: source, library: library)
    }

    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityMiddleware())
        router.add(middleware: SessionMiddleware(source: source))
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/login") { request, _ in login.form(request, message: nil) }
        router.post("/login") { request, context in try await login.submit(request, context: context) }
        router.post("/logout") { request, context in try login.logout(request, context: context) }
        router.get("/") { request, context in try page(request, context, "overview", "overview") { frame, language, now in
            let month = try timeliness([source.lastClosedMonth(at: now)])[0]
            return OverviewPage.make(frame: frame, language: language,
                                     branches: try branches(now), totals: try totals(), month: month,
                                     activity: try recentActivity(), lastIngest: try lastIngestAt(), time: source.time)
        } }
        router.get("/branches") { request, context in try page(request, context, "branches", "branches") { frame, language, now in
            let state = try Self.state(request)
            return BranchesPage.make(frame: frame, language: language, branches: try branches(now),
                                     state: state, sort: request.uri.queryParameters["sort"].map(String.init), now: now, time: source.time,
                                     page: try Self.page(request), pageSize: pageSize)
        } }
        router.get("/branches.csv") { request, _ in
            let chosen = BranchesPage.select(try branches(source.now()), state: try Self.state(request), sort: request.uri.queryParameters["sort"].map(String.init))
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"branches.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: BranchesPage.csv(chosen))))
        }
        router.get("/branches/:id") { request, context in
            let id = try context.parameters.require("id")
            let now = source.now()
            guard let branch = try branches(now).first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, message: "no branch \(id)")
            }
            let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }
            return try page(request, context, "branch", "branch") { frame, language, _ in
                let ledger = try branchLedger(id)
                return BranchPage.make(frame: frame, language: language, branch: branch,
                                       inventory: try totals().branches[id] ?? Inventory(), items: ledger.items, movements: ledger.movements,
                                       entries: try before.map { try source.database.entries(branch: id, before: $0, limit: BranchPage.entriesPerPage) }
                                           ?? ledger.newestEntries,
                                       before: before, time: source.time)
            }
        }
        router.get("/timeliness") { request, context in try page(request, context, "timeliness", "timeliness") { frame, language, now in
            let month = try Self.month(request) ?? source.lastClosedMonth(at: now)
            var months = [month]
            while months.count < 12, let last = months.first {
                months.insert(last.month == 1 ? YearMonth(year: last.year - 1, month: 12)! : YearMonth(year: last.year, month: last.month - 1)!, at: 0)
            }
            // The page's content is the months' (kept while nothing changes) with this request's frame.
            let number = try Self.page(request)
            var model = try cache.value("timelinessPage:\(month):\(number):\(language.rawValue)", database: source.database) {
                let history = try timeliness(months)
                return TimelinessPage.make(frame: frame, language: language, current: history[history.count - 1], history: history,
                                           time: source.time, page: number, pageSize: pageSize)
            }
            model.frame = frame
            return model
        } }
        router.get("/exports") { request, context in try page(request, context, "exports", "exports") { frame, language, now in
            ExportsPage.make(frame: frame, language: language, standings: try standings(now), time: source.time, page: try Self.page(request))
        } }
        // A month's page; with asOf and format, one of its exports' files.
        router.get("/exports/:month") { request, context in
            if request.uri.queryParameters["asOf"] != nil || request.uri.queryParameters["format"] != nil {
                return try exportDownload(request, context)
            }
            guard let month = YearMonth(try context.parameters.require("month")) else { throw HTTPError(.badRequest, message: "month must be YYYY-MM") }
            return try page(request, context, "exportMonth", "exports") { frame, language, now in
                ExportMonthPage.make(frame: frame, language: language, month: month, standings: try standings(now), time: source.time)
            }
        }
        router.get("/problems") { request, context in try page(request, context, "problems", "problems") { frame, language, now in
            ProblemsPage.make(frame: frame, language: language,
                              branches: try branches(now), keys: try keys(),
                              exports: try standings(now), time: source.time)
        } }
        router.get("/health") { request, context in try page(request, context, "health", "health") { frame, language, now in
            HealthPage.make(frame: frame, language: language, health: try health(now), started: started, time: source.time, now: now)
        } }
        router.get("/api/totals") { _, _ in json(try totalsJSON()) }
        router.get("/api/branches") { _, _ in json(try branchesJSON(source.now())) }
        router.get("/api/timeliness") { request, _ in
            guard let month = try Self.month(request) else { throw HTTPError(.badRequest, message: "give the month as ?month=YYYY-MM") }
            return json(try cache.value("timeliness.json:\(month)", database: source.database) {
                HubJSONOutput.timeliness(try timeliness([month])[0]).rendered()
            })
        }
        return router
    }

    /// Renders `template` with the view model `build` makes, inside the common frame.
    func page<Model>(_ request: Request, _ context: WebContext, _ template: String, _ titleKey: String,
                     _ build: (PageFrame, WebLanguage, Timestamp) throws -> Model) throws -> Response {
        guard let session = context.session else { throw HTTPError(.unauthorized) }
        let language = WebLanguage(query: request.uri.queryParameters["lang"].map(String.init))
        let now = source.now()
        let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let frame = PageFrame(language: language, path: request.uri.path, query: query, titleKey: titleKey, asOf: now,
                              time: source.time, session: session)
        let model = try build(frame, language, now)
        guard let html = library.render(MustacheFields(model), withTemplate: template) else { throw HTTPError(.internalServerError) }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A month's export as of a past instant, in the bytes `taizhang-hub export --as-of` writes
    /// (not recorded as a new issue: the dashboard only reads).
    func exportDownload(_ request: Request, _ context: WebContext) throws -> Response {
        guard let month = YearMonth(try context.parameters.require("month")) else { throw HTTPError(.badRequest, message: "month must be YYYY-MM") }
        let query = request.uri.queryParameters
        guard let asOf = query["asOf"].flatMap({ Int64(String($0)) }),
              let format = ReportFormat(rawValue: String(query["format"] ?? "csv")),
              let language = ReportLanguage(rawValue: String(query["lang"] ?? "zh")) else {
            throw HTTPError(.badRequest, message: "give asOf (milliseconds), format (csv, xlsx, json) and lang (zh, en)")
        }
        let report: MonthlyReport
        do {
            report = try source.database.monthlyReport(month: month, asOf: Timestamp(millisecondsSinceEpoch: asOf), timeZone: source.settings.zone)
        } catch let error as ReportError {
            throw HTTPError(.badRequest, message: error.description)
        }
        // The signature block and completeness statement exactly as `taizhang-hub export` makes them.
        let settings = try source.database.reportSettings().overridden(by: source.fileReportSettings)
        let concerns = try source.database.reportConcerns(asOf: report.asOf)
        let context = ReportContext(issuer: settings.bureauName, preparer: settings.preparer, reviewer: settings.reviewer,
                                    head: settings.head, openFlags: concerns.openFlags, revoked: concerns.revoked)
        let bytes = try format.render(report, language: language, context: context)
        let type = switch format {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"taizhang-export-\(month).\(format.rawValue)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The CLI prints its JSON followed by a newline; so does the API.
    func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func state(_ request: Request) throws -> BranchStatus.State? {
        guard let text = request.uri.queryParameters["state"], !text.isEmpty else { return nil }
        guard let state = BranchStatus.State(rawValue: String(text)) else {
            throw HTTPError(.badRequest, message: "state must be one of current, behind, silent, flagged, revoked")
        }
        return state
    }

    static func page(_ request: Request) throws -> Int {
        guard let page = Pager.page(request.uri.queryParameters["page"].map(String.init)) else {
            throw HTTPError(.badRequest, message: Message.errWebPage())
        }
        return page
    }

    static func month(_ request: Request) throws -> YearMonth? {
        guard let text = request.uri.queryParameters["month"], !text.isEmpty else { return nil }
        guard let month = YearMonth(String(text)) else { throw HTTPError(.badRequest, message: "month must be YYYY-MM") }
        return month
    }
}
