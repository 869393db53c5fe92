/// The pages' Mustache templates, compiled into the binary (no resource folder to ship).
/// Logic-less: every value comes from a view model struct.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "overview": overview, "branches": branches, "branch": branch,
        "timeliness": timeliness, "exports": exports, "pager": pager, "exportMonth": exportMonth, "exportCells": exportCells, "problems": problems, "health": health, "error": error,
    ]

    static let layout = #"""
        <!DOCTYPE html>
        <html lang="{{frame.lang}}">
        <head><meta charset="utf-8"><meta http-equiv="refresh" content="30"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{frame.pageTitle}} · {{frame.t.title}}</title><link rel="stylesheet" href="/style.css"></head>
        <body>
        <header><span class="brand">{{frame.t.title}}</span>
        <nav>{{#frame.nav}}<a href="{{href}}"{{#current}} class="current" aria-current="page"{{/current}}>{{label}}</a>{{/frame.nav}}</nav>
        <span class="who">{{frame.login}} · {{frame.role}} · <a href="{{frame.otherLanguageHref}}" id="other-language">{{frame.otherLanguageLabel}}</a>
        <form method="post" action="/logout"><button type="submit" id="logout">{{frame.t.logout}}</button></form></span></header>
        <main><h1>{{frame.pageTitle}}</h1><p class="asof" id="as-of">{{frame.t.asOf}} {{frame.asOf}} ({{frame.zone}})</p>
        {{$content}}{{/content}}
        </main></body></html>
        """#

    static let login = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{t.login}} · {{t.title}}</title><link rel="stylesheet" href="/style.css"></head>
        <body class="login"><main><h1>{{t.title}}</h1>
        {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/login{{langQuery}}">
        <label>{{t.loginName}} <input name="login" id="login" autocomplete="username" required autofocus></label>
        <label>{{t.password}} <input name="password" id="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" id="submit">{{t.login}}</button></form>
        <p><a href="{{otherLanguageHref}}">{{otherLanguageLabel}}</a></p></main></body></html>
        """#

    static let overview = #"""
        {{<layout}}{{$content}}
        <section class="cards">
        <div class="card"><div class="big" id="enrolled">{{enrolled}}</div><div>{{frame.t.enrolled}}</div></div>
        {{#states}}<a class="card s-{{state}}" href="{{href}}"><div class="big" data-state="{{state}}">{{count}}</div><div>{{label}}</div></a>{{/states}}
        <div class="card"><div class="big" id="pending">{{pending}}</div><div>{{frame.t.pending}}</div></div>
        </section>
        <div class="chart">{{{stateChart}}}</div>
        <p>{{frame.t.lastIngest}}: <span id="last-ingest">{{lastIngest}}</span></p>
        <h2>{{frame.t.totals}}</h2>
        <table class="inventory" id="totals"><thead><tr><th>{{frame.t.material}}</th>{{#columns}}<th class="n">{{.}}</th>{{/columns}}</tr></thead><tbody>
        {{#totals}}<tr><th>{{label}}</th>{{#cells}}<td class="n">{{#figure}}<span class="figure" data-figure="{{path}}">{{value}}</span>{{/figure}}</td>{{/cells}}</tr>{{/totals}}
        </tbody></table>
        <h2>{{frame.t.lastClosedMonth}}: <a href="{{monthHref}}">{{month}}</a></h2>
        <section class="cards">
        <div class="card"><div class="big" id="reporting-rate">{{reportingRate}}</div><div>{{frame.t.reportingRate}}</div></div>
        <div class="card"><div class="big" id="on-time-rate">{{onTimeRate}}</div><div>{{frame.t.onTimeRate}}</div></div>
        </section>
        <p>{{reportedLine}}</p>
        <h2>{{frame.t.activity}}</h2>
        <table><tbody>{{#activity}}<tr><td>{{at}}</td><td>{{kind}}</td><td>{{subject}}</td><td class="detail">{{detail}}</td></tr>{{/activity}}</tbody></table>
        {{/content}}{{/layout}}
        """#

    static let branches = #"""
        {{<layout}}{{$content}}
        <p class="filters">{{#filters}}<a href="{{href}}"{{#current}} class="current"{{/current}}>{{label}}</a> {{/filters}}
        · <a href="{{csvHref}}" id="csv">{{frame.t.csv}}</a></p>
        {{>pager}}
        <table class="list" id="branches"><thead><tr>
        <th><a href="{{sorts.id.href}}">{{frame.t.id}}</a></th><th>{{frame.t.name}}</th><th><a href="{{sorts.state.href}}">{{frame.t.state}}</a></th>
        <th class="n"><a href="{{sorts.held.href}}">{{frame.t.held}}</a></th><th class="n"><a href="{{sorts.pending.href}}">{{frame.t.pending}}</a></th>
        <th><a href="{{sorts.heard.href}}">{{frame.t.lastHeard}}</a></th><th>{{frame.t.lastEntry}}</th><th>{{frame.t.flags}}</th></tr></thead><tbody>
        {{{rowsHTML}}}
        </tbody></table>
        {{>pager}}
        {{/content}}{{/layout}}
        """#

    /// A paged list's links (`Pager`), under the list; nothing when it fits one page.
    static let pager = #"""
        {{#pager.paged}}<nav class="pager" aria-label="{{pager.pageOf}}"><span>{{pager.pageOf}} · {{pager.showing}}</span>
        {{#pager.previousHref}}<a href="{{pager.previousHref}}" rel="prev">{{pager.previousLabel}}</a>{{/pager.previousHref}}
        {{#pager.links}}{{#current}}<strong aria-current="page">{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}} {{/pager.links}}
        {{#pager.nextHref}}<a href="{{pager.nextHref}}" rel="next">{{pager.nextLabel}}</a>{{/pager.nextHref}}</nav>{{/pager.paged}}
        """#

    static let branch = #"""
        {{<layout}}{{$content}}
        <h2 id="branch-name">{{name}} <small>{{id}}</small> <span class="tag s-{{state}}">{{stateLabel}}</span></h2>
        <p>{{frame.t.held}} {{held}} · {{frame.t.pending}} {{pending}}</p>
        <h2>{{frame.t.inventory}}</h2>
        <table class="inventory" id="inventory"><thead><tr><th>{{frame.t.material}}</th>{{#columns}}<th class="n">{{.}}</th>{{/columns}}</tr></thead><tbody>
        {{#inventory}}<tr><th>{{label}}</th>{{#cells}}<td class="n">{{#figure}}<span class="figure" data-figure="{{path}}">{{value}}</span>{{/figure}}</td>{{/cells}}</tr>{{/inventory}}
        </tbody></table>
        <h2>{{frame.t.items}}</h2>
        <table class="list" id="items"><thead><tr><th>{{frame.t.location}}</th><th>{{frame.t.material}}</th><th>{{frame.t.item}}</th><th>{{frame.t.staff}}</th><th>{{frame.t.since}}</th><th>{{frame.t.colStandard}}</th></tr></thead><tbody>
        {{#locations}}{{#items}}<tr><td>{{location}}</td><td>{{material}}</td><td>{{item}}</td><td>{{staff}}</td><td>{{since}}</td><td>{{conformance}}</td></tr>{{/items}}{{/locations}}
        {{#badges}}<tr><td>—</td><td>{{material}}</td><td>{{item}}</td><td>{{staff}}</td><td>{{since}}</td><td></td></tr>{{/badges}}
        </tbody></table>
        <h2>{{frame.t.movement}}</h2>
        <div class="charts">{{#charts}}<figure><figcaption>{{label}}</figcaption>{{{svg}}}</figure>{{/charts}}</div>
        {{#hasFlags}}<h2>{{frame.t.flags}}</h2><table class="list"><tbody>{{#flags}}<tr><td>{{kindLabel}} {{seq}}</td><td>{{detail}}</td><td>{{at}}</td><td>{{todo}}</td></tr>{{/flags}}</tbody></table>{{/hasFlags}}
        <h2>{{frame.t.entries}}</h2>
        <table class="list" id="entries"><thead><tr><th class="n">{{frame.t.seq}}</th><th>{{frame.t.material}}</th><th>{{frame.t.action}}</th><th>{{frame.t.item}}</th>
        <th class="n">{{frame.t.quantity}}</th><th>{{frame.t.occurredOn}}</th><th>{{frame.t.recordedAt}}</th><th></th></tr></thead><tbody>
        {{{entriesHTML}}}
        </tbody></table>
        <p>{{#newestHref}}<a href="{{newestHref}}">{{frame.t.newer}}</a> {{/newestHref}}{{#olderHref}}<a href="{{olderHref}}">{{frame.t.older}}</a>{{/olderHref}}</p>
        {{/content}}{{/layout}}
        """#

    static let timeliness = #"""
        {{<layout}}{{$content}}
        <p class="months"><a href="{{previousHref}}">‹</a> <strong id="month">{{month}}</strong> <a href="{{nextHref}}">›</a></p>
        <p>{{frame.t.deadline}}: <span id="deadline"{{^deadlineKnown}} class="unknown"{{/deadlineKnown}}>{{deadline}}</span></p>
        <section class="cards">
        <div class="card"><div class="big" id="expected">{{expected}}</div><div>{{frame.t.expected}}</div></div>
        <div class="card"><div class="big" id="reported">{{reported}}</div><div>{{frame.t.reported}}</div></div>
        <div class="card m-on-time"><div class="big" id="on-time">{{onTime}}</div><div>{{frame.t.onTime}}</div></div>
        <div class="card m-late"><div class="big" id="late">{{late}}</div><div>{{frame.t.late}}</div></div>
        <div class="card m-not-reported"><div class="big" id="not-reported">{{notReported}}</div><div>{{frame.t.notReported}}</div></div>
        <div class="card"><div class="big">{{reportingRate}}</div><div>{{frame.t.reportingRate}}</div></div>
        <div class="card"><div class="big">{{onTimeRate}}</div><div>{{frame.t.onTimeRate}}</div></div>
        </section>
        {{>pager}}
        <table class="list" id="timeliness"><thead><tr><th>{{frame.t.id}}</th><th>{{frame.t.name}}</th><th>{{frame.t.mark}}</th><th>{{frame.t.completeAt}}</th></tr></thead><tbody>
        {{{rowsHTML}}}
        </tbody></table>
        {{>pager}}
        <h2>{{frame.t.grid}}</h2>
        <div class="chart">{{{grid}}}<p class="legend">{{#legend}}<span class="swatch {{cssClass}}"></span> {{label}} {{/legend}}</p></div>
        {{>pager}}
        <table class="list"><thead><tr><th>{{frame.t.month}}</th><th>{{frame.t.deadline}}</th><th class="n">{{frame.t.expected}}</th><th class="n">{{frame.t.reported}}</th>
        <th class="n">{{frame.t.onTime}}</th><th class="n">{{frame.t.late}}</th><th class="n">{{frame.t.reportingRate}}</th><th class="n">{{frame.t.onTimeRate}}</th></tr></thead><tbody>
        {{#months}}<tr><td><a href="{{href}}">{{month}}</a></td><td><small>{{deadline}}</small></td><td class="n">{{expected}}</td><td class="n">{{reported}}</td><td class="n">{{onTime}}</td><td class="n">{{late}}</td><td class="n">{{reportingRate}}</td><td class="n">{{onTimeRate}}</td></tr>{{/months}}
        </tbody></table>
        {{/content}}{{/layout}}
        """#

    static let exports = #"""
        {{<layout}}{{$content}}
        {{#empty}}<p>{{frame.t.noExports}}</p>{{/empty}}
        {{^empty}}<table class="list" id="exports"><thead><tr><th>{{frame.t.month}}</th><th>{{frame.t.asOfExport}}</th><th>{{frame.t.issuedAt}}</th><th>{{frame.t.completeness}}</th><th>{{frame.t.restatements}}</th><th>{{frame.t.hash}}</th><th>{{frame.t.download}}</th></tr></thead><tbody>
        {{#rows}}<tr><td><a href="{{monthHref}}">{{month}}</a></td><td>{{asOf}}</td><td>{{issuedAt}}</td>
        {{>exportCells}}</tr>{{/rows}}
        </tbody></table>{{>pager}}{{/empty}}
        {{/content}}{{/layout}}
        """#

    /// An issue's completeness, restatements (how many figures changed; the month's page
    /// lists them), hash and downloads.
    static let exportCells = #"""
        <td class="{{#complete}}ok{{/complete}}{{^complete}}bad{{/complete}}">{{completeLabel}}{{^complete}}<br><small>{{frame.t.incompleteOffices}}: {{{incompleteHTML}}}</small>{{/complete}}</td>
        <td class="detail">{{^hasRestated}}{{^hasSince}}—{{/hasSince}}{{/hasRestated}}{{#hasRestated}}<p>{{restated}}</p>{{/hasRestated}}
        {{#hasSince}}<p class="bad">{{since}}</p>{{/hasSince}}
        {{#hasRestated}}<a href="{{detailHref}}">{{frame.t.exportDetails}}</a>{{/hasRestated}}{{^hasRestated}}{{#hasSince}}<a href="{{detailHref}}">{{frame.t.exportDetails}}</a>{{/hasSince}}{{/hasRestated}}</td>
        <td><code>{{hash}}</code></td><td>{{#downloads}}<a href="{{href}}">{{label}}</a> {{/downloads}}</td>
        """#

    /// One month's issues, newest first, each with the figures it restated and those changed since.
    static let exportMonth = #"""
        {{<layout}}{{$content}}
        <p><a href="{{backHref}}" id="all-exports">‹ {{frame.t.exports}}</a></p>
        {{#empty}}<p>{{emptyText}}</p>{{/empty}}
        {{#rows}}<section class="issue" data-hash="{{hash}}">
        <h2>{{frame.t.asOfExport}} {{asOf}} · {{frame.t.issuedAt}} {{issuedAt}}</h2>
        <p class="{{#complete}}ok{{/complete}}{{^complete}}bad{{/complete}}">{{completeLabel}}{{^complete}}<br><small>{{frame.t.incompleteOffices}}: {{{incompleteHTML}}}</small>{{/complete}}</p>
        <p>{{frame.t.hash}} <code>{{hash}}</code> · {{frame.t.download}}: {{#downloads}}<a href="{{href}}">{{label}}</a> {{/downloads}}</p>
        {{#hasRestated}}<p>{{restated}}</p>{{{restatedChangesHTML}}}{{/hasRestated}}
        {{#hasSince}}<p class="bad">{{since}}</p>{{{sinceChangesHTML}}}{{/hasSince}}
        </section>{{/rows}}
        {{/content}}{{/layout}}
        """#

    static let problems = #"""
        {{<layout}}{{$content}}
        {{#empty}}<p>{{frame.t.noProblems}}</p>{{/empty}}
        {{#hasRestatements}}<h2>{{frame.t.lateRestatements}}</h2>
        <table class="list" id="restatements"><thead><tr><th>{{frame.t.month}}</th><th>{{frame.t.issuedAt}}</th><th>{{frame.t.whatToDo}}</th></tr></thead><tbody>
        {{#restatements}}<tr><td>{{month}}</td><td>{{issuedAt}}</td><td class="detail"><p class="bad">{{summary}}</p><ul class="changes">{{{changesHTML}}}</ul></td></tr>{{/restatements}}
        </tbody></table>{{/hasRestatements}}
        {{#groups}}<h2>{{frame.t.openFlags}}: {{kindLabel}}</h2><p class="todo">{{frame.t.whatToDo}}: {{todo}}</p>
        <table class="list"><tbody>{{#flags}}<tr><td><a href="{{href}}">{{branch}}</a></td><td>{{seq}}</td><td>{{detail}}</td><td>{{at}}</td></tr>{{/flags}}</tbody></table>{{/groups}}
        {{#hasKeys}}<h2>{{frame.t.pendingKeys}}</h2><p class="todo">{{frame.t.whatToDo}}: {{todoKey}}</p>
        <table class="list"><thead><tr><th>{{frame.t.fingerprint}}</th><th class="n">{{frame.t.attempts}}</th><th>{{frame.t.from}}</th><th>{{frame.t.lastHeard}}</th></tr></thead><tbody>
        {{#keys}}<tr><td><code>{{fingerprint}}</code></td><td class="n">{{attempts}}</td><td>{{from}}</td><td>{{lastSeen}}</td></tr>{{/keys}}</tbody></table>{{/hasKeys}}
        {{/content}}{{/layout}}
        """#

    static let health = #"""
        {{<layout}}{{$content}}
        <table class="totals" id="health"><tbody>
        <tr><th>{{frame.t.serveHeartbeat}}</th><td id="serve-heartbeat">{{serveBeat}}</td></tr>
        <tr><th>{{frame.t.serveState}}</th><td id="serve-state" class="{{#serveAlive}}ok{{/serveAlive}}{{^serveAlive}}bad{{/serveAlive}}">{{serveState}}</td></tr>
        <tr><th>{{frame.t.serveStarted}}</th><td>{{serveStarted}}</td></tr>
        <tr><th>{{frame.t.entriesHeld}}</th><td>{{entries}}</td></tr>
        <tr><th>{{frame.t.batchesHour}}</th><td>{{batchesLastHour}}</td></tr>
        <tr><th>{{frame.t.batchesDay}}</th><td>{{batchesLastDay}}</td></tr>
        <tr><th>{{frame.t.lastIngest}}</th><td>{{lastIngest}}</td></tr>
        <tr><th>{{frame.t.lastContact}}</th><td>{{lastContact}}</td></tr>
        <tr><th>{{frame.t.dbSize}}</th><td>{{databaseSize}}</td></tr>
        <tr><th>{{frame.t.webStarted}}</th><td>{{webStarted}}</td></tr>
        </tbody></table>
        <h2>{{frame.t.refusals}}</h2>
        <table class="list"><tbody>{{#refusals}}<tr><td>{{label}}</td><td class="n">{{count}}</td></tr>{{/refusals}}</tbody></table>
        <h2>{{frame.t.openFlagsByKind}}</h2>
        <table class="list"><tbody>{{#flags}}<tr><td>{{label}}</td><td class="n">{{count}}</td></tr>{{/flags}}</tbody></table>
        {{/content}}{{/layout}}
        """#

    static let error = #"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{{status}}</title><link rel="stylesheet" href="/style.css"></head>
        <body class="login"><main><h1>{{status}}</h1><p>{{message}}</p><p><a href="/">←</a></p></main></body></html>
        """#
}
