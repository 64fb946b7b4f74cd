/// What identifies an incident's cause: its service, the analysed words of its root cause, the vendors it was
/// escalated to and the articles linked to it. Two tickets whose signatures agree had the same problem.
public struct CauseSignature: Sendable, Equatable {
    /// Why two tickets are taken to share a cause.
    public enum Agreement: Sendable, Equatable, Hashable {
        /// Their root causes say the same thing (most of the shorter one's words are in the other).
        case causeText
        /// Both were escalated to this vendor (`vendor:NAME`).
        case vendor(String)
        /// Both are linked to this article.
        case article(String)

        /// `cause_text`, `vendor:NAME` or `article:ID`, for JSON.
        public var key: String {
            switch self {
            case .causeText: return "cause_text"
            case .vendor(let target): return target
            case .article(let id): return "article:" + id
            }
        }
    }

    /// Share of the shorter root cause's words the other must contain for the texts to say the same thing.
    public static let causeTextOverlap = 0.5
    /// Below this share the texts disagree: a shared vendor or article alone does not make them one cause.
    public static let causeTextContradiction = 0.2

    /// The service, folded as `Policy.foldedKey` folds it (case and accents); nil when the ticket names none.
    public var service: [[UInt8]]?
    /// Analysed words of the root cause, without function words; empty when no cause was recorded.
    public var causeTerms: Set<String>
    /// Escalation targets that are vendors, lower-cased.
    public var vendors: Set<String>
    /// Linked article ids.
    public var articles: Set<String>
    /// Analysed words of the vendors' names: a cause naming the same vendor is not thereby the same cause.
    public var vendorTerms: Set<String>

    public init(service: String?, causeTerms: Set<String>, vendors: Set<String>, articles: Set<String>,
                vendorTerms: Set<String> = []) {
        self.service = service.map(Policy.foldedKey)
        self.causeTerms = causeTerms
        self.vendors = vendors
        self.articles = articles
        self.vendorTerms = vendorTerms
    }

    /// The overlap coefficient of the two root causes' words other than vendor names (shared over the smaller
    /// set), nil when either has fewer than two: one word says too little to compare.
    public func causeOverlap(with other: CauseSignature) -> Double? {
        let names = vendorTerms.union(other.vendorTerms)
        let own = causeTerms.subtracting(names), theirs = other.causeTerms.subtracting(names)
        guard own.count >= 2, theirs.count >= 2 else { return nil }
        return Double(own.intersection(theirs).count) / Double(min(own.count, theirs.count))
    }

    /// Why `other` had the same cause as this one, or an empty list when nothing says so.
    ///
    /// Services must agree when both are known. Root causes that share most of their words agree on their
    /// own; a shared vendor or linked article agrees unless the two root causes clearly say different things.
    public func agreements(with other: CauseSignature) -> [Agreement] {
        if let service, let otherService = other.service, service != otherService { return [] }
        let overlap = causeOverlap(with: other)
        var found: [Agreement] = []
        if let overlap, overlap >= Self.causeTextOverlap { found.append(.causeText) }
        if overlap.map({ $0 >= Self.causeTextContradiction }) ?? true {
            found += articles.intersection(other.articles).sorted().map(Agreement.article)
            found += vendors.intersection(other.vendors).sorted().map(Agreement.vendor)
        }
        return found
    }

    /// True when nothing recorded says the two tickets had different causes: both root causes are known and
    /// share too few words.
    public func contradicts(_ other: CauseSignature) -> Bool {
        if let service, let otherService = other.service, service != otherService { return true }
        guard let overlap = causeOverlap(with: other) else { return false }
        return overlap < Self.causeTextContradiction && articles.isDisjoint(with: other.articles)
    }
}
