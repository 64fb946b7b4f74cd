/// Something the trainer should know about an article that was left out of the material.
public struct TrainingWarning: Sendable, Equatable, DiagnosticConvertible {
    /// Workspace-relative path of the article.
    public var path: String
    /// 1-based line the warning points at.
    public var line: Int
    /// Lower-case explanation.
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `PATH:LINE: warning: message`, the compiler-style form editors can jump to.
    public var diagnostic: Diagnostic { Diagnostic(.warning, message, at: .init(path: path, line: line)) }
}
