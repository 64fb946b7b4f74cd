/// Category labels along the bottom of a chart, thinned out when there are too many to fit side by side.
enum ChartCategoryAxis {
    static let labelSize = 11.0

    /// Shows every `stride`-th label so neighbouring labels of at least a few characters do not overlap.
    static func labelStride(count: Int, slotWidth: Double) -> Int {
        guard count > 0, slotWidth > 0 else { return 1 }
        let minimumWidth = SVGWriter.textWidth("00000", size: labelSize)
        return max(1, Int((minimumWidth / slotWidth).rounded(.up)))
    }

    static func draw(_ categories: [String], into writer: inout SVGWriter, left: Double, slotWidth: Double,
                     y: Double) {
        let stride = labelStride(count: categories.count, slotWidth: slotWidth)
        let room = slotWidth * Double(stride) - 4
        for (index, category) in categories.enumerated() where index % stride == 0 {
            writer.text(SVGWriter.truncate(category, toWidth: room, size: labelSize),
                        x: left + slotWidth * (Double(index) + 0.5), y: y, size: labelSize, anchor: .middle,
                        fill: SVGWriter.mutedColor)
        }
    }
}
