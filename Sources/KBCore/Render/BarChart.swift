/// A vertical bar chart of one value per category (e.g. incidents per month), with an optional dashed target line.
public struct BarChart: Sendable {
    /// One category and its value.
    public struct Bar: Sendable, Hashable {
        /// The label under the bar.
        public var category: String
        /// The bar's height in axis units; non-finite values are skipped.
        public var value: Double

        public init(category: String, value: Double) {
            self.category = category
            self.value = value
        }
    }

    /// The heading, also the SVG's accessible title.
    public var title: String
    /// Bars in display order.
    public var bars: [Bar]
    /// A reference value drawn as a dashed line (e.g. an SLA compliance goal).
    public var target: Double?
    /// Shown before the target's value, e.g. `Meta`.
    public var targetLabel: String?
    /// Appended to value labels and axis ticks, e.g. `%` or ` h`.
    public var valueUnit: String
    /// Size in SVG user units (pixels when shown at 100%).
    public var width: Double
    public var height: Double

    public init(title: String, bars: [Bar], target: Double? = nil, targetLabel: String? = nil,
                valueUnit: String = "", width: Double = 640, height: Double = 320) {
        self.title = title
        self.bars = bars
        self.target = target
        self.targetLabel = targetLabel
        self.valueUnit = valueUnit
        self.width = width
        self.height = height
    }

    /// The chart as a standalone SVG document (also valid inline in HTML).
    public var svg: String {
        let values = bars.map(\.value).filter(\.isFinite) + (target.map { [$0] } ?? [])
        let axis = ChartValueAxis(values: values, includeZero: true)
        let left = 16 + axis.labelWidth(unit: valueUnit, size: 11) + 8
        let right = width - 16
        let legend = ChartLegend(items: target.flatMap { $0.isFinite ? [
            ChartValueAxis.targetLegendItem($0, label: targetLabel, unit: valueUnit),
        ] : nil } ?? [], maxWidth: width - 32)
        let legendTop = 38.0
        let top = legend.height > 0 ? legendTop + legend.height + 14 : 52
        let bottom = max(height - 40, top + 40)
        var writer = SVGWriter()
        writer.text(SVGWriter.truncate(title, toWidth: width - 32, size: 15), x: 16, y: 26, size: 15, bold: true)
        legend.draw(into: &writer, x: 16, y: legendTop)
        axis.draw(into: &writer, left: left, right: right, top: top, bottom: bottom, unit: valueUnit)

        let slot = bars.isEmpty ? 0 : (right - left) / Double(bars.count)
        let barWidth = min(slot * 0.64, 64)
        let zero = axis.y(0, top: top, bottom: bottom)
        let showValues = slot >= SVGWriter.textWidth("0000", size: 10)
        for (index, bar) in bars.enumerated() where bar.value.isFinite {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let y = axis.y(bar.value, top: top, bottom: bottom)
            let tooltip = bar.category + ": " + ChartValueAxis.label(bar.value, unit: valueUnit)
            writer.rect(x: x, y: min(y, zero), width: barWidth, height: abs(zero - y), fill: ChartPalette.color(0),
                        tooltip: tooltip)
            if showValues {
                writer.text(ChartValueAxis.label(bar.value, unit: valueUnit), x: x + barWidth / 2,
                            y: bar.value >= 0 ? y - 5 : y + 13, size: 10, anchor: .middle)
            }
        }
        if let target, target.isFinite {
            axis.drawTarget(target, into: &writer, left: left, right: right, top: top, bottom: bottom)
        }
        ChartCategoryAxis.draw(bars.map(\.category), into: &writer, left: left, slotWidth: slot, y: bottom + 18)
        return writer.document(width: width, height: height, title: title)
    }
}
