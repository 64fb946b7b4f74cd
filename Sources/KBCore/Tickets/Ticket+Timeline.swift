extension Ticket {
    /// The ticket with its events in time order (events at the same instant keep their file order).
    public func sortedTimeline() -> Ticket {
        var copy = self
        copy.events = events.enumerated()
            .sorted { $0.element.at.seconds != $1.element.at.seconds ? $0.element.at.seconds < $1.element.at.seconds : $0.offset < $1.offset }
            .map(\.element)
        return copy
    }

    /// The offset to show local times in: the ticket creation's offset.
    public var displayOffset: Int { Int(createdAt.offsetSeconds) }
}
