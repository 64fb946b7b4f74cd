import Foundation

/// A value scale rounded to "nice" steps (1, 2, 2.5 or 5 × 10ⁿ) and its drawing as grid lines with labels.
struct ChartValueAxis {
    let minimum: Double
    let maximum: Double
    let step: Double

    /// A scale covering `values` (and zero when `includeZero`), with about `targetTicks` intervals.
    init(values: [Double], includeZero: Bool, targetTicks: Int = 5) {
        // Clamped so that the range (high - low) stays finite even for values near Double's limits.
        let finite = values.filter(\.isFinite).map { min(max($0, -Self.largestValue), Self.largestValue) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 0
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // A flat series still needs a visible range around it.
            let pad = high == 0 ? 1 : abs(high) * 0.5
            if includeZero && low >= 0 { high += pad } else if includeZero { low -= pad } else {
                low -= pad
                high += pad
            }
        }
        let step = Self.niceStep((high - low) / Double(max(targetTicks, 1)))
        self.step = step
        self.minimum = (low / step).rounded(.down) * step
        self.maximum = (high / step).rounded(.up) * step
    }

    /// Values beyond ±10³⁰⁰ are drawn as ±10³⁰⁰.
    static let largestValue = 1e300

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let base = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / base
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * base
    }

    /// Tick values from minimum to maximum, computed by index so floating-point drift cannot add or drop one.
    var ticks: [Double] {
        let count = Int(((maximum - minimum) / step).rounded())
        return (0...max(count, 0)).map { minimum + Double($0) * step }
    }

    /// The y coordinate of a value in a plot spanning `top` (maximum) to `bottom` (minimum).
    func y(_ value: Double, top: Double, bottom: Double) -> Double {
        bottom - (value - minimum) / (maximum - minimum) * (bottom - top)
    }

    /// The label of a value with a unit suffix.
    static func label(_ value: Double, unit: String) -> String {
        SVGWriter.number(value) + unit
    }

    /// The widest tick label, for the left margin.
    func labelWidth(unit: String, size: Double) -> Double {
        ticks.map { SVGWriter.textWidth(Self.label($0, unit: unit), size: size) }.max() ?? 0
    }

    /// Grid lines with labels left of `left`, and a darker line at zero.
    func draw(into writer: inout SVGWriter, left: Double, right: Double, top: Double, bottom: Double, unit: String) {
        for tick in ticks {
            let y = self.y(tick, top: top, bottom: bottom)
            writer.line(x1: left, y1: y, x2: right, y2: y, stroke: SVGWriter.gridColor)
            writer.text(Self.label(tick, unit: unit), x: left - 6, y: y + 4, size: 11, anchor: .end,
                        fill: SVGWriter.mutedColor)
        }
        let zero = minimum <= 0 && maximum >= 0 ? y(0, top: top, bottom: bottom) : bottom
        writer.line(x1: left, y1: zero, x2: right, y2: zero, stroke: SVGWriter.axisColor)
    }

    /// A dashed horizontal target line; its value is named in the legend (see `targetLegendItem`), since a label on
    /// the line would collide with bars and points.
    func drawTarget(_ target: Double, into writer: inout SVGWriter, left: Double, right: Double, top: Double,
                    bottom: Double) {
        let y = self.y(target, top: top, bottom: bottom)
        writer.line(x1: left, y1: y, x2: right, y2: y, stroke: Self.targetColor, width: 1.5, dash: "6 4")
    }

    static let targetColor = ChartPalette.color(3)

    /// The legend entry of a target line, e.g. `Meta: 95%`.
    static func targetLegendItem(_ target: Double, label: String?, unit: String) -> ChartLegend.Item {
        ChartLegend.Item(label: (label.map { $0 + ": " } ?? "") + Self.label(target, unit: unit), color: targetColor,
                         swatch: .dashedLine)
    }
}
