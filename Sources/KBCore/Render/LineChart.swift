/// Lines of values over shared categories (e.g. weekly median resolution time per severity), with a legend and an
/// optional dashed target line; a missing value breaks its line.
public struct LineChart: Sendable {
    /// One line: a value (or nil) per category, in category order.
    public struct Series: Sendable, Hashable {
        /// The legend label.
        public var name: String
        /// One value per category; nil leaves a gap.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// The heading, also the SVG's accessible title.
    public var title: String
    /// The x-axis labels, left to right.
    public var categories: [String]
    /// The lines, coloured in order.
    public var series: [Series]
    /// A reference value drawn as a dashed line.
    public var target: Double?
    /// Shown before the target's value, e.g. `Meta`.
    public var targetLabel: String?
    /// Appended to axis ticks and tooltips, e.g. `%` or ` h`.
    public var valueUnit: String
    /// Whether the value axis starts at zero even when every value is far from it.
    public var includesZero: Bool
    /// Size in SVG user units (pixels when shown at 100%).
    public var width: Double
    public var height: Double

    public init(title: String, categories: [String], series: [Series], target: Double? = nil,
                targetLabel: String? = nil, valueUnit: String = "", includesZero: Bool = true,
                width: Double = 640, height: Double = 320) {
        self.title = title
        self.categories = categories
        self.series = series
        self.target = target
        self.targetLabel = targetLabel
        self.valueUnit = valueUnit
        self.includesZero = includesZero
        self.width = width
        self.height = height
    }

    /// The chart as a standalone SVG document (also valid inline in HTML).
    public var svg: String {
        var legendItems = series.enumerated().map { index, line in
            ChartLegend.Item(label: line.name, color: ChartPalette.color(index), swatch: .line)
        }
        if let target, target.isFinite {
            legendItems.append(ChartValueAxis.targetLegendItem(target, label: targetLabel, unit: valueUnit))
        }
        let legend = ChartLegend(items: legendItems, maxWidth: width - 32)
        let values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite) + (target.map { [$0] } ?? [])
        let axis = ChartValueAxis(values: values, includeZero: includesZero)
        let left = 16 + axis.labelWidth(unit: valueUnit, size: 11) + 8
        let right = width - 16
        let legendTop = 38.0
        let top = legendTop + legend.height + 14
        let bottom = max(height - 40, top + 40)
        var writer = SVGWriter()
        writer.text(SVGWriter.truncate(title, toWidth: width - 32, size: 15), x: 16, y: 26, size: 15, bold: true)
        legend.draw(into: &writer, x: 16, y: legendTop)
        axis.draw(into: &writer, left: left, right: right, top: top, bottom: bottom, unit: valueUnit)
        if let target, target.isFinite {
            axis.drawTarget(target, into: &writer, left: left, right: right, top: top, bottom: bottom)
        }

        let slot = categories.isEmpty ? 0 : (right - left) / Double(categories.count)
        for (seriesIndex, line) in series.enumerated() {
            let color = ChartPalette.color(seriesIndex)
            var segment: [(x: Double, y: Double)] = []
            var markers: [(x: Double, y: Double, tooltip: String)] = []
            for (index, value) in line.values.prefix(categories.count).enumerated() {
                guard let value, value.isFinite else {
                    if segment.count > 1 { writer.polyline(segment, stroke: color) }
                    segment = []
                    continue
                }
                let point = (x: left + slot * (Double(index) + 0.5), y: axis.y(value, top: top, bottom: bottom))
                segment.append(point)
                markers.append((point.x, point.y,
                                "\(line.name) — \(categories[index]): \(ChartValueAxis.label(value, unit: valueUnit))"))
            }
            if segment.count > 1 { writer.polyline(segment, stroke: color) }
            for marker in markers {
                writer.circle(cx: marker.x, cy: marker.y, r: 3.5, fill: color, stroke: "#ffffff", tooltip: marker.tooltip)
            }
        }
        ChartCategoryAxis.draw(categories, into: &writer, left: left, slotWidth: slot, y: bottom + 18)
        return writer.document(width: width, height: height, title: title)
    }
}
