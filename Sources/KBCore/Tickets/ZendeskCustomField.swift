/// Where the value of one Zendesk custom field goes on a kb ticket.
public struct ZendeskCustomField: Sendable, Equatable {
    /// Ticket fields a custom field can fill.
    public static let targets = [
        "customer", "plan", "timezone", "service", "severity", "channel", "assignee", "level", "resolution",
        "root_cause", "tags", "language",
    ]

    /// The kb field, one of `targets`.
    public var field: String
    /// Translations of Zendesk values (dropdown tags) into kb values, e.g. `"srv_portal": "portal"`.
    public var values: [String: JSONValue]

    public init(field: String, values: [String: JSONValue] = [:]) {
        self.field = field
        self.values = values
    }
}
