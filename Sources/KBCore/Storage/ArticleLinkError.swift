/// Why `kb article link` could not record that an article solved a ticket.
public enum ArticleLinkError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// No ticket with this id in the store.
    case unknownTicket(id: String)
    /// No indexed article with this id.
    case unknownArticle(id: String)

    public var diagnostic: Diagnostic { Diagnostic(.error, message) }

    private var message: String {
        switch self {
        case let .unknownTicket(id):
            "ticket '\(id)' not found in the store; run 'kb import FILE' first"
        case let .unknownArticle(id):
            "article '\(id)' is not indexed; check the id, or run 'kb index' if its file is new"
        }
    }
}
