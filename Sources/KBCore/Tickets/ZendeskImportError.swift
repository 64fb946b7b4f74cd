/// Why a Zendesk export, comment file or Zendesk mapping was refused.
public enum ZendeskImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The export's JSON structure is broken between tickets (inside a ticket the ticket alone is rejected).
    case invalidExport(path: String, line: Int, reason: String)
    /// A comments file or folder that cannot be used.
    case invalidComments(path: String, reason: String)
    /// A Zendesk mapping file that is not valid; `path` is the JSON path inside it.
    case invalidMapping(source: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidExport(path, line, reason):
            return "\(path):\(line): error: \(reason)"
        case let .invalidComments(path, reason):
            return "\(path): error: \(reason)"
        case let .invalidMapping(source, path, reason):
            return "\(source): error: \(path): \(reason)"
        }
    }
}
