import HubWeb
import XCTest

/// The SVG writer's output, golden: any change to a chart's text is a deliberate one.
final class SVGChartTests: XCTestCase {
    func testStackedBarIsAPartitionOfItsTotal() {
        let svg = SVGChart.stackedBar(parts: [(.init(label: "正常", cssClass: "s-current"), 3), (.init(label: "失联", cssClass: "s-silent"), 1),
                                              (.init(label: "已撤销", cssClass: "s-revoked"), 0)],
                                      title: "已登记 <4>", width: 400, height: 56)
        XCTAssertEqual(svg, """
            <svg xmlns="http://www.w3.org/2000/svg" class="svg-chart" role="img" viewBox="0 0 400 56" width="400" height="56"><title>已登记 &lt;4&gt;</title>\
            <rect class="s-current" x="0" y="0" width="300" height="28"><title>正常: 3</title></rect><text class="inbar" x="150" y="19" text-anchor="middle">3</text>\
            <rect class="s-silent" x="300" y="0" width="100" height="28"><title>失联: 1</title></rect><text class="inbar" x="350" y="19" text-anchor="middle">1</text>\
            <rect class="s-current" x="0" y="41" width="10" height="10"/><text class="legend" x="14" y="50">正常</text>\
            <rect class="s-silent" x="52" y="41" width="10" height="10"/><text class="legend" x="66" y="50">失联</text>\
            <rect class="s-revoked" x="104" y="41" width="10" height="10"/><text class="legend" x="118" y="50">已撤销</text></svg>
            """)
    }

    func testBars() {
        let svg = SVGChart.bars(categories: ["09", "10"], series: [.init(label: "in", cssClass: "in"), .init(label: "out", cssClass: "out")],
                                values: [[10, 5], [0, 20]], title: "cards", width: 200, height: 120)
        XCTAssertEqual(svg, """
            <svg xmlns="http://www.w3.org/2000/svg" class="svg-chart" role="img" viewBox="0 0 200 120" width="200" height="120"><title>cards</title>\
            <text class="axis" x="44" y="20" text-anchor="end">20</text><text class="axis" x="44" y="84" text-anchor="end">0</text>\
            <line class="zero" x1="48" y1="84" x2="192" y2="84"/>\
            <rect class="in" x="56" y="50" width="28" height="34"><title>09 in: 10</title></rect>\
            <rect class="out" x="84" y="67" width="28" height="17"><title>09 out: 5</title></rect>\
            <text class="axis" x="84" y="98" text-anchor="middle">09</text>\
            <rect class="in" x="128" y="84" width="28" height="0"><title>10 in: 0</title></rect>\
            <rect class="out" x="156" y="16" width="28" height="68"><title>10 out: 20</title></rect>\
            <text class="axis" x="156" y="98" text-anchor="middle">10</text>\
            <rect class="in" x="48" y="105" width="10" height="10"/><text class="legend" x="62" y="114">in</text>\
            <rect class="out" x="88" y="105" width="10" height="10"/><text class="legend" x="102" y="114">out</text></svg>
            """)
    }

    func testGrid() {
        let svg = SVGChart.grid(rows: ["a&b"], columns: ["09", "10"],
                                cells: [["m-on-time", "m-late"]], title: "grid")
        XCTAssertEqual(svg, """
            <svg xmlns="http://www.w3.org/2000/svg" class="svg-chart" role="img" viewBox="0 0 160 44" width="160" height="44"><title>grid</title>\
            <text class="axis" x="129" y="14" text-anchor="middle">09</text><text class="axis" x="147" y="14" text-anchor="middle">10</text>\
            <text class="axis" x="114" y="35" text-anchor="end">a&amp;b</text>\
            <rect class="cell m-on-time" x="120" y="22" width="16" height="16"/>\
            <rect class="cell m-late" x="138" y="22" width="16" height="16"/></svg>
            """)
    }
}
