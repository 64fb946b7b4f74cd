/// A parsed Mustache template (the specification's interpolation, sections, inverted sections, comments,
/// partials and set delimiters; no lambdas), rendered against a `TemplateValue`.
///
/// Values are inserted as data: text from a value is never parsed as a template, whatever it contains.
/// `{{name}}` escapes for the output format (`TemplateEscaping`: `HTML.escape` unless told otherwise);
/// `{{{name}}}` and `{{&name}}` insert text as is.
public struct MustacheTemplate: Sendable {
    /// The name errors carry (a template name or file path).
    public let name: String
    let nodes: [MustacheNode]

    /// Parses `source`; errors are located as `name:line:column`.
    public init(source: String, name: String) throws(TemplateError) {
        var parser = MustacheParser(source: source, name: name)
        self.nodes = try parser.parse()
        self.name = name
    }

    /// Renders against `context`, escaping `{{name}}` with `escaping`; `partials` returns a partial's source by
    /// name (nil renders nothing, as the specification asks). A partial's parse errors carry the partial's name.
    public func render(_ context: TemplateValue, escaping: TemplateEscaping = .html,
                       partials: (String) -> String? = { _ in nil }) throws(TemplateError) -> String {
        try render(context, escaping: escaping, partialLookup: { partialName in
            partials(partialName).map { ($0, partialName) }
        })
    }

    /// Renders with partials that name their own errors (a file path rather than the partial's name); `fallback`
    /// answers the names the data lacks (a template set's words, `t`).
    func render(_ context: TemplateValue, fallback: TemplateValue? = nil, escaping: TemplateEscaping = .html,
                partialLookup: MustacheRenderer.PartialLookup) throws(TemplateError) -> String {
        var renderer = MustacheRenderer(context: context, fallback: fallback, escaping: escaping)
        return try renderer.render(nodes, templateName: name, partials: partialLookup)
    }
}
