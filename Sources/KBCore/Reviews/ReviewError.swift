/// Why a review could not be written.
public enum ReviewError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// No ticket with this id in the store.
    case ticketNotFound(id: String)
    /// Reviews are for closed tickets; `status` is the ticket's current one.
    case notClosed(id: String, status: TicketStatus)
    /// Reviews are for severity 1–2 incidents.
    case severityOutOfScope(id: String, severity: Int)
    /// The output files already exist; nothing was written.
    case wouldOverwrite(paths: [String])
    /// A period whose end is not after its start.
    case emptyPeriod(since: String, until: String)
    /// The path given for one review names a folder.
    case outputIsFolder(path: String)
    /// The output cannot be written at `path` (a name over the file system's limit, a file where a folder is
    /// needed, or the file system's own refusal); `reason` says which.
    case unwritable(path: String, reason: String)

    public var diagnostic: Diagnostic { Diagnostic(.error, message) }

    private var message: String {
        switch self {
        case let .ticketNotFound(id):
            return "no ticket '\(id)' in the store; check the id with 'kb search' or import it with 'kb import'"
        case let .notClosed(id, status):
            return "ticket \(id) is \(status.rawValue), not closed; reviews are written for closed incidents "
                + "(use --force to review it anyway)"
        case let .severityOutOfScope(id, severity):
            return "ticket \(id) has severity \(severity); reviews are written for severity 1-2 incidents "
                + "(use --force to review it anyway)"
        case let .wouldOverwrite(paths):
            let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
            return "\(shown) already exist\(paths.count == 1 ? "s" : ""); nothing was written (use --force to overwrite)"
        case let .emptyPeriod(since, until):
            return "the period from \(since) to \(until) is empty; --until must be after --since"
        case let .outputIsFolder(path):
            return "\(path) names a folder; give --out a file name for the review"
        case let .unwritable(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
