/// Why kb could not tell which format a ticket file is in.
public enum ImportFormatError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// The first bytes match no format; `reason` says what they look like.
    case undetectable(file: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .undetectable(file, reason):
            return Diagnostic(.error, "cannot tell the format: \(reason); pass --format jsonl|csv|zendesk", at: .init(path: file))
        }
    }
}
