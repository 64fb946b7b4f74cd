/// Builds SVG markup with fixed number formatting and escaped text, so a chart's output is the same bytes on every run.
struct SVGWriter {
    /// Presentation attributes rather than CSS classes, so a chart looks the same standalone and inside a page
    /// that holds several charts.
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"
    static let textColor = "#1f2328"
    static let mutedColor = "#57606a"
    static let gridColor = "#e5e7eb"
    static let axisColor = "#8c959f"

    private(set) var body = ""

    /// The whole document; `title` becomes the accessible `<title>`.
    func document(width: Double, height: Double, title: String) -> String {
        let w = Self.number(width), h = Self.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
            + " role=\"img\" font-family=\"\(Self.fontFamily)\" font-size=\"12\">\n"
            + "<title>\(HTML.escape(title))</title>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
            + body + "</svg>\n"
    }

    /// An element with attributes in the given order; a tooltip becomes a child `<title>`.
    mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(HTML.escapeAttribute(value))\"" }
        if let tooltip {
            body += "><title>\(HTML.escape(tooltip))</title></\(name)>\n"
        } else {
            body += "/>\n"
        }
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       extra: [(String, String)] = [], tooltip: String? = nil) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
                         ("height", Self.number(max(height, 0))), ("fill", fill)] + extra, tooltip: tooltip)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil) {
        var attributes = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
                          ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
                         tooltip: String? = nil) {
        var attributes = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1.5")] }
        element("circle", attributes, tooltip: tooltip)
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2) {
        let list = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        element("polyline", [("points", list), ("fill", "none"), ("stroke", stroke),
                             ("stroke-width", Self.number(width)), ("stroke-linejoin", "round"),
                             ("stroke-linecap", "round")])
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ text: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
                       bold: Bool = false, fill: String = SVGWriter.textColor) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"600\"" }
        attributes += " fill=\"\(fill)\""
        body += "<text \(attributes)>\(HTML.escape(text))</text>\n"
    }

    /// Rounded to hundredths, without trailing zeros or a negative zero: `12`, `12.5`, `-0.05`.
    /// Magnitudes of 10¹⁵ and more (whose hundredths would not fit an `Int64`) use exponent notation, `1e+20`,
    /// which SVG numbers accept.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        guard value.magnitude < 1e15 else { return "\(value)" }
        let hundredths = Int64((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// An estimate of rendered text width (no font metrics are available); generous, so labels rarely collide.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// The text, cut with an ellipsis to fit `width` by `textWidth`'s estimate.
    static func truncate(_ text: String, toWidth width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        let fitting = Int(width / (size * 0.6)) - 1
        guard fitting > 0 else { return "…" }
        var kept = String(text.prefix(fitting))
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }
}
