/// The formats of a report printed on standard output: Markdown from the workspace's template, or JSON.
enum ReportFormat: String, CaseIterable, DocumentFormat {
    case md, json

    static var defaultFormat: ReportFormat { .md }
}
