/// Series colours for charts: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
enum ChartPalette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#4D4D4D"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
