/// What `KnowledgeBase.training(_:)` builds: customer material in a language and format, for some services or tags.
public struct TrainingRequest: Sendable {
    /// The document's language; nil: the policy's.
    public var language: Language?
    public var format: TrainingFormat
    /// Only articles and requests of these services; empty for all.
    public var services: [String]
    /// Only articles and requests with these tags; empty for all.
    public var tags: [String]
    /// At most this many FAQ questions; 0 leaves the FAQ out.
    public var faqLimit: Int

    /// FAQ questions when the request names no limit.
    public static let defaultFAQLimit = 10

    public init(language: Language? = nil, format: TrainingFormat = .markdown, services: [String] = [],
                tags: [String] = [], faqLimit: Int = TrainingRequest.defaultFAQLimit) {
        self.language = language
        self.format = format
        self.services = services
        self.tags = tags
        self.faqLimit = faqLimit
    }
}
