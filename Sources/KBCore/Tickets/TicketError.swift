/// Why a ticket record or an import was refused.
public enum TicketError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A record that is not a valid ticket; `field` is the JSON path of the offending value.
    case invalidField(field: String, reason: String)
    /// A value outside the field's list (a status, a channel, a Zendesk priority with no entry in the policy);
    /// `value` is kept apart so an import can count the distinct ones.
    case unknownValue(field: String, value: String, reason: String)
    /// A record that is not JSON at all.
    case invalidJSON(reason: String)
    /// The same id twice in one file.
    case duplicateID(id: String, firstLine: Int)
    /// A line longer than the importer accepts.
    case lineTooLong(bytes: Int, limit: Int)
    /// A ticket object (in a Zendesk export) larger than the importer keeps; `bytes` when it was measured.
    case ticketTooLong(bytes: Int?, limit: Int)
    /// A file that cannot be read.
    case unreadable(path: String, reason: String)
    /// No ticket with this id in the store.
    case notFound(id: String)

    public var description: String {
        switch self {
        case let .invalidField(field, reason), let .unknownValue(field, _, reason): return "\(field): \(reason)"
        case let .invalidJSON(reason): return reason
        case let .duplicateID(id, firstLine): return "duplicate id '\(id)' (first seen on line \(firstLine))"
        case let .lineTooLong(bytes, limit):
            return "line of \(bytes) bytes is longer than the limit of \(limit) bytes; split the record or shorten its text"
        case let .ticketTooLong(bytes?, limit): return "ticket of \(bytes) bytes is over the limit of \(limit) bytes"
        case let .ticketTooLong(nil, limit): return "ticket over the limit of \(limit) bytes"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .notFound(id): return "no ticket '\(id)' in the store; check the id with 'kb search'"
        }
    }
}
