/// What automation mining looks at and how strict it is.
public struct AutomationOptions: Sendable, Equatable {
    /// Only tickets created at or after this instant; nil for no lower bound.
    public var since: Timestamp?
    /// Only tickets created before this instant; nil for no upper bound.
    public var until: Timestamp?
    /// The moment of the analysis: SLA clocks are read at it and an open-ended period ends at it.
    public var now: Timestamp
    /// Fewest evidence tickets a proposal needs (at least 2).
    public var minimumOccurrences: Int
    /// Language of titles and rationales.
    public var language: Language
    /// Language of the ticket text (stemming of actions, causes and titles).
    public var analyzerLanguage: Language
    /// Services a monitoring check could watch: customer-reported incidents on them are detection gaps.
    public var monitorableServices: [String]
    /// An escalation later than this many minutes after creation is slow.
    public var slowEscalationMinutes: Int
    /// Jaccard similarity of normalised terms at which two action (or evidence request) wordings are one.
    public var actionSimilarity: Double
    /// Jaccard similarity of root-cause terms at which two incidents of a service share a cause.
    public var causeSimilarity: Double
    /// Jaccard similarity of title terms at which two severity-5 requests are of one kind.
    public var requestSimilarity: Double
    /// Weighted similarity (``AutomationMeaningMerger``) at which two groups of one signal say the same thing and
    /// become one proposal.
    public var meaningSimilarity: Double
    /// Lower similarity that suffices when the two groups also share their vendor, linked article or tag: texts that
    /// do not contradict each other about the same vendor's failure are one cause.
    public var sharedContextSimilarity: Double
    /// How many times the overall breach rate a time slot's rate must reach to count as a cluster.
    public var breachRateRatio: Double

    /// Options with the documented defaults.
    public init(
        now: Timestamp, since: Timestamp? = nil, until: Timestamp? = nil, minimumOccurrences: Int = 3,
        language: Language = .spanish, analyzerLanguage: Language = .spanish,
        monitorableServices: [String] = ["llamadas", "webchat", "mensajeria", "portal"],
        slowEscalationMinutes: Int = 30, actionSimilarity: Double = 0.8, causeSimilarity: Double = 0.5,
        requestSimilarity: Double = 0.5, breachRateRatio: Double = 1.5, meaningSimilarity: Double = 0.4,
        sharedContextSimilarity: Double = 0.15
    ) {
        self.now = now
        self.since = since
        self.until = until
        self.minimumOccurrences = minimumOccurrences
        self.language = language
        self.analyzerLanguage = analyzerLanguage
        self.monitorableServices = monitorableServices
        self.slowEscalationMinutes = slowEscalationMinutes
        self.actionSimilarity = actionSimilarity
        self.causeSimilarity = causeSimilarity
        self.requestSimilarity = requestSimilarity
        self.breachRateRatio = breachRateRatio
        self.meaningSimilarity = meaningSimilarity
        self.sharedContextSimilarity = sharedContextSimilarity
    }

    /// Throws when the options cannot describe a period or a pattern.
    func validate() throws(AutomationError) {
        if let since, let until, since.seconds >= until.seconds {
            throw .invalidPeriod(since: since.utcString, until: until.utcString)
        }
        if minimumOccurrences < 2 { throw .invalidMinimumOccurrences(value: minimumOccurrences) }
        for (name, value) in [("action similarity", actionSimilarity), ("cause similarity", causeSimilarity),
                              ("request similarity", requestSimilarity), ("meaning similarity", meaningSimilarity),
                              ("shared context similarity", sharedContextSimilarity)] where !(value > 0 && value <= 1) {
            throw .invalidThreshold(name: name, value: value)
        }
        if !(breachRateRatio >= 1) {
            throw .invalidSetting(name: "breach rate ratio", value: "\(breachRateRatio)", expected: "at least 1")
        }
        if slowEscalationMinutes < 0 {
            throw .invalidSetting(name: "slow escalation minutes", value: "\(slowEscalationMinutes)", expected: "zero or more")
        }
    }
}
