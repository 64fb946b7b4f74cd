/// A new ticket as it arrives at intake: its text and whatever the agent already knows.
public struct IntakeRequest: Sendable {
    public var title: String
    public var description: String
    public var customer: String?
    public var plan: String?
    public var service: String?
    /// When the request arrived; SLA due times run from here.
    public var receivedAt: Timestamp
    /// The ticket's own id when it is already in the store (so it is not its own duplicate).
    public var ticketID: String?

    public init(title: String, description: String = "", customer: String? = nil, plan: String? = nil,
                service: String? = nil, receivedAt: Timestamp, ticketID: String? = nil) {
        self.title = title
        self.description = description
        self.customer = customer
        self.plan = plan
        self.service = service
        self.receivedAt = receivedAt
        self.ticketID = ticketID
    }

    /// Title and description together, as the analyzer reads them.
    public var text: String { description.isEmpty ? title : title + "\n" + description }
}
