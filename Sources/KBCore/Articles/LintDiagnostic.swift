/// One problem found by `kb article lint`, located by file and line.
public struct LintDiagnostic: Sendable, Hashable, Comparable, DiagnosticConvertible {
    /// Errors fail lint; warnings are advice.
    public typealias Severity = Diagnostic.Severity

    /// Workspace-relative path of the article.
    public var path: String
    /// 1-based line in the file (1 when the problem concerns the whole file).
    public var line: Int
    public var severity: Severity
    /// Lower-case explanation.
    public var message: String

    public init(path: String, line: Int, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `PATH:LINE: error|warning: message`, the compiler-style form editors can jump to.
    public var diagnostic: Diagnostic { Diagnostic(severity, message, at: .init(path: path, line: line)) }

    /// Orders by path (byte order), then line, then errors before warnings, then message.
    public static func < (lhs: LintDiagnostic, rhs: LintDiagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8)
    }
}
