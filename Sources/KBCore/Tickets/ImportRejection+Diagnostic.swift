extension ImportRejection: DiagnosticConvertible {
    /// The rejected record's file and line, and why.
    public var diagnostic: Diagnostic { Diagnostic(.error, reason, at: .init(path: file, line: line)) }
}
