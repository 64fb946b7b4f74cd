/// One ticket of an upsert that is not acceptable: where it is in the request, and which field is wrong.
public struct TicketRejection: Sendable, Equatable, JSONEncodable {
    /// The ticket's position in the request (0 for a single ticket).
    public let index: Int
    /// The ticket's id, when it has a readable one.
    public let id: String?
    /// The JSON path of the offending value within the request: `[2].events[1].at`, or `events[1].at` for a single
    /// ticket.
    public let field: String
    public let reason: String

    public init(index: Int, id: String?, field: String, reason: String) {
        self.index = index
        self.id = id
        self.field = field
        self.reason = reason
    }

    /// `{"index":…,"id":…,"field":…,"detail":…}` (`detail` as RFC 9457 calls a problem's explanation).
    public func write(to writer: inout JSONWriter) {
        writer.object(("index", index), id.map { ("id", $0) }, ("field", field), ("detail", reason))
    }
}

/// Why `KnowledgeBase.upsertTickets(_:)` wrote nothing.
public enum TicketUpsertError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Some tickets are not valid; none was written.
    case rejected([TicketRejection])
    /// The request holds no ticket at all.
    case empty

    public var description: String {
        switch self {
        case let .rejected(rejections):
            let first = rejections.first.map { "\($0.field): \($0.reason)" } ?? ""
            return "\(rejections.count) of the tickets \(rejections.count == 1 ? "is" : "are") not valid, nothing was written; first: \(first)"
        case .empty:
            return "the request holds no ticket; send one ticket object or an array of them"
        }
    }
}
