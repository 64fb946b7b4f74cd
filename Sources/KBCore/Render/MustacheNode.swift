/// One piece of a parsed Mustache template.
enum MustacheNode: Sendable {
    /// Literal text, copied as is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`; an empty path is the implicit iterator `.`.
    case variable(path: [String], escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(path: [String], inverted: Bool, children: [MustacheNode])
    /// `{{>name}}`; `indent` is the whitespace before a standalone partial tag, prefixed to each of the partial's lines.
    case partial(name: String, indent: String, line: Int, column: Int)
}
