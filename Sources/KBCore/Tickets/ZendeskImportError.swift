/// Why a Zendesk export, comment file or Zendesk mapping was refused.
public enum ZendeskImportError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// The export's JSON structure is broken between tickets (inside a ticket the ticket alone is rejected).
    case invalidExport(path: String, line: Int, reason: String)
    /// A comments file or folder that cannot be used.
    case invalidComments(path: String, reason: String)
    /// A Zendesk mapping file that is not valid; `path` is the JSON path inside it.
    case invalidMapping(source: String, path: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .invalidExport(path, line, reason):
            return Diagnostic(.error, reason, at: .init(path: path, line: line))
        case let .invalidComments(path, reason):
            return Diagnostic(.error, reason, at: .init(path: path))
        case let .invalidMapping(source, path, reason):
            // `source` is the mapping file.
            return Diagnostic(.error, "\(path): \(reason)", at: .init(path: source))
        }
    }
}
