/// A legend laid out in rows that wrap at a maximum width.
struct ChartLegend {
    enum Swatch {
        case square, circle, line, dashedLine
    }

    struct Item {
        var label: String
        var color: String
        var swatch: Swatch
        /// Fill opacity for square swatches of translucent areas.
        var opacity: Double = 1
    }

    static let rowHeight = 18.0
    private static let labelSize = 12.0
    private static let maximumLabelWidth = 260.0

    let items: [Item]
    /// Each item's offset from the legend's origin.
    let positions: [(x: Double, y: Double)]
    let height: Double

    init(items: [Item], maxWidth: Double) {
        var positions: [(x: Double, y: Double)] = []
        var x = 0.0
        var y = 0.0
        for item in items {
            let width = Self.itemWidth(item)
            if x > 0, x + width > maxWidth {
                x = 0
                y += Self.rowHeight
            }
            positions.append((x, y))
            x += width + 18
        }
        self.items = items
        self.positions = positions
        self.height = items.isEmpty ? 0 : y + Self.rowHeight
    }

    private static func itemWidth(_ item: Item) -> Double {
        20 + min(SVGWriter.textWidth(item.label, size: labelSize), maximumLabelWidth)
    }

    func draw(into writer: inout SVGWriter, x originX: Double, y originY: Double) {
        for (item, position) in zip(items, positions) {
            let x = originX + position.x
            let middle = originY + position.y + Self.rowHeight / 2
            switch item.swatch {
            case .square:
                var extra: [(String, String)] = [("stroke", SVGWriter.axisColor), ("stroke-width", "0.5")]
                if item.opacity < 1 { extra.append(("fill-opacity", SVGWriter.number(item.opacity))) }
                writer.rect(x: x, y: middle - 6, width: 12, height: 12, fill: item.color, extra: extra)
            case .circle:
                writer.circle(cx: x + 6, cy: middle, r: 5, fill: item.color)
            case .line:
                writer.line(x1: x, y1: middle, x2: x + 14, y2: middle, stroke: item.color, width: 2.5)
            case .dashedLine:
                writer.line(x1: x, y1: middle, x2: x + 14, y2: middle, stroke: item.color, width: 1.5, dash: "4 3")
            }
            writer.text(SVGWriter.truncate(item.label, toWidth: Self.maximumLabelWidth, size: Self.labelSize),
                        x: x + 20, y: middle + 4, size: Self.labelSize)
        }
    }
}
