/// A self-contained HTML5 page built from escaped text and trusted fragments: inline CSS, no scripts, no
/// external resources, and XHTML-compatible markup (every element closed) so XML tools can read it.
///
/// Text arguments are escaped; only `appendTrustedHTML`, `appendFigure(svg:)` and the stylesheet take markup,
/// meant for output of `MarkdownRenderer`, the chart types and this module.
public struct HTMLDocument: Sendable {
    /// The page title, escaped into `<title>`.
    public var title: String
    /// The `lang` attribute, e.g. `es` or `en`.
    public var language: String
    /// CSS placed in the page's `<style>` element.
    public var stylesheet: String
    /// The markup appended so far, placed inside `<main>`.
    public private(set) var body = ""

    public init(title: String, language: String = "es", stylesheet: String = HTMLDocument.defaultStylesheet) {
        self.title = title
        self.language = language
        self.stylesheet = stylesheet
    }

    /// Appends `<hN>` (level clamped to 1–6), with an `id` when given.
    public mutating func appendHeading(_ text: String, level: Int = 1, id: String? = nil) {
        let level = min(max(level, 1), 6)
        body += "<h\(level)\(Self.attribute("id", id))>\(HTML.escape(text))</h\(level)>\n"
    }

    /// Appends a paragraph of text, with a CSS class when given (the stylesheet styles `note`, `warning` and `meta`).
    public mutating func appendParagraph(_ text: String, className: String? = nil) {
        body += "<p\(Self.attribute("class", className))>\(HTML.escape(text))</p>\n"
    }

    /// Appends markup as is: only for output of `MarkdownRenderer`, the chart types or other code of this module.
    public mutating func appendTrustedHTML(_ fragment: String) {
        body += fragment
        if !fragment.isEmpty, !fragment.hasSuffix("\n") { body += "\n" }
    }

    /// Appends Markdown rendered safely (raw HTML omitted).
    public mutating func appendMarkdown(_ markdown: String, renderer: MarkdownRenderer = MarkdownRenderer()) {
        appendTrustedHTML(renderer.html(from: markdown))
    }

    /// Appends a list of label–value pairs, e.g. a review's header fields.
    public mutating func appendDetails(_ pairs: [(label: String, value: String)]) {
        guard !pairs.isEmpty else { return }
        body += "<dl class=\"details\">\n"
        for pair in pairs {
            body += "<dt>\(HTML.escape(pair.label))</dt><dd>\(HTML.escape(pair.value))</dd>\n"
        }
        body += "</dl>\n"
    }

    /// Appends a table of text cells; short rows are padded so every row has the header's width.
    public mutating func appendTable(header: [String], rows: [[String]], caption: String? = nil) {
        body += "<table>\n"
        if let caption { body += "<caption>\(HTML.escape(caption))</caption>\n" }
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        if !header.isEmpty {
            body += "<thead>\n<tr>"
            for index in 0..<width { body += "<th>\(HTML.escape(index < header.count ? header[index] : ""))</th>" }
            body += "</tr>\n</thead>\n"
        }
        body += "<tbody>\n"
        for row in rows {
            body += "<tr>"
            for index in 0..<width { body += "<td>\(HTML.escape(index < row.count ? row[index] : ""))</td>" }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
    }

    /// Appends an SVG chart (from `TimelineChart`, `BarChart` or `LineChart`) as a figure with an optional caption.
    public mutating func appendFigure(svg: String, caption: String? = nil) {
        body += "<figure>\n\(svg)"
        if !svg.hasSuffix("\n") { body += "\n" }
        if let caption { body += "<figcaption>\(HTML.escape(caption))</figcaption>\n" }
        body += "</figure>\n"
    }

    /// Appends a table of contents linking to anchors (e.g. `MarkdownRenderer.headings(in:)`), indented by level.
    public mutating func appendTableOfContents(title: String, entries: [MarkdownHeading]) {
        guard !entries.isEmpty else { return }
        body += "<nav class=\"toc\">\n<p class=\"toc-title\">\(HTML.escape(title))</p>\n<ul>\n"
        for entry in entries {
            let level = min(max(entry.level, 1), 6)
            body += "<li class=\"toc-level-\(level)\"><a href=\"#\(HTML.escapeAttribute(entry.anchor))\">"
                + "\(HTML.escape(entry.text))</a></li>\n"
        }
        body += "</ul>\n</nav>\n"
    }

    /// Appends a chapter: a `<section class="chapter">` that starts a new printed page, titled with an `<h1>`,
    /// whose content `build` appends to the document it is given.
    public mutating func appendChapter(title: String, id: String? = nil, _ build: (inout HTMLDocument) -> Void) {
        var chapter = HTMLDocument(title: title, language: language, stylesheet: "")
        build(&chapter)
        body += "<section class=\"chapter\"\(Self.attribute("id", id))>\n<h1>\(HTML.escape(title))</h1>\n"
        body += chapter.body
        body += "</section>\n"
    }

    /// The complete page.
    public var html: String {
        var page = "<!DOCTYPE html>\n<html lang=\"\(HTML.escapeAttribute(language))\">\n<head>\n"
        page += "<meta charset=\"utf-8\" />\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        // Even if something slipped through escaping, the browser may run no script and load nothing from outside.
        page += "<meta http-equiv=\"Content-Security-Policy\" "
            + "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\" />\n"
        page += "<title>\(HTML.escape(title))</title>\n"
        // `</` would end the style element early; CSS never needs it.
        page += "<style>\n\(stylesheet.replacingOccurrences(of: "</", with: "<\\/"))\n</style>\n"
        page += "</head>\n<body>\n<main>\n"
        page += body
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    private static func attribute(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return " \(name)=\"\(HTML.escapeAttribute(value))\""
    }
}
