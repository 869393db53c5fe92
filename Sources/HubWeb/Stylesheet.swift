/// The dashboard's one stylesheet, compiled in. System fonts only (Noto CJK on Debian):
/// nothing loads from outside the hub.
enum Stylesheet {
    static let css = #"""
        :root { --ink: #1d2733; --muted: #5b6776; --line: #d8dee6; --bg: #f5f7fa; --accent: #1f5fa8;
          --current: #2e8b57; --behind: #d49b1c; --silent: #8a94a3; --flagged: #c8382e; --revoked: #4b5563;
          --late: #d97a1c; --missing: #c8382e; --none: #e5e9ef; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; padding: 8px 20px; background: #17324f; color: #fff; }
        header a { color: #dce8f5; text-decoration: none; }
        .brand { font-weight: 700; font-size: 16px; margin-right: 8px; }
        nav { display: flex; gap: 4px; flex-wrap: wrap; }
        nav a { padding: 4px 10px; border-radius: 4px; }
        nav a.current { background: #2d5a87; color: #fff; }
        .who { margin-left: auto; display: flex; gap: 6px; align-items: center; color: #c6d4e3; }
        .who form { display: inline; margin: 0; }
        .who button { font: inherit; background: none; border: 1px solid #6f8cab; color: #dce8f5; border-radius: 4px; padding: 1px 8px; cursor: pointer; }
        main { max-width: 1180px; margin: 0 auto; padding: 12px 20px 40px; }
        h1 { font-size: 22px; margin: 8px 0 0; }
        h2 { font-size: 17px; margin: 22px 0 8px; }
        h3 { font-size: 14px; margin: 12px 0 4px; color: var(--muted); }
        .asof { color: var(--muted); margin: 2px 0 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 110px; color: inherit; text-decoration: none; border-top-width: 4px; }
        .card .big { font-size: 24px; font-weight: 700; }
        a.card:hover { border-color: var(--accent); }
        table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); width: 100%; }
        th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: #eef2f6; font-weight: 600; }
        thead th a { color: inherit; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        table.totals th { width: 200px; background: #f7f9fb; }
        table.inventory tbody th { background: #f7f9fb; width: 200px; }
        table.inventory td { font-size: 16px; }
        .cards + table, .cards + p { margin-top: 12px; }
        p.legend { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin-left: 8px; border-radius: 2px; }
        .swatch.m-on-time { background: var(--current); } .swatch.m-late { background: var(--late); } .swatch.m-reported { background: var(--accent); }
        .swatch.m-not-reported { background: var(--missing); } .swatch.m-not-expected { background: var(--none); }
        table.totals td { white-space: nowrap; }
        .figure { font-weight: 700; font-variant-numeric: tabular-nums; }
        small { color: var(--muted); }
        td.ok { color: var(--current); font-weight: 600; } td.bad, p.bad { color: var(--flagged); font-weight: 600; }
        ul.changes { margin: 2px 0; padding-left: 18px; font-size: 12px; }
        nav.pager { margin: 8px 0; font-size: 14px; } nav.pager a, nav.pager strong { margin-right: 6px; } nav.pager span { margin-right: 12px; color: #555; }
        section.issue { margin-top: 18px; } table.changes td, table.changes th { font-size: 13px; }
        td.detail { color: var(--muted); max-width: 420px; }
        .tag { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 12px; }
        .s-current { border-top-color: var(--current); } .tag.s-current, rect.s-current { background: var(--current); fill: var(--current); }
        .s-behind { border-top-color: var(--behind); } .tag.s-behind, rect.s-behind { background: var(--behind); fill: var(--behind); }
        .s-silent { border-top-color: var(--silent); } .tag.s-silent, rect.s-silent { background: var(--silent); fill: var(--silent); }
        .s-flagged { border-top-color: var(--flagged); } .tag.s-flagged, rect.s-flagged { background: var(--flagged); fill: var(--flagged); }
        .s-revoked { border-top-color: var(--revoked); } .tag.s-revoked, rect.s-revoked { background: var(--revoked); fill: var(--revoked); }
        .m-on-time { border-top-color: var(--current); } .tag.m-on-time, rect.m-on-time { background: var(--current); fill: var(--current); }
        .m-late { border-top-color: var(--late); } .tag.m-late, rect.m-late { background: var(--late); fill: var(--late); }
        .m-reported { border-top-color: var(--accent); } .tag.m-reported, rect.m-reported { background: var(--accent); fill: var(--accent); }
        .m-not-reported { border-top-color: var(--missing); } .tag.m-not-reported, rect.m-not-reported { background: var(--missing); fill: var(--missing); }
        .tag.m-not-expected { background: none; color: var(--muted); } rect.m-not-expected { fill: var(--none); }
        rect.in { fill: #2e7bc4; } rect.out { fill: #e08a2c; }
        .chart, .charts figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 8px 0; overflow-x: auto; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 10px; }
        .charts figure { margin: 0; } figcaption { font-weight: 600; }
        svg.svg-chart { max-width: 100%; height: auto; font: 11px "Noto Sans CJK SC", sans-serif; }
        svg text.axis, svg text.legend { fill: var(--muted); } svg text.inbar { fill: #fff; font-weight: 700; }
        svg line.zero { stroke: var(--line); }
        .filters a { margin-right: 6px; } .filters a.current { font-weight: 700; color: var(--ink); }
        .unknown { color: var(--flagged); font-weight: 600; }
        .todo { background: #fff8e6; border-left: 4px solid var(--behind); padding: 6px 10px; }
        .error { color: var(--flagged); font-weight: 600; }
        a { color: var(--accent); }
        code { font-size: 12px; word-break: break-all; }
        body.login main { max-width: 380px; margin-top: 80px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 24px; }
        body.login label { display: block; margin: 12px 0; }
        body.login input { display: block; width: 100%; padding: 6px 8px; font: inherit; border: 1px solid var(--line); border-radius: 4px; }
        body.login button { font: inherit; padding: 6px 18px; background: var(--accent); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        """#
}
