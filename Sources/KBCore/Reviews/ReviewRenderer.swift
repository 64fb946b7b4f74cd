/// Renders reviews, period summaries and review indexes with a language's templates.
///
/// Templates: `review.md`, `review.html`, `review-summary.md`, `review-summary.html`, `review-index.md` and
/// `review-index.html` (workspace `templates/` over the built-in ones), with the words of the set's language.
/// JSON needs no template.
/// Rendering reads only the values given: it never queries the database.
public struct ReviewRenderer: Sendable {
    /// The HTML pages' CSS: the shared default stylesheet plus review tables, states and badges.
    public static let stylesheet = HTMLStylesheet.standard + "\n" + """
        .text { white-space: pre-line; }
        main { max-width: 72rem; }
        td, th { overflow-wrap: break-word; }
        /* A cell may break a long token (NET::ERR_CERT_DATE_INVALID) so a table never outgrows the page; headers
           and times keep their words whole. */
        td { overflow-wrap: anywhere; }
        table.timeline { font-size: 0.85rem; }
        table.timeline td, table.timeline th { padding: 0.3rem 0.5rem; }
        table.timeline td.text { min-width: 18rem; width: 55%; }
        figure svg { height: auto; max-width: 100%; }
        .muted, .placeholder { color: #57606a; }
        .placeholder { font-style: italic; }
        td.met { color: #116329; font-weight: 600; }
        td.breached { color: #b42318; font-weight: 600; }
        td.missing { color: #b45309; font-style: italic; }
        td.nowrap, th.nowrap, span.nowrap { white-space: nowrap; }
        tr.internal td { background: #fffbeb; }
        .badge { border-radius: 4px; display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 0.4em; }
        .badge-internal { background: #fde68a; color: #78350f; }
        .badge-flag { background: #fecaca; color: #7f1d1d; }
        .badge-met { background: #dcfce7; color: #14532d; }
        .badge-breached { background: #fee2e2; color: #7f1d1d; }
        ul.warnings { margin: 0; padding-left: 1.2rem; }
        section.review-section { break-inside: auto; }
        section.glance { background: #f6f8fa; border: 1px solid #d0d7de; border-left: 4px solid #0b5cad;
          border-radius: 6px; margin: 0 0 1.5rem; padding: 0.1rem 1.2rem 0.8rem; }
        section.glance h2 { border-bottom: 0; font-size: 1.25rem; margin: 0.7rem 0 0.5rem; padding-bottom: 0; }
        section.glance dl { display: grid; gap: 0.3rem 1.2rem; grid-template-columns: max-content 1fr; margin: 0; }
        section.glance dt { color: #111827; font-weight: 600; }
        section.glance dd { margin: 0; overflow-wrap: anywhere; }
        section.glance ul { margin: 0; padding-left: 1.1rem; }
        @media (max-width: 40rem) { section.glance dl { gap: 0; grid-template-columns: 1fr; } section.glance dd { margin-bottom: 0.5rem; } }
        @media print {
          .badge { border: 1px solid #8c959f; }
          main { max-width: none; }
          table { font-size: 0.8rem; }
          th, td { padding: 0.25rem 0.4rem; }
          th.nowrap { white-space: normal; }
          table.timeline, table.index { font-size: 0.75rem; }
          table.timeline td.text { min-width: 0; width: auto; }
          table { break-inside: auto; page-break-inside: auto; }
          tr, section.glance, figure { break-inside: avoid; page-break-inside: avoid; }
          caption, h2, h3 { break-after: avoid; page-break-after: avoid; }
        }
        """

    public let templates: TemplateSet

    /// A renderer using `templates` (e.g. `workspace.templates(language:)`).
    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// A review in `format`.
    public func render(_ review: Review, format: ReviewFormat) throws -> String {
        switch format {
        case .json: return review.jsonText() + "\n"
        case .md: return try templates.render("review.md", context: review.templateValue(format: .md))
        case .html: return try templates.render("review.html", context: review.templateValue(format: .html))
        }
    }

    /// A period summary in `format`.
    public func render(_ summary: PeriodSummary, format: ReviewFormat) throws -> String {
        switch format {
        case .json: return summary.jsonText() + "\n"
        case .md: return try templates.render("review-summary.md", context: summary.templateValue(format: .md))
        case .html: return try templates.render("review-summary.html", context: summary.templateValue(format: .html))
        }
    }

    /// The index page linking a period's reviews and its summary (`md` or `html`; JSON gives the summary).
    public func renderIndex(_ summary: PeriodSummary, format: ReviewFormat) throws -> String {
        switch format {
        case .json: return summary.jsonText() + "\n"
        case .md: return try templates.render("review-index.md", context: summary.templateValue(format: .md))
        case .html: return try templates.render("review-index.html", context: summary.templateValue(format: .html))
        }
    }

    /// An SVG chart for embedding in an HTML page: HTML parsers put `<svg>` in the SVG namespace themselves,
    /// so the page keeps no `http://` namespace URL.
    static func inlineSVG(_ svg: String) -> String {
        svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    }
}
