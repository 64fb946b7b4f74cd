/// When a ticket needs an external vendor (the manual's third escalation rule).
///
/// The rule applies when a keyword occurs in the ticket's text (whole words, accent- and
/// case-insensitive; a trailing `*` matches any ending). When `services` is not empty, it applies
/// only to tickets of those services, or tickets that name no service.
public struct VendorRule: Sendable, Equatable {
    /// The vendor's name; escalations go to `vendor:NAME`.
    public var name: String
    public var services: [String] {
        didSet { serviceKeys = Set(services.map(Policy.foldedKey)) }
    }
    public var keywords: [String] {
        didSet { patterns = keywords.compactMap(PolicyPhraseMatcher.Pattern.init) }
    }
    /// `services` folded as tickets' services are compared with them.
    private(set) var serviceKeys: Set<[[UInt8]]>
    /// `keywords` parsed once: the SLA board matches them against every open ticket (a keyword that is no phrase
    /// matches nothing, as `Policy` parsing reports).
    private(set) var patterns: [PolicyPhraseMatcher.Pattern]

    public init(name: String, services: [String] = [], keywords: [String]) {
        self.name = name
        self.services = services
        self.keywords = keywords
        serviceKeys = Set(services.map(Policy.foldedKey))
        patterns = keywords.compactMap(PolicyPhraseMatcher.Pattern.init)
    }

    /// The escalation target, e.g. `vendor:carrier`.
    public var target: String { "vendor:" + name }
}
