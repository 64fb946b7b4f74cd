/// An attachment of the incident, for the evidence appendix.
public struct ReviewEvidenceItem: Sendable, Equatable {
    public var name: String
    public var kind: String?
    public var event: Int
    public var eventKind: EventKind
    public var time: ReviewTime
    public var visibility: Visibility

    public init(name: String, kind: String?, event: Int, eventKind: EventKind, time: ReviewTime, visibility: Visibility) {
        self.name = name
        self.kind = kind
        self.event = event
        self.eventKind = eventKind
        self.time = time
        self.visibility = visibility
    }
}
