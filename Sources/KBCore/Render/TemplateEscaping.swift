/// What `{{name}}` does to the text it inserts: escape it for the format the template writes. `{{{name}}}` and
/// `{{&name}}` insert text as it is, whatever the format.
public enum TemplateEscaping: Sendable, Equatable {
    /// `HTML.escape`, as the Mustache specification has it.
    case html
    /// `Markdown.escape`: the text shows as written, its line breaks kept as hard breaks.
    case markdown

    /// The escaping of a template by its name or file path: Markdown for `NAME.md` (and `NAME.md.mustache`),
    /// HTML for everything else.
    public init(templateName: String) {
        let name = templateName.hasSuffix(".mustache") ? String(templateName.dropLast(".mustache".count)) : templateName
        self = name.hasSuffix(".md") ? .markdown : .html
    }

    /// `text` escaped for the format.
    public func escape(_ text: String) -> String {
        switch self {
        case .html: HTML.escape(text)
        case .markdown: Markdown.escape(text)
        }
    }
}
