import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KBCore

/// Hostile labels in the SVG charts: the output stays well-formed XML (checked with an XML parser), holds
/// no script, event handler or foreign content, and shows each label as text.
@Suite struct ChartEscapingTests {
    static let labels = [
        "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' onmouseover='alert(1)", "&amp; &lt; &#x3C; &",
        "]]><script>x</script>", "<!-- -->", "<?xml version=\"1.0\"?>", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[1m\u{7F}",
        "\u{FFFE}\u{FFFF}", "\u{202E}RTL override", "e\u{301}\u{301}\u{301}", "👩‍💻🇨🇱", "مرحبا", "<foreignObject>",
        "javascript:alert(1)", String(repeating: "<", count: 500), "x\ny\r\nz\tw", "",
    ]

    /// Element and attribute names the parser met, and whether the text parsed at all.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var attributes: Set<String> = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.insert(elementName.lowercased())
            attributes.formUnion(attributeDict.keys.map { $0.lowercased() })
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }

    static func check(_ svg: String, label: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML for \(String(reflecting: label)): \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements.isDisjoint(with: ["script", "foreignobject", "iframe", "a", "use", "image", "style"]),
                "\(collector.elements) for \(String(reflecting: label))")
        #expect(!collector.attributes.contains { $0.hasPrefix("on") || $0.contains("href") },
                "\(collector.attributes) for \(String(reflecting: label))")
        let lower = svg.lowercased()
        #expect(!lower.contains("<script") && !lower.contains("<foreignobject"))
    }

    @Test(arguments: labels)
    func hostileLabelsStayText(label: String) throws {
        let start = try #require(Timestamp(iso8601: "2026-03-02T09:00:00Z"))
        let end = Timestamp(seconds: start.seconds + 7_200)
        let timeline = TimelineChart(
            title: label, start: start, end: end,
            events: [TimelineChart.Event(at: Timestamp(seconds: start.seconds + 600), label: label, category: label)],
            phases: [TimelineChart.Phase(name: label, start: start, end: end)],
            intervals: TimelineChart.IntervalKind.allCases.map {
                TimelineChart.Interval(kind: $0, start: start, end: Timestamp(seconds: start.seconds + 1_800), label: label)
            },
            eventsLabel: label)
        Self.check(timeline.svg, label: label)
        let bars = BarChart(title: label, bars: [BarChart.Bar(category: label, value: 3), BarChart.Bar(category: "ok", value: .nan)],
                            target: 2, targetLabel: label, valueUnit: label)
        Self.check(bars.svg, label: label)
        let line = LineChart(title: label, categories: [label, "b", label],
                             series: [LineChart.Series(name: label, values: [1, nil, .infinity]),
                                      LineChart.Series(name: label, values: [-1e300, 2, 3])],
                             target: 1, targetLabel: label, valueUnit: label)
        Self.check(line.svg, label: label)
    }

    /// Degenerate inputs (no data, equal instants, reversed ranges, non-finite values) still give valid SVG.
    @Test func degenerateChartsStayValid() throws {
        let start = try #require(Timestamp(iso8601: "2026-03-02T09:00:00Z"))
        Self.check(TimelineChart(title: "t", start: start, end: start).svg, label: "equal")
        Self.check(TimelineChart(title: "t", start: start, end: Timestamp(seconds: start.seconds - 60),
                                 events: [TimelineChart.Event(at: Timestamp(seconds: 0), label: "x", category: "y")]).svg, label: "reversed")
        Self.check(BarChart(title: "b", bars: []).svg, label: "no bars")
        Self.check(BarChart(title: "b", bars: [BarChart.Bar(category: "x", value: -.infinity)], target: .nan).svg, label: "inf")
        Self.check(LineChart(title: "l", categories: [], series: []).svg, label: "empty")
        Self.check(LineChart(title: "l", categories: ["a"], series: [LineChart.Series(name: "s", values: [nil])]).svg, label: "nil")
        // Values near Double's limits: their range overflows to infinity unless the axis clamps them.
        let extremes = [-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude]
        Self.check(BarChart(title: "b", bars: extremes.map { BarChart.Bar(category: "x", value: $0) }, target: 1e308).svg,
                   label: "extremes")
        Self.check(LineChart(title: "l", categories: ["a", "b"], series: [LineChart.Series(name: "s", values: extremes)],
                             includesZero: false).svg, label: "extremes")
        Self.check(LineChart(title: "l", categories: ["a", "b"], series: [LineChart.Series(name: "s", values: [1e17, 1e17 + 16])],
                             includesZero: false).svg, label: "close huge values")
    }
}
