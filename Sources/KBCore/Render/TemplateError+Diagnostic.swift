extension TemplateError: DiagnosticConvertible {
    /// The template (or file) with the offending tag's line and column when known, and the reason.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, reason, at: Diagnostic.Location(path: name, line: location?.line, column: location?.column))
    }
}
