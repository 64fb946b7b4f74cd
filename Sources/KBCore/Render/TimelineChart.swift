/// An incident timeline on a time axis: phases as bars (detection → response → escalation → mitigation →
/// resolution), events as numbered markers listed under the chart, and shaded intervals (waits, business hours,
/// impact), with a legend. Times show in UTC or a given offset.
public struct TimelineChart: Sendable {
    /// Something that happened at an instant; `category` (e.g. `escalation`) picks its colour and legend entry.
    public struct Event: Sendable, Hashable {
        /// When it happened.
        public var at: Timestamp
        public var label: String
        public var category: String

        public init(at: Timestamp, label: String, category: String) {
            self.at = at
            self.label = label
            self.category = category
        }
    }

    /// A named stretch of the incident, drawn as a bar on its own row.
    public struct Phase: Sendable, Hashable {
        public var name: String
        public var start: Timestamp
        public var end: Timestamp

        public init(name: String, start: Timestamp, end: Timestamp) {
            self.name = name
            self.start = start
            self.end = end
        }
    }

    /// How a shaded interval looks; drawn in this order, so waits stay visible over business hours.
    public enum IntervalKind: String, Sendable, Hashable, CaseIterable {
        case businessHours
        case impact
        case waitingOnCustomer
        case waitingOnVendor
    }

    /// A shaded band across the chart; `label` names it in the legend (the first label of each kind is used).
    public struct Interval: Sendable, Hashable {
        public var kind: IntervalKind
        public var start: Timestamp
        public var end: Timestamp
        public var label: String

        public init(kind: IntervalKind, start: Timestamp, end: Timestamp, label: String) {
            self.kind = kind
            self.start = start
            self.end = end
            self.label = label
        }
    }

    /// The heading, also the SVG's accessible title.
    public var title: String
    /// The left end of the axis.
    public var start: Timestamp
    /// The right end of the axis.
    public var end: Timestamp
    /// Events in any order; they are numbered in time order.
    public var events: [Event]
    /// One row each, in the given order.
    public var phases: [Phase]
    /// Shaded bands behind the rows.
    public var intervals: [Interval]
    /// Offset from UTC, in seconds, of the axis and listed times (0 shows UTC).
    public var offsetSeconds: Int
    /// The label of the events row, e.g. `Eventos`.
    public var eventsLabel: String
    /// Width in SVG user units; the height follows from the content.
    public var width: Double
    /// Whether the numbered events are listed under the chart; false when the document beside it already lists
    /// them (a review's timeline table), so no event is shown twice.
    public var listsEvents: Bool
    /// The tooltip of a marker standing for several events too close to draw apart: `{count}` events, `{first}`
    /// and `{last}` their numbers, `{start}` and `{end}` their times (e.g. "{count} eventos: {first}–{last}, …").
    public var clusterDescription: String

    public init(title: String, start: Timestamp, end: Timestamp, events: [Event] = [], phases: [Phase] = [],
                intervals: [Interval] = [], offsetSeconds: Int = 0, eventsLabel: String = "Events",
                width: Double = 960, listsEvents: Bool = true,
                clusterDescription: String = "{count} events ({first}–{last}), {start}–{end}") {
        self.title = title
        self.start = start
        self.end = end
        self.events = events
        self.phases = phases
        self.intervals = intervals
        self.offsetSeconds = offsetSeconds
        self.eventsLabel = eventsLabel
        self.width = width
        self.listsEvents = listsEvents
        self.clusterDescription = clusterDescription
    }

    /// A marker on the events row: one event (labelled with its number) or a run of consecutive events too close
    /// to draw apart (labelled `first–last`), in its lane, with the box its label occupies.
    struct Marker: Equatable {
        /// Positions (0-based, time order) of the first and last event it stands for.
        var first: Int
        var last: Int
        var label: String
        var lane: Int
        /// The box in SVG units: left edge, top edge, width, height.
        var x: Double
        var y: Double
        var width: Double
        var height: Double

        var count: Int { last - first + 1 }
    }

    private static let phaseColor = "#4c6a92"
    private static let rowHeight = 26.0
    private static let laneHeight = 18.0
    private static let maximumLanes = 3
    private static let markerHeight = 15.0
    private static let markerLabelSize = 9.0
    /// Horizontal room kept between two markers of one lane.
    private static let markerGap = 3.0
    private static let listLineHeight = 18.0

    private static func style(_ kind: IntervalKind) -> (fill: String, opacity: Double) {
        switch kind {
        case .businessHours: return ("#dbeafe", 0.6)
        case .impact: return ("#fecaca", 0.55)
        case .waitingOnCustomer: return ("#fde68a", 0.6)
        case .waitingOnVendor: return ("#ddd6fe", 0.7)
        }
    }

    /// The chart as a standalone SVG document (also valid inline in HTML); its height follows the content.
    public var svg: String {
        let from = min(start.seconds, end.seconds)
        let span = max(max(start.seconds, end.seconds) - from, 60)
        let labelColumn = min(150.0, width * 0.25)
        let left = 16 + labelColumn + 8
        let right = width - 24
        func x(_ seconds: Int64) -> Double {
            left + Double(min(max(seconds - from, 0), span)) / Double(span) * (right - left)
        }

        // Number events in time order (ties keep input order); markers too close to draw apart share lanes or merge.
        let ordered = events.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }
            .map(\.element)
        let markers = Self.markers(at: ordered.map { x($0.at.seconds) }, left: left, right: right, top: 0)
        let laneCount = (markers.map(\.lane).max() ?? -1) + 1
        var categories: [String] = []
        for event in ordered where !categories.contains(event.category) { categories.append(event.category) }

        let plotTop = 44.0
        let phasesTop = plotTop + 6
        let eventsTop = phasesTop + Double(phases.count) * Self.rowHeight
        let eventsHeight = ordered.isEmpty ? 0 : Double(max(laneCount, 1)) * Self.laneHeight + 10
        let plotBottom = max(eventsTop + eventsHeight + 4, plotTop + 30)

        var writer = SVGWriter()
        writer.text(SVGWriter.truncate(title, toWidth: width - 32, size: 16), x: 16, y: 26, size: 16, bold: true)

        for kind in IntervalKind.allCases {
            let style = Self.style(kind)
            for interval in intervals where interval.kind == kind {
                let low = min(interval.start.seconds, interval.end.seconds)
                let high = max(interval.start.seconds, interval.end.seconds)
                writer.rect(x: x(low), y: plotTop, width: x(high) - x(low), height: plotBottom - plotTop,
                            fill: style.fill, extra: [("fill-opacity", SVGWriter.number(style.opacity))],
                            tooltip: "\(interval.label): \(time(low, withDate: true)) – \(time(high, withDate: true))"
                                + " (\(Self.duration(high - low)))")
            }
        }

        let ticks = axisTicks(from: from, span: span, plotWidth: right - left)
        for tick in ticks {
            writer.line(x1: x(tick), y1: plotTop, x2: x(tick), y2: plotBottom, stroke: SVGWriter.gridColor)
        }

        for (index, phase) in phases.enumerated() {
            let rowY = phasesTop + Double(index) * Self.rowHeight
            writer.text(SVGWriter.truncate(phase.name, toWidth: labelColumn, size: 12), x: 16, y: rowY + 17)
            let low = min(phase.start.seconds, phase.end.seconds)
            let high = max(phase.start.seconds, phase.end.seconds)
            let barStart = x(low)
            let barEnd = max(x(high), barStart + 2)
            let duration = Self.duration(high - low)
            writer.rect(x: barStart, y: rowY + 5, width: barEnd - barStart, height: 16, fill: Self.phaseColor,
                        extra: [("rx", "3")],
                        tooltip: "\(phase.name): \(time(low, withDate: true)) – \(time(high, withDate: true)) (\(duration))")
            let durationWidth = SVGWriter.textWidth(duration, size: 11)
            if barEnd + 6 + durationWidth <= right {
                writer.text(duration, x: barEnd + 6, y: rowY + 17, size: 11, fill: SVGWriter.mutedColor)
            } else if barStart - 6 - durationWidth >= left {
                writer.text(duration, x: barStart - 6, y: rowY + 17, size: 11, anchor: .end, fill: SVGWriter.mutedColor)
            } else {
                writer.text(duration, x: barStart + 6, y: rowY + 17, size: 11, fill: "#ffffff")
            }
        }

        if !ordered.isEmpty {
            writer.text(SVGWriter.truncate(eventsLabel, toWidth: labelColumn, size: 12), x: 16, y: eventsTop + 18)
            for marker in markers {
                let top = eventsTop + 14 - Self.markerHeight / 2 + marker.y
                let first = ordered[marker.first], last = ordered[marker.last]
                // A run of events has no one category: drawn hollow, so no legend colour claims it.
                let single = marker.count == 1
                let color = single ? ChartPalette.color(categories.firstIndex(of: first.category) ?? 0) : "#ffffff"
                let tooltip = marker.count == 1
                    ? "\(marker.first + 1). \(time(first.at.seconds, withDate: true)) — \(first.label)"
                    : Catalogue.fill(clusterDescription, [
                        "count": String(marker.count), "first": String(marker.first + 1), "last": String(marker.last + 1),
                        "start": time(first.at.seconds, withDate: true), "end": time(last.at.seconds, withDate: true),
                    ])
                writer.rect(x: marker.x, y: top, width: marker.width, height: marker.height, fill: color,
                            extra: [("rx", SVGWriter.number(marker.height / 2)),
                                    ("stroke", single ? "#ffffff" : SVGWriter.textColor), ("stroke-width", "1.5")],
                            tooltip: tooltip)
                writer.text(marker.label, x: marker.x + marker.width / 2, y: top + marker.height / 2 + 3.5,
                            size: Self.markerLabelSize, anchor: .middle, bold: true,
                            fill: single ? "#ffffff" : SVGWriter.textColor)
            }
        }

        writer.line(x1: left, y1: plotBottom, x2: right, y2: plotBottom, stroke: SVGWriter.axisColor)
        var previousDay = ""
        for tick in ticks {
            let tickX = x(tick)
            writer.line(x1: tickX, y1: plotBottom, x2: tickX, y2: plotBottom + 5, stroke: SVGWriter.axisColor)
            let stamp = Timestamp(seconds: tick).formatted(offsetSeconds: offsetSeconds)
            let day = String(stamp.prefix(10))
            writer.text(String(stamp.dropFirst(11).prefix(5)), x: tickX, y: plotBottom + 18, size: 11,
                        anchor: .middle, fill: SVGWriter.mutedColor)
            if day != previousDay {
                writer.text(day, x: tickX, y: plotBottom + 32, size: 10, anchor: .middle, fill: SVGWriter.mutedColor)
                previousDay = day
            }
        }
        writer.text(Self.offsetName(offsetSeconds), x: 16, y: plotBottom + 18, size: 11, bold: true,
                    fill: SVGWriter.mutedColor)

        var legendItems: [ChartLegend.Item] = []
        for kind in IntervalKind.allCases {
            if let first = intervals.first(where: { $0.kind == kind }) {
                let style = Self.style(kind)
                legendItems.append(ChartLegend.Item(label: first.label, color: style.fill, swatch: .square,
                                                    opacity: style.opacity))
            }
        }
        for (index, category) in categories.enumerated() {
            legendItems.append(ChartLegend.Item(label: category, color: ChartPalette.color(index), swatch: .circle))
        }
        let legend = ChartLegend(items: legendItems, maxWidth: width - 32)
        let legendTop = plotBottom + 44
        legend.draw(into: &writer, x: 16, y: legendTop)

        let listTop = legendTop + legend.height + (legend.height > 0 ? 12 : 0)
        let multiDay = Timestamp(seconds: from).day(offsetSeconds: offsetSeconds)
            != Timestamp(seconds: from + span).day(offsetSeconds: offsetSeconds)
        let timeWidth = SVGWriter.textWidth(multiDay ? "00-00 00:00" : "00:00", size: 12)
        let listed = listsEvents ? ordered : []
        for (index, event) in listed.enumerated() {
            let lineY = listTop + Double(index) * Self.listLineHeight
            let color = ChartPalette.color(categories.firstIndex(of: event.category) ?? 0)
            writer.circle(cx: 23, cy: lineY + 9, r: 7.5, fill: color)
            writer.text(String(index + 1), x: 23, y: lineY + 12.5, size: 9, anchor: .middle, bold: true,
                        fill: "#ffffff")
            writer.text(time(event.at.seconds, withDate: multiDay), x: 38, y: lineY + 13, size: 12,
                        fill: SVGWriter.mutedColor)
            let labelX = 38 + timeWidth + 10
            writer.text(SVGWriter.truncate(event.label, toWidth: width - 16 - labelX, size: 12), x: labelX,
                        y: lineY + 13, size: 12)
        }
        let height = listTop + Double(listed.count) * Self.listLineHeight + 12
        return writer.document(width: width, height: height, title: title)
    }

    /// Markers for events at `positions` (time order, so non-decreasing), none of whose boxes overlap: each goes to
    /// the lowest of `maximumLanes` lanes with room for it; when none has room, it merges with the marker before
    /// it into one marker for the run (`3–9`), centred on the run, and the layout starts again. Each merge removes
    /// a marker, so the layout settles; boxes stay between `left` and `right`.
    static func markers(at positions: [Double], left: Double, right: Double, top: Double) -> [Marker] {
        var runs = positions.indices.map { ($0, $0) }
        while true {
            var laneEnds: [Double] = []
            var placed: [Marker] = []
            var conflict: Int?
            for (index, run) in runs.enumerated() {
                let label = run.0 == run.1 ? String(run.0 + 1) : "\(run.0 + 1)–\(run.1 + 1)"
                let width = max(markerHeight, SVGWriter.textWidth(label, size: markerLabelSize) + 6)
                let center = (positions[run.0] + positions[run.1]) / 2
                let boxLeft = min(max(center - width / 2, left - markerHeight / 2), right + markerHeight / 2 - width)
                let lane = laneEnds.firstIndex { $0 + markerGap <= boxLeft }
                    ?? (laneEnds.count < maximumLanes ? laneEnds.count : nil)
                guard let lane else { conflict = index; break }
                if lane == laneEnds.count { laneEnds.append(0) }
                laneEnds[lane] = boxLeft + width
                placed.append(Marker(first: run.0, last: run.1, label: label, lane: lane, x: boxLeft,
                                     y: top + Double(lane) * laneHeight, width: width, height: markerHeight))
            }
            guard let conflict else { return placed }
            runs[conflict - 1].1 = runs[conflict].1
            runs.remove(at: conflict)
        }
    }

    /// `HH:MM` in the display offset, or `MM-DD HH:MM` with the date.
    private func time(_ seconds: Int64, withDate: Bool) -> String {
        let stamp = Timestamp(seconds: seconds).formatted(offsetSeconds: offsetSeconds)
        let clock = String(stamp.dropFirst(11).prefix(5))
        return withDate ? String(stamp.dropFirst(5).prefix(5)) + " " + clock : clock
    }

    /// Tick instants on round local times (every 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6, 12 hours, 1, 2 or 7
    /// days), as many as fit about 90 points apart.
    private func axisTicks(from: Int64, span: Int64, plotWidth: Double) -> [Int64] {
        let maximumTicks = Int64(max(2, (plotWidth / 90).rounded(.down)))
        let steps: [Int64] = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800]
        let week: Int64 = 604_800
        let step = steps.first { span / $0 <= maximumTicks } ?? week * ((span / (week * maximumTicks)) + 1)
        let offset = Int64(offsetSeconds)
        let local = from + offset
        // Round up to a multiple of the step; Swift's division truncates toward zero, which is already up for negatives.
        var tick = (local / step + (local % step > 0 ? 1 : 0)) * step - offset
        var ticks: [Int64] = []
        while tick <= from + span {
            ticks.append(tick)
            tick += step
        }
        return ticks
    }

    /// `UTC` or `UTC-03:00`.
    static func offsetName(_ offsetSeconds: Int) -> String {
        guard offsetSeconds != 0 else { return "UTC" }
        let magnitude = abs(offsetSeconds)
        let hours = magnitude / 3600, minutes = magnitude % 3600 / 60
        return "UTC" + (offsetSeconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":"
            + (minutes < 10 ? "0" : "") + String(minutes)
    }

    /// `45 min`, `2 h 05 min`, `3 d 4 h`, rounded to the minute.
    static func duration(_ seconds: Int64) -> String {
        let minutes = (max(seconds, 0) + 30) / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60, restMinutes = minutes % 60
        if hours < 24 {
            return restMinutes == 0 ? "\(hours) h" : "\(hours) h " + (restMinutes < 10 ? "0" : "") + "\(restMinutes) min"
        }
        let days = hours / 24, restHours = hours % 24
        return restHours == 0 ? "\(days) d" : "\(days) d \(restHours) h"
    }
}
