/// Why `kb article draft` could not write a draft.
public enum ArticleDraftError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// No ticket with this id in the store.
    case ticketNotFound(id: String)
    /// The ticket is still open: an article is written from a solved case.
    case ticketNotResolved(id: String, status: String)
    /// A file already exists where the draft would go; drafts never overwrite.
    case fileExists(path: String)
    /// The rendered draft is not a valid article (a customised template broke the front matter).
    case invalidTemplate(name: String, reason: String)
    /// The draft could not be written.
    case unwritable(path: String, reason: String)

    public var diagnostic: Diagnostic { Diagnostic(.error, message) }

    private var message: String {
        switch self {
        case let .ticketNotFound(id):
            "ticket '\(id)' not found in the store; run 'kb import FILE' first"
        case let .ticketNotResolved(id, status):
            "ticket \(id) is \(status), not resolved or closed; an article is drafted from a solved ticket "
                + "(--force drafts it anyway)"
        case let .fileExists(path):
            "\(path) already exists; drafts never overwrite a file (rename or remove it, or edit it instead)"
        case let .invalidTemplate(name, reason):
            "template '\(name)' does not produce a valid article: \(reason)"
        case let .unwritable(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}
