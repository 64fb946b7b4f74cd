import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The timeline's event markers, judged on the SVG drawn: no two markers' boxes overlap, every box stays inside
/// the chart, and every event is on exactly one marker (its own number or a `first–last` run) — whatever the
/// shape of the timeline: bursts, one instant, a busy morning on a two-day axis, random spreads.
@Suite struct TimelineMarkerLayoutTests {
    /// A marker box read back from the SVG: `rx` equal to half its height marks the event markers (phase bars
    /// have `rx="3"`).
    struct Box {
        var x, y, width, height: Double
        var label: String

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    static func attribute(_ name: String, in element: Substring) -> Double? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        return Double(element[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The markers of `svg`, each with the label text drawn on it.
    static func markerBoxes(in svg: String) -> [Box] {
        var boxes: [Box] = []
        var rest = svg[...]
        while let open = rest.range(of: "<rect ") {
            let element = rest[open.lowerBound...].prefix { $0 != ">" }
            rest = rest[open.upperBound...]
            guard let height = attribute("height", in: element), let radius = attribute("rx", in: element),
                  abs(radius - height / 2) < 0.01, let x = attribute("x", in: element), let y = attribute("y", in: element),
                  let width = attribute("width", in: element),
                  let text = rest.range(of: "<text "), let textEnd = rest[text.upperBound...].range(of: "</text>"),
                  let labelStart = rest[text.upperBound..<textEnd.lowerBound].range(of: ">")
            else { continue }
            boxes.append(Box(x: x, y: y, width: width, height: height,
                             label: String(rest[labelStart.upperBound..<textEnd.lowerBound])))
        }
        return boxes
    }

    static let start = Timestamp(iso8601: "2026-03-02T00:00:00Z")!

    /// A chart over two days whose events happen at the given minutes after its start.
    static func chart(minutes: [Double], width: Double = 960) -> TimelineChart {
        let events = minutes.enumerated().map { index, minute in
            TimelineChart.Event(at: Timestamp(seconds: start.seconds + Int64(minute * 60)), label: "Evento \(index + 1)",
                                category: ["a", "b", "c", "d"][index % 4])
        }
        return TimelineChart(title: "T-1", start: start, end: Timestamp(seconds: start.seconds + 2 * 86_400),
                             events: events, width: width, listsEvents: false)
    }

    /// Timelines of many shapes, by name.
    static var shapes: [(String, [Double])] {
        var random = SeededGenerator(seed: 18)
        var shapes: [(String, [Double])] = [
            ("one event", [600]),
            ("two at one instant", [600, 600]),
            ("forty at one instant", Array(repeating: 600, count: 40)),
            ("29 in the first 5 hours", (0..<29).map { 420 + Double($0) * 300 / 28 }),
            ("29 in 5 hours, then 3 late", (0..<29).map { 420 + Double($0) * 300 / 28 } + [1900, 2500, 2870]),
            ("burst at the left edge", (0..<20).map { Double($0) }),
            ("burst at the right edge", (0..<20).map { 2880 - Double($0) }.reversed()),
            ("evenly over two days", (0..<48).map { Double($0) * 60 }),
            ("two bursts", (0..<15).map { 100 + Double($0) } + (0..<15).map { 2000 + Double($0) * 2 }),
            ("120 events in an hour", (0..<120).map { 300 + Double($0) / 2 }),
        ]
        for trial in 0..<20 {
            let count = Int.random(in: 1...80, using: &random)
            let center = Double.random(in: 0...2880, using: &random)
            let spread = Double.random(in: 0...1500, using: &random)
            let minutes = (0..<count).map { _ in min(max(center + Double.random(in: -spread...spread, using: &random), 0), 2880) }
            shapes.append(("random \(trial)", minutes.sorted()))
        }
        return shapes
    }

    @Test func markersNeverOverlapAndCoverEveryEventOnce() throws {
        for (name, minutes) in Self.shapes {
            for width in [960.0, 480.0] {
                let chart = Self.chart(minutes: minutes, width: width)
                let boxes = Self.markerBoxes(in: chart.svg)
                #expect(!boxes.isEmpty, "\(name)")
                for (index, box) in boxes.enumerated() {
                    #expect(box.x >= 0 && box.x + box.width <= width, "\(name) at \(width): \(box.label) leaves the chart")
                    for other in boxes[(index + 1)...] where box.overlaps(other) {
                        Issue.record("\(name) at \(width): markers \(box.label) and \(other.label) overlap")
                    }
                }
                var covered: [Int] = []
                for box in boxes {
                    let ends = box.label.split(separator: "–").compactMap { Int($0) }
                    try #require(ends.count == 1 || ends.count == 2, "\(name): label \(box.label)")
                    covered += Array(ends[0]...(ends.last ?? ends[0]))
                }
                #expect(covered.sorted() == Array(1...minutes.count), "\(name) at \(width)")
            }
        }
    }

    /// Markers far enough apart keep their own numbers: runs are made only where events would collide.
    @Test func eventsWithRoomKeepTheirOwnMarkers() {
        let boxes = Self.markerBoxes(in: Self.chart(minutes: (0..<10).map { Double($0) * 280 }).svg)
        #expect(boxes.map(\.label) == (1...10).map(String.init))
    }

    /// A run's marker says how many events it stands for and when, in the chart's words.
    @Test func aRunSaysHowManyEventsAndWhen() {
        var chart = Self.chart(minutes: Array(repeating: 600, count: 12))
        chart.clusterDescription = "{count} eventos ({first}–{last}), {start}–{end}"
        // Three lanes hold the first events at that instant; the rest share the third lane's marker.
        #expect(chart.svg.contains("<title>10 eventos (3–12), 03-02 10:00–03-02 10:00</title>"))
    }
}
