/// A closed past ticket similar to the reviewed one.
public struct RelatedIncident: Sendable, Equatable {
    public var id: String
    public var title: String
    public var service: String?
    public var severity: Int
    public var customer: String?
    public var createdAt: Timestamp
    public var resolvedAt: Timestamp?
    public var rootCause: String?
    public var resolution: String?
    /// BM25 score over the reviewed ticket's own score for the same query (1.0 = as similar as itself).
    public var similarity: Double
    /// Whether it concerns the reviewed ticket's service.
    public var sameService: Bool
    /// Whole days from its creation to the reviewed ticket's creation.
    public var daysBefore: Int
    /// Other tickets of the same past incident (reported by other customers at the same time), by creation.
    public var otherReports: [String]
    /// Why it had the same cause as the reviewed incident; empty when it is only similar in words.
    public var agreements: [CauseSignature.Agreement]

    public init(id: String, title: String, service: String?, severity: Int, customer: String?, createdAt: Timestamp,
                resolvedAt: Timestamp?, rootCause: String?, resolution: String?, similarity: Double,
                sameService: Bool, daysBefore: Int, otherReports: [String] = [],
                agreements: [CauseSignature.Agreement] = []) {
        self.id = id
        self.title = title
        self.service = service
        self.severity = severity
        self.customer = customer
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.rootCause = rootCause
        self.resolution = resolution
        self.similarity = similarity
        self.sameService = sameService
        self.daysBefore = daysBefore
        self.otherReports = otherReports
        self.agreements = agreements
    }
}
