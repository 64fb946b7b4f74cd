/// Another ticket opened during an incident's impact window for the same service: another affected customer.
public struct ConcurrentReport: Sendable, Equatable {
    public var id: String
    public var customer: String?
    public var service: String?
    public var channel: String?
    public var createdAt: Timestamp

    public init(id: String, customer: String?, service: String?, channel: String?, createdAt: Timestamp) {
        self.id = id
        self.customer = customer
        self.service = service
        self.channel = channel
        self.createdAt = createdAt
    }
}
