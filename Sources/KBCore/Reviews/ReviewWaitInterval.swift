/// One stretch of time waiting on the customer or on a vendor, from the ticket's status changes.
public struct ReviewWaitInterval: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    /// Wall-clock seconds.
    public var seconds: Int64
    /// Business seconds of the plan's calendar.
    public var businessSeconds: Int64
    /// Who was awaited: the vendor escalated to last before the wait (`vendor:cloudsms`), nil when none was.
    public var party: String?
    /// Indices of the events that started and ended the wait.
    public var events: [Int]

    public init(start: Timestamp, end: Timestamp, seconds: Int64, businessSeconds: Int64, party: String?, events: [Int]) {
        self.start = start
        self.end = end
        self.seconds = seconds
        self.businessSeconds = businessSeconds
        self.party = party
        self.events = events
    }
}
