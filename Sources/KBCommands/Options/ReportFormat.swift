/// The formats of a report printed on standard output: Markdown or HTML from the workspace's template, or JSON.
enum ReportFormat: String, CaseIterable, DocumentFormat {
    case md, html, json

    static var defaultFormat: ReportFormat { .md }
}
